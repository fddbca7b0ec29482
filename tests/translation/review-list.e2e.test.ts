import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Job, JobSummary, Story } from '@khao/contracts';
import { ServiceProcess, TestPlatform, waitFor } from '@khao/testing';
import { createAndPublish, khonKaenStory, waitForJob } from './helpers.js';

// The review list each translation replica keeps in memory (JobList): two replicas behind the queue group, each
// answering lists from its own copy, which the other's writes must reach.
const platform = new TestPlatform({ services: ['articles', 'translation'] });
let token: string;
let second: ServiceProcess | undefined;
const stories: Story[] = [];
const jobs: Job[] = [];

const loaded = (p: ServiceProcess) => p.output().includes('translation jobs list loaded');

async function list(query: string): Promise<{ items: JobSummary[]; nextCursor: string | null }> {
  const res = await platform.http('GET', `/api/v1/translation-jobs${query}`, { token });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body as { items: JobSummary[]; nextCursor: string | null };
}

/** Every page of a query, `limit` at a time, following the cursors. */
async function allPages(query: string, limit: number): Promise<JobSummary[]> {
  const out: JobSummary[] = [];
  let cursor: string | null = null;
  do {
    const sep = query ? '&' : '?';
    const page = await list(`${query}${sep}limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`);
    expect(page.items.length).toBeLessThanOrEqual(limit);
    out.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return out;
}

const ours = (items: JobSummary[]) => items.filter((j) => stories.some((s) => j.storyId === s.id));

beforeAll(async () => {
  await platform.start();
  token = await platform.adminToken();
  second = await new ServiceProcess('translation', platform.envFor('translation'), 'translation-replica').start();
  await waitFor(() => loaded(platform.proc('translation')) && loaded(second!), { what: 'both lists to load' });
  for (const place of ['ขอนแก่น', 'อุดรธานี', 'น่าน', 'ลำปาง', 'ตรัง']) {
    stories.push(await createAndPublish(platform, token, khonKaenStory(` ที่${place}`)));
  }
  for (const s of stories) {
    jobs.push(await waitForJob(platform, token, `${s.id}-en`, (j) => j.status === 'awaiting_translator'));
  }
}, 180_000);
afterAll(async () => {
  await second?.stop();
  await platform.stop();
});

describe('the review list at two replicas', () => {
  it('filters and pages as before: newest change first, every job once across pages', async () => {
    const every = ours(await allPages('', 2));
    expect(every.map((j) => j.id).sort()).toEqual(jobs.map((j) => j.id).sort());
    const keys = every.map((j) => `${j.updatedAt}|${j.id}`);
    expect(keys).toEqual([...keys].sort().reverse());
    const one = await list(`?storyId=${stories[2].id}`);
    expect(one.items.map((j) => j.id)).toEqual([jobs[2].id]);
    expect(one.items[0]).toMatchObject({ title: stories[2].versions[0].title, status: 'awaiting_translator' });
    expect((await list(`?storyId=${stories[2].id}&language=th`)).items).toEqual([]);
    expect((await list(`?storyId=${stories[2].id}&status=in_review`)).items).toEqual([]);
    expect((await list(`?storyId=${stories[2].id}&changed=false`)).items).toHaveLength(1);
  });

  it("shows each replica's writes at the other: every read after edits on either agrees", async () => {
    // Eight edits through the gateway land on either replica (all on one: 1 in 128), as do the reads after.
    const edited = jobs.slice(0, 4);
    for (const job of edited) {
      for (const n of [0, 1]) {
        const res = await platform.http('PATCH', `/api/v1/translation-jobs/${job.id}/segments/${n}`, {
          token,
          body: { target: `Khon Kaen segment ${n}`, sourceHash: job.segments[n].sourceHash },
        });
        expect(res.status, JSON.stringify(res.body)).toBe(200);
      }
    }
    const inReview = async () => ours((await list('?status=in_review&language=en&limit=100')).items).map((j) => j.id);
    // A notice takes a moment to reach the other replica; then every read, on either, shows all four.
    await waitFor(async () => (await inReview()).length === edited.length, { what: 'both replicas to agree' });
    for (let i = 0; i < 12; i++) expect((await inReview()).sort()).toEqual(edited.map((j) => j.id).sort());
    const waiting = ours((await list('?status=awaiting_translator&limit=100')).items);
    expect(waiting.map((j) => j.id)).toEqual([jobs[4].id]);
    // The newest change first: the last edited job leads the whole list.
    expect(ours((await list('?limit=100')).items)[0].id).toBe(edited.at(-1)!.id);
    // Only the second replica left: it has every write, the first replica's too.
    await platform.proc('translation').stop();
    expect((await inReview()).sort()).toEqual(edited.map((j) => j.id).sort());
  }, 60_000);

  it('a restarted replica boots its list from the snapshot the stop wrote', async () => {
    const before = ours(await allPages('', 100));
    const again = await platform.restart('translation');
    await second!.stop();
    second = undefined;
    await waitFor(() => loaded(again), { what: 'the restarted replica to load its list' });
    expect(ours(await allPages('', 3))).toEqual(before);
    expect(platform.proc('translation').output()).not.toContain('list snapshot unusable');
    const loads = again.logLines().filter((l) => l.msg === 'translation jobs list loaded');
    expect(loads).toEqual([expect.objectContaining({ source: 'snapshot' })]);
  }, 60_000);
});
