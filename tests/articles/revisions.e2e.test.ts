import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RevisionContent, Story } from '@khao/contracts';
import { DatabaseInspector } from '@khao/persistence';
import { infraEnv, TestPlatform } from '@khao/testing';
import { createStory, thaiStory, userToken, version } from './helpers.js';

// Revisions as the studio shows them: who (with a name), when, what; any revision's whole content to compare two;
// restore as a new revision that obeys If-Match; who may see and restore.
const platform = new TestPlatform({ services: ['articles'] });
let token: string;
let editor: Awaited<ReturnType<typeof userToken>>;
let story: Story;

beforeAll(async () => {
  await platform.start();
  token = await platform.adminToken();
  editor = await userToken(platform, token, 'editor');
  story = await createStory(platform, token, thaiStory());
  const put = await platform.http('PUT', `/api/v1/articles/${story.id}/versions/th`, {
    token: editor.token,
    headers: { 'If-Match': `"${story.revision}"` },
    body: {
      title: 'สภาองค์กรชุมชนอุดรธานีเสนอแผนบ้านมั่นคงต่อจังหวัด',
      summary: thaiStory().version.summary,
      body: '<p>ฉบับแก้ไข: ชาวบ้านเสนอแผนต่อผู้ว่าราชการจังหวัด</p>',
    },
  });
  expect(put.status, JSON.stringify(put.body)).toBe(200);
  const patch = await platform.http('PATCH', `/api/v1/articles/${story.id}`, {
    token: editor.token,
    headers: { 'If-Match': `"${(put.body as Story).revision}"` },
    body: { tags: ['บ้านมั่นคง'] },
  });
  expect(patch.status, JSON.stringify(patch.body)).toBe(200);
  story = patch.body as Story;
});
afterAll(() => platform.stop());

const revisionOf = async (n: number, as = token) =>
  platform.http('GET', `/api/v1/articles/${story.id}/revisions/${n}`, { token: as });

describe('revisions', () => {
  it('lists who, with a name, when and what, newest first', async () => {
    const res = await platform.http('GET', `/api/v1/articles/${story.id}/revisions`, { token });
    expect(res.status).toBe(200);
    const list = res.body as { revision: number; action: string; by: string; byName: string | null; at: string }[];
    expect(list.map((r) => [r.revision, r.action])).toEqual([
      [3, 'update'],
      [2, 'put-version:th'],
      [1, 'create'],
    ]);
    expect(list[0]).toMatchObject({ by: editor.id, byName: 'editor' });
    expect(list[2].byName).toBeTruthy();
    expect(Date.parse(list[0].at)).toBeGreaterThanOrEqual(Date.parse(list[2].at));
  });

  it("gives any revision's whole content, so two can be compared", async () => {
    const first = (await revisionOf(1)).body as RevisionContent;
    const second = (await revisionOf(2)).body as RevisionContent;
    expect(first).toMatchObject({ revision: 1, action: 'create' });
    expect(first.fields.tags).toEqual(['สภาองค์กรชุมชน', 'พอช.']);
    expect(first.fields.dateline).toEqual(thaiStory().dateline);
    expect(first.fields.eventDate).toEqual({ start: '2017-04-10T02:00:00.000Z', end: '2017-04-11T09:00:00.000Z' });
    expect(first.versions[0]).toMatchObject({ language: 'th', title: thaiStory().version.title, status: 'draft' });
    expect(second.versions[0].body).toBe('<p>ฉบับแก้ไข: ชาวบ้านเสนอแผนต่อผู้ว่าราชการจังหวัด</p>');
    expect(second.fields.tags).toEqual(['สภาองค์กรชุมชน', 'พอช.']);
    expect(((await revisionOf(3)).body as RevisionContent).fields.tags).toEqual(['บ้านมั่นคง']);
    expect((await revisionOf(4)).status).toBe(404);
    expect((await platform.http('GET', `/api/v1/articles/${story.id}/revisions/0`, { token })).status).toBe(400);
    expect((await platform.http('GET', `/api/v1/articles/${story.id}/revisions/abc`, { token })).status).toBe(400);
  });

  it('restores as a new revision, refused with 412 on a stale If-Match', async () => {
    const stale = await platform.http('POST', `/api/v1/articles/${story.id}/revisions/1/restore`, {
      token: editor.token,
      headers: { 'If-Match': '"2"' },
    });
    expect(stale.status).toBe(412);
    const res = await platform.http('POST', `/api/v1/articles/${story.id}/revisions/1/restore`, {
      token: editor.token,
      headers: { 'If-Match': `"${story.revision}"` },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const restored = res.body as Story;
    expect(restored.revision).toBe(story.revision + 1);
    expect(version(restored, 'th').title).toBe(thaiStory().version.title);
    expect(restored.tags).toEqual(['สภาองค์กรชุมชน', 'พอช.']);
    const list = (await platform.http('GET', `/api/v1/articles/${story.id}/revisions`, { token })).body as {
      revision: number;
      action: string;
    }[];
    expect(list[0]).toMatchObject({ revision: 4, action: 'restore:1' });
    // The revisions in between are all still there to go back to.
    expect(((await revisionOf(2)).body as RevisionContent).versions[0].body).toContain('ฉบับแก้ไข');
    story = restored;
  });

  it("lets the story's author read revisions but not restore; others' authors and translators are refused", async () => {
    const author = await userToken(platform, token, 'author');
    const other = await userToken(platform, token, 'author');
    const translator = await userToken(platform, token, 'translator');
    const own = await createStory(platform, author.token, thaiStory());
    const read = await platform.http('GET', `/api/v1/articles/${own.id}/revisions/1`, { token: author.token });
    expect(read.status).toBe(200);
    expect((await platform.http('GET', `/api/v1/articles/${own.id}/revisions/1`, { token: other.token })).status).toBe(
      403,
    );
    expect(
      (await platform.http('GET', `/api/v1/articles/${own.id}/revisions/1`, { token: translator.token })).status,
    ).toBe(403);
    const restore = await platform.http('POST', `/api/v1/articles/${own.id}/revisions/1/restore`, {
      token: author.token,
    });
    expect(restore.status).toBe(403);
  });
});

describe('a revision claimed by a writer that died before writing it', () => {
  /** What such a writer leaves: revision `n` of the story claimed (its snapshot stored), the story still at n − 1. */
  async function orphanClaim(id: string, n: number) {
    const mongo = await DatabaseInspector.open(infraEnv().MONGO_URL);
    try {
      const revisions = mongo.db(`articles_${platform.suffix}`).collection<{ revision: number; at: Date }>('revisions');
      const last = (await revisions.findById(`${id}:${n - 1}`))!;
      const at = new Date(Date.now() - 5 * 60_000);
      await revisions.insertOne({ ...last, _id: `${id}:${n}`, revision: n, at, action: 'import' });
    } finally {
      await mongo.close();
    }
  }
  const patch = (id: string, revision: number, tags: string[]) =>
    platform.http('PATCH', `/api/v1/articles/${id}`, {
      token: editor.token,
      headers: { 'If-Match': `"${revision}"` },
      body: { tags },
    });

  it('is freed by the next save, which writes that revision', async () => {
    const s = await createStory(platform, token, thaiStory());
    await orphanClaim(s.id, s.revision + 1);
    const res = await patch(s.id, s.revision, ['ชุมชนริมคลอง']);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ revision: s.revision + 1, tags: ['ชุมชนริมคลอง'] });
    const rev = await platform.http('GET', `/api/v1/articles/${s.id}/revisions/${s.revision + 1}`, { token });
    expect(rev.body).toMatchObject({ revision: s.revision + 1, action: 'update', by: editor.id });
    expect((rev.body as RevisionContent).fields.tags).toEqual(['ชุมชนริมคลอง']);
  });

  it('is freed for exactly one of the saves racing for it; the others are told the story moved on', async () => {
    for (let round = 0; round < 5; round++) {
      const s = await createStory(platform, token, thaiStory());
      await orphanClaim(s.id, s.revision + 1);
      const tags = [['ป่าชุมชน'], ['ประมงพื้นบ้าน'], ['บ้านมั่นคง']];
      const answers = await Promise.all(tags.map((t) => patch(s.id, s.revision, t)));
      const ok = answers.filter((a) => a.status === 200);
      expect(answers.map((a) => a.status).filter((st) => st !== 200 && st !== 412)).toEqual([]);
      expect(ok).toHaveLength(1);
      const now = await platform.http('GET', `/api/v1/articles/${s.id}`, { token });
      expect(now.body).toMatchObject({ revision: s.revision + 1, tags: (ok[0].body as Story).tags });
    }
  });
});
