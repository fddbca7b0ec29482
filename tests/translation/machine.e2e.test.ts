import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ArticleEvents, TranslationEvents, type Job, type Story } from '@khao/contracts';
import { EventTap, TestPlatform, waitFor } from '@khao/testing';
import { importStories, userToken, version } from '../articles/helpers.js';
import { fakeLibreTranslate } from './fake-providers.js';
import { createAndPublish, GLOSSARY, khonKaenStory, SEGMENTS, THAI, waitForJob } from './helpers.js';

// A Thai story goes out; with LibreTranslate configured, English machine drafts arrive for every segment.
const KEY = 'libre-test-key';
const libre = fakeLibreTranslate(KEY);
let platform: TestPlatform;
let token: string;
let tap: EventTap;
let story: Story;
let job: Job;
const EDITED_BODY = khonKaenStory().version.body.replace('ยังต้องซ่อมอีกมาก', 'ยังต้องซ่อมอีกมากกว่าร้อยหลัง');

const completedEvents = (jobId: string) =>
  tap.events<{ jobId: string; sourceRevision: number }>(
    [TranslationEvents.jobCompleted.subject],
    (e) => e.data.jobId === jobId,
  );

beforeAll(async () => {
  await libre.start();
  platform = new TestPlatform({
    services: ['articles', 'translation'],
    env: {
      translation: {
        TRANSLATION_PROVIDER: 'libretranslate',
        LIBRETRANSLATE_URL: libre.url,
        LIBRETRANSLATE_API_KEY: KEY,
        TRANSLATION_POLL_MS: '200',
      },
    },
  });
  await platform.start();
  token = await platform.adminToken();
  tap = await EventTap.open();
  for (const term of GLOSSARY) {
    const res = await platform.http('POST', '/api/v1/glossary', { token, body: term });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
  }
});
afterAll(async () => {
  await platform?.stop();
  await tap?.close();
  await libre.stop();
});

describe('machine translation with LibreTranslate', () => {
  it('an imported story gets no job and no call to the provider', async () => {
    const calls = libre.callsTo('/translate').length;
    const { version: v, ...fields } = khonKaenStory('นำเข้า');
    const [item] = await importStories(platform, token, [
      { ...fields, versions: [{ language: 'th', ...v, publishedAt: '2019-06-05T09:30:00+07:00' }] },
    ]);
    const [event] = await waitFor(
      async () => {
        const out = await tap.events([ArticleEvents.versionPublishedV2.subject], (e) => e.data.storyId === item.id);
        return out.length ? out : undefined;
      },
      { what: 'the imported event' },
    );
    // Acknowledged (skipped before the inbox: nothing is done for it) without a job.
    expect(event.data.imported).toBe(true);
    await waitFor(() => tap.acknowledgedBy(`translation-${platform.suffix}`), {
      what: 'the imported event to be handled',
    });
    const job = await platform.http('GET', `/api/v1/translation-jobs/${item.id}-en`, { token });
    expect(job.status).toBe(404);
    expect(libre.callsTo('/translate')).toHaveLength(calls);
  });

  it('a published Thai story gets an English job with a machine draft for every segment', async () => {
    story = await createAndPublish(platform, token, khonKaenStory());
    job = await waitForJob(platform, token, `${story.id}-en`, (j) => j.status === 'machine_translated');

    expect(job).toMatchObject({
      storyId: story.id,
      sourceLanguage: 'th',
      targetLanguage: 'en',
      provider: 'libretranslate',
    });
    expect(job.sourceRevision).toBe(version(story, 'th').revision);
    expect(job.segments).toHaveLength(SEGMENTS);
    expect(job.segments.map((s) => s.kind)).toEqual(['title', 'summary', 'p', 'blockquote', 'h2', 'li', 'li', 'li']);
    for (const s of job.segments) {
      expect(s.status).toBe('machine');
      // The draft is kept beside the target, named as the provider's.
      expect(s).toMatchObject({ draft: s.target, draftFrom: 'provider', changed: false });
      expect(s.target, s.source).toBeTruthy();
      expect(s.target, s.target!).not.toMatch(THAI);
    }
    // One call for the whole batch, in the shape LibreTranslate takes.
    const calls = libre.callsTo('/translate');
    expect(calls).toHaveLength(1);
    expect(calls[0].body).toMatchObject({ source: 'th', target: 'en', format: 'html', api_key: KEY });
    expect((calls[0].body as { q: string[] }).q).toHaveLength(SEGMENTS);

    // Inline markup and links survive.
    const p = job.segments[2].target!;
    expect(p).toContain('<a href="https://www.codi.or.th"');
    expect(p).toMatch(/<strong>[^<]+<\/strong>/);
    expect(p).toContain('2568');

    const completed = await waitFor(async () =>
      (await completedEvents(job.id)).length ? completedEvents(job.id) : undefined,
    );
    expect(completed).toHaveLength(1);
    expect(completed[0].data).toMatchObject({ sourceRevision: job.sourceRevision, status: 'machine_translated' });
  });

  it('enforces the glossary in the output (พอช. → CODI, สภาองค์กรชุมชน → Community Organization Council)', () => {
    const all = job.segments.map((s) => s.target).join('\n');
    expect(job.segments[0].target).toContain('Community Organization Council');
    expect(job.segments[0].target).toContain('CODI');
    expect(job.segments.at(-1)!.target).toContain('CODI');
    // What the provider itself would have said for them never shows.
    expect(all).not.toMatch(/Por Chor|community organisations council/);
    // The protecting markup is gone again.
    expect(all).not.toContain('translate="no"');
  });

  it('after an edit of one paragraph, exactly one new provider call, for that paragraph only', async () => {
    const before = libre.callsTo('/translate').length;
    const firstRevision = job.sourceRevision;
    const input = khonKaenStory();
    const put = await platform.http('PUT', `/api/v1/articles/${story.id}/versions/th`, {
      token,
      body: { ...input.version, body: EDITED_BODY },
    });
    expect(put.status, JSON.stringify(put.body)).toBe(200);
    const revision = version(put.body as Story, 'th').revision;
    const refreshed = await waitForJob(
      platform,
      token,
      job.id,
      (j) => j.sourceRevision === revision && j.status === 'machine_translated',
      'the refreshed job',
    );
    const calls = libre.callsTo('/translate').slice(before);
    expect(calls).toHaveLength(1);
    const q = (calls[0].body as { q: string[] }).q;
    expect(q).toHaveLength(1);
    expect(q[0]).toContain('กว่าร้อยหลัง');
    // Every other segment kept its translation.
    refreshed.segments.forEach((s, i) => {
      if (i === 3) expect(s.target).not.toBe(job.segments[3].target);
      else expect(s.target).toBe(job.segments[i].target);
    });
    job = refreshed;
    // A redelivered or repeated event for the same revision changes nothing: still one completed event per revision.
    const events = await waitFor(async () => {
      const e = await completedEvents(job.id);
      return e.length >= 2 ? e : undefined;
    });
    expect(events.map((e) => e.data.sourceRevision)).toEqual([firstRevision, revision]);
  });

  it('approved segments are reused from the translation memory: zero provider calls for the same text', async () => {
    const translator = await userToken(platform, token, 'translator');
    const approved = await platform.http('POST', `/api/v1/translation-jobs/${job.id}/approve`, {
      token: translator.token,
    });
    expect(approved.status, JSON.stringify(approved.body)).toBe(200);
    expect(approved.body).toMatchObject({ status: 'applied' });

    const before = libre.calls.length;
    const same = khonKaenStory();
    const again = await createAndPublish(platform, token, { ...same, version: { ...same.version, body: EDITED_BODY } });
    const second = await waitForJob(platform, token, `${again.id}-en`, (j) => j.status === 'machine_translated');
    expect(libre.calls.slice(before).map((c) => c.body)).toEqual([]);
    expect(second.segments.every((s) => s.status === 'memory' && s.draftFrom === 'memory')).toBe(true);
    expect(second.segments.map((s) => s.target)).toEqual(job.segments.map((s) => s.target));
  });
});
