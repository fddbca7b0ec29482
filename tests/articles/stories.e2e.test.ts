import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Story } from '@khao/contracts';
import { TestPlatform } from '@khao/testing';
import { createStory, englishVersion, thaiStory, version } from './helpers.js';

// Stories in two languages, end to end through the gateway's HTTP API on the real servers.
const platform = new TestPlatform({ services: ['articles'] });
let token: string;

beforeAll(async () => {
  await platform.start();
  token = await platform.adminToken();
});
afterAll(() => platform.stop());

describe('stories in two languages', () => {
  let story: Story;

  it('creates a Thai story with its dateline, BE date, readable slug and an ETag', async () => {
    const res = await platform.http('POST', '/api/v1/articles', { token, body: thaiStory() });
    expect(res.status).toBe(201);
    story = res.body as Story;
    expect(res.headers.get('etag')).toBe(`"${story.revision}"`);
    expect(story).toMatchObject({
      sourceLanguage: 'th',
      revision: 1,
      dateline: { province: 'อุดรธานี' },
      tags: ['สภาองค์กรชุมชน', 'พอช.'],
    });
    const th = version(story, 'th');
    expect(th.status).toBe('draft');
    expect(th.dateText).toBe('10–11 เมษายน 2560');
    // Words of the title joined by '-', cut on a word boundary, then the story's short id.
    expect(th.slug).toMatch(/^สภา-องค์กร-ชุมชน-อุดรธานี-ร่วม-วางแผน-[^-]+(-[^-]+)*-[0-9a-z]{6}$/);
    expect(th.slug).not.toMatch(/[a-z]{3,}-/); // readable Thai, not romanised
  });

  it('adds the English version, linked to the Thai source, with the CE date', async () => {
    const res = await platform.http('PUT', `/api/v1/articles/${story.id}/versions/en`, {
      token,
      body: englishVersion,
      headers: { 'if-match': `"${story.revision}"` },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    story = res.body as Story;
    const en = version(story, 'en');
    expect(en).toMatchObject({ status: 'draft', translationOf: 'th' });
    expect(en.dateText).toMatch(/^10\s?–\s?11 April 2017$/);
    expect(en.slug).toMatch(
      /^udon-thani-community-councils-plan-secure-housing-by-nong-[0-9a-z]{6}$|^udon-thani-[a-z0-9-]+-[0-9a-z]{6}$/,
    );
    expect(en.slug.slice(-6)).toBe(version(story, 'th').slug.slice(-6));
  });

  it('publishes each language alone', async () => {
    const th = await platform.http('POST', `/api/v1/articles/${story.id}/versions/th/publish`, { token });
    expect(th.status, JSON.stringify(th.body)).toBe(200);
    story = th.body as Story;
    expect(version(story, 'th').status).toBe('published');
    expect(version(story, 'th').publishedAt).not.toBeNull();
    expect(version(story, 'en').status).toBe('draft');

    const again = await platform.http('POST', `/api/v1/articles/${story.id}/versions/th/publish`, { token });
    expect(again.status).toBe(409);
    expect((again.body as { message: string }).message).toMatch(/it is published/);

    const en = await platform.http('POST', `/api/v1/articles/${story.id}/versions/en/publish`, { token });
    story = en.body as Story;
    expect(version(story, 'en').status).toBe('published');
  });

  it('keeps the slug stable on unrelated edits and resolves the old slug after a title change', async () => {
    const oldSlug = version(story, 'th').slug;
    const patched = await platform.http('PATCH', `/api/v1/articles/${story.id}`, {
      token,
      body: { byline: 'ทีมข่าวภาคอีสาน' },
    });
    expect(patched.status).toBe(200);
    expect(version(patched.body as Story, 'th').slug).toBe(oldSlug);

    const renamed = await platform.http('PUT', `/api/v1/articles/${story.id}/versions/th`, {
      token,
      body: { title: 'ชาวอุดรธานีเดินหน้าแผนบ้านมั่นคงริมหนองประจักษ์', summary: 'แก้ไขหัวข่าว', body: '<p>เนื้อหาเดิม</p>' },
    });
    story = renamed.body as Story;
    const newSlug = version(story, 'th').slug;
    expect(newSlug).not.toBe(oldSlug);
    expect(version(story, 'th').status).toBe('published'); // a correction keeps it live

    const current = await platform.http('GET', `/api/v1/articles/slugs/th/${encodeURIComponent(newSlug)}`, { token });
    expect(current.body).toEqual({ storyId: story.id, slug: newSlug, current: true });
    const old = await platform.http('GET', `/api/v1/articles/slugs/th/${encodeURIComponent(oldSlug)}`, { token });
    expect(old.body).toEqual({ storyId: story.id, slug: newSlug, current: false });
    const none = await platform.http('GET', `/api/v1/articles/slugs/th/${encodeURIComponent('ไม่มี-ข่าว-นี้')}`, { token });
    expect(none.status).toBe(404);
  });

  it('refuses a stale If-Match with 412 and never overwrites', async () => {
    const fresh = await platform.http('GET', `/api/v1/articles/${story.id}`, { token });
    const etag = fresh.headers.get('etag')!;
    const first = await platform.http('PATCH', `/api/v1/articles/${story.id}`, {
      token,
      headers: { 'if-match': etag },
      body: { tags: ['บ้านมั่นคง'] },
    });
    expect(first.status).toBe(200);
    const second = await platform.http('PATCH', `/api/v1/articles/${story.id}`, {
      token,
      headers: { 'if-match': etag },
      body: { tags: ['ทับของคนอื่น'] },
    });
    expect(second.status).toBe(412);
    expect((second.body as { message: string }).message).toMatch(/changed since you loaded it/);
    const after = await platform.http('GET', `/api/v1/articles/${story.id}`, { token });
    expect((after.body as Story).tags).toEqual(['บ้านมั่นคง']);

    const bad = await platform.http('PATCH', `/api/v1/articles/${story.id}`, {
      token,
      headers: { 'if-match': 'yesterday' },
      body: { tags: ['x'] },
    });
    expect(bad.status).toBe(400);
  });

  it('answers 412 for any well-formed ETag that is not current ("0", a huge one), 400 for a malformed one', async () => {
    const patch = (ifMatch: string, id = story.id) =>
      platform.http('PATCH', `/api/v1/articles/${id}`, {
        token,
        headers: { 'if-match': ifMatch },
        body: { byline: 'ทีมข่าวภาคอีสาน' },
      });
    const before = (await platform.http('GET', `/api/v1/articles/${story.id}`, { token })).body as Story;
    for (const stale of ['"0"', 'W/"0"', '0', '"123456789012345678901234567890"']) {
      const res = await patch(stale);
      expect(res.status, stale).toBe(412);
      expect(res.body, stale).toMatchObject({ details: { currentRevision: before.revision } });
    }
    for (const deleteOrTransition of [
      platform.http('DELETE', `/api/v1/articles/${story.id}`, { token, headers: { 'if-match': '"0"' } }),
      platform.http('POST', `/api/v1/articles/${story.id}/versions/th/submit`, {
        token,
        headers: { 'if-match': '"0"' },
      }),
    ]) {
      expect((await deleteOrTransition).status).toBe(412);
    }
    const malformed = await patch('"7');
    expect(malformed.status).toBe(400);
    expect((malformed.body as { message: string }).message).toBe(
      `If-Match: expected the ETag from the last GET, like "7" (got '"7')`,
    );
    // An unknown story is still a 404, whatever the ETag; nothing was written meanwhile.
    expect((await patch('"0"', '0123456789abcdef01234567')).status).toBe(404);
    const after = (await platform.http('GET', `/api/v1/articles/${story.id}`, { token })).body as Story;
    expect(after.revision).toBe(before.revision);
  });

  it('two editors saving at once from the same revision: one wins, the other gets 412', async () => {
    const fresh = await platform.http('GET', `/api/v1/articles/${story.id}`, { token });
    const etag = fresh.headers.get('etag')!;
    const save = (byline: string) =>
      platform.http('PATCH', `/api/v1/articles/${story.id}`, {
        token,
        headers: { 'if-match': etag },
        body: { byline },
      });
    const results = await Promise.all([save('ทีมข่าวเหนือ'), save('ทีมข่าวใต้'), save('ทีมข่าวกลาง')]);
    const statuses = results.map((r) => r.status).sort();
    expect(statuses).toEqual([200, 412, 412]);
    const winner = results.find((r) => r.status === 200)!.body as Story;
    const after = (await platform.http('GET', `/api/v1/articles/${story.id}`, { token })).body as Story;
    expect(after.byline).toBe(winner.byline);
    expect(after.revision).toBe(Number(etag.replaceAll('"', '')) + 1);
  });

  it('lists every save as a revision and restores an old one', async () => {
    const revs = await platform.http('GET', `/api/v1/articles/${story.id}/revisions`, { token });
    expect(revs.status).toBe(200);
    const list = revs.body as { revision: number; action: string; by: string }[];
    const current = (await platform.http('GET', `/api/v1/articles/${story.id}`, { token })).body as Story;
    expect(list[0].revision).toBe(current.revision);
    expect(list.map((r) => r.action)).toEqual(
      expect.arrayContaining(['create', 'put-version:en', 'publish:th', 'publish:en', 'update', 'put-version:th']),
    );
    expect(list.at(-1)).toMatchObject({ revision: 1, action: 'create' });

    const restored = await platform.http('POST', `/api/v1/articles/${story.id}/revisions/1/restore`, { token });
    expect(restored.status, JSON.stringify(restored.body)).toBe(200);
    const s = restored.body as Story;
    expect(version(s, 'th').title).toBe(thaiStory().version.title);
    expect(s.tags).toEqual(['สภาองค์กรชุมชน', 'พอช.']);
    expect(version(s, 'th').status).toBe('published');
    expect(s.revision).toBe(list[0].revision + 1);

    expect((await platform.http('POST', `/api/v1/articles/${story.id}/revisions/999/restore`, { token })).status).toBe(
      404,
    );
  });

  it('sanitizes the body: scripts, handlers and javascript: links gone; structure kept', async () => {
    const s = await createStory(
      platform,
      token,
      thaiStory({
        version: {
          title: 'ทดสอบการกรองเนื้อหา',
          body:
            '<h2>หัวข้อ</h2><p onclick="steal()">ย่อหน้า <a href="javascript:alert(1)">ลิงก์ร้าย</a> ' +
            '<a href="https://codi.or.th/">พอช.</a></p><script>alert("x")</script>' +
            '<img src="https://example.org/a.jpg" onerror="steal()" alt="ภาพ"><blockquote>คำพูด</blockquote>' +
            '<ol><li>หนึ่ง</li></ol><iframe src="https://evil.example/x"></iframe>' +
            '<iframe src="https://www.youtube-nocookie.com/embed/abc123"></iframe>',
        },
      }),
    );
    const body = version(s, 'th').body;
    expect(body).not.toMatch(/script|onclick|onerror|javascript:|evil\.example/);
    expect(body).toContain('<h2>หัวข้อ</h2>');
    expect(body).toContain('href="https://codi.or.th/"');
    expect(body).toContain('<img src="https://example.org/a.jpg" alt="ภาพ"');
    expect(body).toContain('<blockquote>คำพูด</blockquote>');
    expect(body).toContain('<ol><li>หนึ่ง</li></ol>');
    expect(body).toContain('https://www.youtube-nocookie.com/embed/abc123');
  });

  it('unpublishes, and deletes a story so it is gone from every read', async () => {
    const s = await createStory(platform, token);
    await platform.http('POST', `/api/v1/articles/${s.id}/versions/th/publish`, { token });
    const down = await platform.http('POST', `/api/v1/articles/${s.id}/versions/th/unpublish`, { token });
    expect(version(down.body as Story, 'th').status).toBe('unpublished');
    const del = await platform.http('DELETE', `/api/v1/articles/${s.id}`, { token });
    expect(del.body).toEqual({ id: s.id, deleted: true });
    expect((await platform.http('GET', `/api/v1/articles/${s.id}`, { token })).status).toBe(404);
  });
});
