import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TranslationEvents, type Job, type JobSummary, type Story } from '@khao/contracts';
import { EventTap, TestPlatform, waitFor } from '@khao/testing';
import { userToken, version } from '../articles/helpers.js';
import { createAndPublish, getJob, khonKaenStory, SEGMENTS, waitForJob } from './helpers.js';

// The default provider is manual: the job waits for a translator, who edits, then approves.
const platform = new TestPlatform({ services: ['articles', 'translation'] });
let admin: string;
let translator: { id: string; token: string };
let author: { id: string; token: string };
let tap: EventTap;

const ENGLISH = [
  'Khon Kaen Community Organization Council and CODI restore homes by Bueng Kaen Nakhon',
  'Three communities plan flood repairs, with the Community Organization Council at the centre.',
  'KHON KAEN, 3–4 November 2025 — <strong>The Nai Mueang Community Organization Council</strong> and ' +
    '<a href="https://www.codi.or.th">the Community Organizations Development Institute (CODI)</a> held a planning forum.',
  '“The water has gone down, but our houses still need a lot of repair,” said Boonmee Saendee, the council chair.',
  'A three-step plan',
  'Survey the damaged houses',
  'Set up a repair fund',
  'Ask CODI for a budget',
];

beforeAll(async () => {
  await platform.start();
  admin = await platform.adminToken();
  translator = await userToken(platform, admin, 'translator');
  author = await userToken(platform, admin, 'author');
  tap = await EventTap.open();
});
afterAll(async () => {
  await platform.stop();
  await tap?.close();
});

async function translateAll(job: Job) {
  let last = job;
  for (const s of job.segments) {
    const res = await platform.http('PATCH', `/api/v1/translation-jobs/${job.id}/segments/${s.n}`, {
      token: translator.token,
      body: { target: ENGLISH[s.n], sourceHash: s.sourceHash },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    last = res.body as Job;
  }
  return last;
}

describe('manual translation, review and approval', () => {
  let story: Story;
  let job: Job;

  it('a story submitted for review gets a job waiting for a translator', async () => {
    const created = await platform.http('POST', '/api/v1/articles', { token: author.token, body: khonKaenStory() });
    expect(created.status).toBe(201);
    story = created.body as Story;
    // A draft save does not start a job under the default trigger (submit)…
    await new Promise((r) => setTimeout(r, 500));
    expect((await platform.http('GET', `/api/v1/translation-jobs/${story.id}-en`, { token: admin })).status).toBe(404);
    // …submitting it does.
    const submitted = await platform.http('POST', `/api/v1/articles/${story.id}/versions/th/submit`, {
      token: author.token,
    });
    expect(submitted.status).toBe(200);
    job = await waitForJob(platform, translator.token, `${story.id}-en`, (j) => j.status === 'awaiting_translator');
    expect(job.provider).toBe('manual');
    expect(job.segments).toHaveLength(SEGMENTS);
    expect(job.segments.every((s) => s.target === null && s.status === 'pending')).toBe(true);

    const listed = await platform.http('GET', '/api/v1/translation-jobs?status=awaiting_translator&language=en', {
      token: translator.token,
    });
    expect(listed.status).toBe(200);
    const items = (listed.body as { items: JobSummary[] }).items;
    expect(items.map((i) => i.id)).toContain(job.id);
    expect(items.find((i) => i.id === job.id)).toMatchObject({
      pendingCount: SEGMENTS,
      title: story.versions[0].title,
    });
  });

  it('only translators, editors and admins reach the jobs; bad input is a clear 4xx', async () => {
    expect((await platform.http('GET', '/api/v1/translation-jobs', { token: author.token })).status).toBe(403);
    expect((await platform.http('GET', '/api/v1/translation-jobs')).status).toBe(401);
    const bad = await platform.http('GET', '/api/v1/translation-jobs/not-a-job', { token: translator.token });
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({ message: expect.stringContaining('job id') });
    const missing = await platform.http('GET', `/api/v1/translation-jobs/0123456789abcdef01234567-en`, {
      token: translator.token,
    });
    expect(missing.status).toBe(404);
    const noSegment = await platform.http('PATCH', `/api/v1/translation-jobs/${job.id}/segments/99`, {
      token: translator.token,
      body: { target: 'x' },
    });
    expect(noSegment.status).toBe(404);
    expect(noSegment.body).toMatchObject({ message: expect.stringContaining('segments 0 to 7') });
    const empty = await platform.http('PATCH', `/api/v1/translation-jobs/${job.id}/segments/0`, {
      token: translator.token,
      body: { target: '  ', extra: 1 },
    });
    expect(empty.status).toBe(400);
    const stale = await platform.http('PATCH', `/api/v1/translation-jobs/${job.id}/segments/0`, {
      token: translator.token,
      body: { target: 'Title', sourceHash: 'not-the-hash' },
    });
    expect(stale.status).toBe(409);
    const early = await platform.http('POST', `/api/v1/translation-jobs/${job.id}/approve`, {
      token: translator.token,
    });
    expect(early.status).toBe(409);
    expect(early.body).toMatchObject({ message: expect.stringContaining('8 segment(s)') });
  });

  it('the translator edits every segment and approves: an English draft linked to the Thai source', async () => {
    const edited = await translateAll(job);
    expect(edited.status).toBe('in_review');
    expect(edited.segments.every((s) => s.status === 'edited' && s.editedBy === translator.id)).toBe(true);
    // A manual job has no machine draft, and nothing is "changed since approval" before a first approval.
    expect(edited.segments.every((s) => s.draft === null && s.draftFrom === null && !s.changed)).toBe(true);

    const approved = await platform.http('POST', `/api/v1/translation-jobs/${job.id}/approve`, {
      token: translator.token,
    });
    expect(approved.status, JSON.stringify(approved.body)).toBe(200);
    const applied = approved.body as Job;
    expect(applied).toMatchObject({ status: 'applied', approvedBy: translator.id });
    expect(applied.segments.every((s) => s.status === 'approved')).toBe(true);

    const res = await platform.http('GET', `/api/v1/articles/${story.id}`, { token: admin });
    const now = res.body as Story;
    const en = version(now, 'en');
    expect(applied.appliedRevision).toBe(now.revision);
    expect(en).toMatchObject({ status: 'draft', translationOf: 'th', title: ENGLISH[0], summary: ENGLISH[1] });
    expect(en.updatedBy).toBe(translator.id);
    // The original block structure, with the translator's text in it.
    expect(en.body).toMatch(/^<p>KHON KAEN, 3–4 November 2025 — <strong>/);
    expect(en.body).toContain('<blockquote>“The water has gone down');
    expect(en.body).toContain('<h2>A three-step plan</h2>');
    expect(en.body).toContain(
      '<ul><li>Survey the damaged houses</li><li>Set up a repair fund</li><li>Ask CODI for a budget</li></ul>',
    );
    expect(en.body).toContain('href="https://www.codi.or.th"');

    const events = await waitFor(async () => {
      const e = await tap.events([TranslationEvents.jobApproved.subject], (x) => x.data.jobId === job.id);
      return e.length ? e : undefined;
    });
    expect(events).toHaveLength(1);
    expect(events[0].data).toMatchObject({
      storyId: story.id,
      targetLanguage: 'en',
      approvedBy: translator.id,
      targetStatus: 'draft',
    });

    const again = await platform.http('POST', `/api/v1/translation-jobs/${job.id}/approve`, {
      token: translator.token,
    });
    expect(again.status).toBe(409);
  });

  it('the Thai side edited again: only the changed segment waits, the rest keeps the approved text', async () => {
    const input = khonKaenStory();
    const put = await platform.http('PUT', `/api/v1/articles/${story.id}/versions/th`, {
      token: admin,
      body: { ...input.version, summary: 'ชาวบ้านสี่ชุมชนร่วมวางแผนซ่อมบ้านหลังน้ำท่วม' },
    });
    expect(put.status).toBe(200);
    const refreshed = await waitForJob(
      platform,
      translator.token,
      job.id,
      (j) => j.sourceRevision > job.sourceRevision,
    );
    expect(refreshed.status).toBe('awaiting_translator');
    expect(refreshed.segments.map((s) => s.status)).toEqual(['approved', 'pending', ...Array(6).fill('approved')]);
    // The summary is the one segment changed since the approval, and the list can be narrowed to such jobs.
    expect(refreshed.segments.map((s) => s.changed)).toEqual([false, true, ...Array(6).fill(false)]);
    const changed = async (flag: string) => {
      const res = await platform.http('GET', `/api/v1/translation-jobs?changed=${flag}&storyId=${story.id}`, {
        token: translator.token,
      });
      expect(res.status).toBe(200);
      return (res.body as { items: JobSummary[] }).items;
    };
    expect((await changed('true')).map((j) => [j.id, j.changedCount])).toEqual([[job.id, 1]]);
    expect(await changed('false')).toEqual([]);
    const bad = await platform.http('GET', '/api/v1/translation-jobs?changed=yes', { token: translator.token });
    expect(bad.status).toBe(400);
  });
});

describe('glossary and deletions', () => {
  it('the glossary is listed, changed and deleted through the API; bad input is a 4xx', async () => {
    const put = await platform.http('POST', '/api/v1/glossary', {
      token: translator.token,
      body: { sourceLanguage: 'th', targetLanguage: 'en', source: 'พอช.', target: 'CODI' },
    });
    expect(put.status).toBe(201);
    const id = (put.body as { id: string }).id;
    // One entry per term and direction: posting it again is refused with what it already says…
    const duplicate = await platform.http('POST', '/api/v1/glossary', {
      token: admin,
      body: { sourceLanguage: 'th', targetLanguage: 'en', source: ' พอช. ', target: 'Por Chor' },
    });
    expect(duplicate.status).toBe(409);
    expect(duplicate.body).toMatchObject({
      message: '"พอช." (th → en) is already in the glossary as "CODI"; edit that entry instead',
      details: { id, target: 'CODI' },
    });
    // …and the entry is changed with PATCH.
    const changed = await platform.http('PATCH', `/api/v1/glossary/${id}`, {
      token: admin,
      body: { target: 'CODI (Thailand)' },
    });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ id, source: 'พอช.', target: 'CODI (Thailand)' });
    const emptyEdit = await platform.http('PATCH', `/api/v1/glossary/${id}`, { token: admin, body: { target: ' ' } });
    expect(emptyEdit.status).toBe(400);
    const noEntry = await platform.http('PATCH', '/api/v1/glossary/th-en-0123456789abcdef', {
      token: admin,
      body: { target: 'x' },
    });
    expect(noEntry.status).toBe(404);
    expect(
      (await platform.http('PATCH', `/api/v1/glossary/${id}`, { token: author.token, body: { target: 'x' } })).status,
    ).toBe(403);
    const listed = await platform.http('GET', '/api/v1/glossary?sourceLanguage=th&targetLanguage=en', { token: admin });
    expect(listed.status).toBe(200);
    expect((listed.body as { items: { id: string; target: string }[] }).items).toEqual([
      expect.objectContaining({ id, source: 'พอช.', target: 'CODI (Thailand)' }),
    ]);
    const bad = await platform.http('POST', '/api/v1/glossary', {
      token: admin,
      body: { sourceLanguage: 'th', targetLanguage: 'th', source: '', target: 'x' },
    });
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({ message: expect.stringMatching(/source: must not be empty.*targetLanguage/) });
    expect((await platform.http('GET', '/api/v1/glossary', { token: author.token })).status).toBe(403);
    expect((await platform.http('DELETE', `/api/v1/glossary/${id}`, { token: translator.token })).status).toBe(200);
    expect((await platform.http('DELETE', `/api/v1/glossary/${id}`, { token: translator.token })).status).toBe(404);
    expect((await platform.http('DELETE', '/api/v1/glossary/nope', { token: translator.token })).status).toBe(400);
  });

  it('deleting a story removes its job', async () => {
    const story = await createAndPublish(platform, admin, khonKaenStory(' (ลบ)'));
    await waitForJob(platform, admin, `${story.id}-en`, () => true);
    expect((await platform.http('DELETE', `/api/v1/articles/${story.id}`, { token: admin })).status).toBe(200);
    await waitFor(
      async () =>
        (await platform.http('GET', `/api/v1/translation-jobs/${story.id}-en`, { token: admin })).status === 404,
      { what: 'the job to go' },
    );
  });
});

describe('approval policy: publish', () => {
  it('with TRANSLATION_APPROVAL=publish, approval publishes the English version', async () => {
    await platform.restart('translation', { TRANSLATION_APPROVAL: 'publish' });
    const story = await createAndPublish(platform, admin, khonKaenStory(' (ฉบับที่สอง)'));
    const job = await waitForJob(
      platform,
      translator.token,
      `${story.id}-en`,
      (j) => j.status === 'awaiting_translator',
    );
    // The first job's approved segments come back from the memory; only the changed title waits.
    expect(job.segments.filter((s) => s.status === 'memory')).toHaveLength(SEGMENTS - 1);
    const res = await platform.http('PATCH', `/api/v1/translation-jobs/${job.id}/segments/0`, {
      token: translator.token,
      body: { target: `${ENGLISH[0]} (second edition)` },
    });
    expect(res.status).toBe(200);
    const approved = await platform.http('POST', `/api/v1/translation-jobs/${job.id}/approve`, {
      token: translator.token,
    });
    expect(approved.status, JSON.stringify(approved.body)).toBe(200);
    const now = (await platform.http('GET', `/api/v1/articles/${story.id}`, { token: admin })).body as Story;
    expect(version(now, 'en')).toMatchObject({ status: 'published', translationOf: 'th' });
    expect((await getJob(platform, translator.token, job.id)).status).toBe('applied');
  });
});
