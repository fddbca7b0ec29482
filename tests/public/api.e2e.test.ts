import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Story } from '@khao/contracts';
import { TestPlatform } from '@khao/testing';
import {
  BASE,
  bilingualStory,
  chiangMaiStory,
  createStory,
  englishVersion,
  publicGatewayEnv,
  publish,
  version,
} from './helpers.js';

// The public JSON API: published versions only, filters and cursor pages, one story by slug with its translation
// and share links; old slugs answer 301, withdrawn stories 410, unknown ones 404.
const platform = new TestPlatform({ services: ['articles'], env: { gateway: publicGatewayEnv } });
let token: string;
let udon: Awaited<ReturnType<typeof bilingualStory>>;
let chiangMai: Story;
let draft: Story;

interface Item {
  storyId: string;
  language: string;
  slug: string;
  title: string;
  url: string;
  dateText: string | null;
  translations: { language: string; slug: string; url: string }[];
}
type Page = { items: Item[]; nextCursor: string | null };

beforeAll(async () => {
  await platform.start();
  token = await platform.adminToken();
  udon = await bilingualStory(platform, token);
  const cm = await createStory(platform, token, chiangMaiStory());
  chiangMai = await publish(platform, token, cm.id, 'th');
  draft = await createStory(platform, token, chiangMaiStory({ version: { title: 'ร่างข่าวที่ยังไม่เผยแพร่เรื่องป่าต้นน้ำ' } }));
});
afterAll(() => platform.stop());

const list = async (query: string) => {
  const res = await platform.http('GET', `/api/v1/public/articles${query}`);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body as Page;
};

describe('public list', () => {
  it('lists published versions only, newest publication first, without a token', async () => {
    const th = await list('?lang=th');
    expect(th.items.map((i) => i.storyId)).toEqual([chiangMai.id, udon.story.id]);
    expect(th.items.map((i) => i.storyId)).not.toContain(draft.id);
    const all = await list('');
    expect(all.items.map((i) => `${i.storyId}:${i.language}`)).toEqual([
      `${chiangMai.id}:th`,
      `${udon.story.id}:en`,
      `${udon.story.id}:th`,
    ]);
    const en = (await list('?lang=en')).items;
    expect(en).toHaveLength(1);
    expect(en[0]).toMatchObject({
      slug: udon.en.slug,
      url: `${BASE}/en/news/${udon.en.slug}`,
      dateText: expect.stringMatching(/^10\s?–\s?11 April 2017$/),
      translations: [
        { language: 'th', slug: udon.th.slug, url: `${BASE}/th/news/${encodeURIComponent(udon.th.slug)}` },
      ],
    });
    expect(th.items[1].dateText).toMatch(/^10\s?–\s?11 เมษายน 2560$/);
  });

  it('filters by tag, category, province and a Thai text query', async () => {
    expect((await list(`?lang=th&tag=${encodeURIComponent('ป่าชุมชน')}`)).items.map((i) => i.storyId)).toEqual([
      chiangMai.id,
    ]);
    expect((await list(`?category=${encodeURIComponent('บ้านมั่นคง')}`)).items.map((i) => i.language).sort()).toEqual([
      'en',
      'th',
    ]);
    expect((await list(`?province=${encodeURIComponent('อุดรธานี')}&lang=th`)).items.map((i) => i.storyId)).toEqual([
      udon.story.id,
    ]);
    // 'แนวกันไฟ' sits unspaced inside the published Chiang Mai story (and in the draft, which must not show).
    expect((await list(`?q=${encodeURIComponent('แนวกันไฟ')}`)).items.map((i) => i.storyId)).toEqual([chiangMai.id]);
    expect((await list(`?q=${encodeURIComponent('Nong Prajak')}&lang=en`)).items.map((i) => i.storyId)).toEqual([
      udon.story.id,
    ]);
  });

  it('pages with a cursor, and refuses bad input with 400', async () => {
    const first = await list('?limit=2');
    expect(first.items).toHaveLength(2);
    expect(first.nextCursor).toEqual(expect.any(String));
    const second = await list(`?limit=2&cursor=${first.nextCursor}`);
    expect(second.items).toHaveLength(1);
    expect(second.nextCursor).toBeNull();
    for (const q of ['?limit=500', '?lang=fr', '?cursor=bm9wZQ', '?status=draft']) {
      const res = await platform.http('GET', `/api/v1/public/articles${q}`);
      expect(res.status, q).toBe(400);
      expect(res.body).toMatchObject({ statusCode: 400, error: 'Bad Request', message: expect.any(String) });
    }
  });
});

describe('public story', () => {
  it('answers one published version with shared fields, its translation and share links', async () => {
    const res = await platform.http('GET', `/api/v1/public/articles/th/${encodeURIComponent(udon.th.slug)}`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.headers.get('cache-control')).toMatch(/^public, max-age=\d+, stale-while-revalidate=\d+$/);
    const url = `${BASE}/th/news/${encodeURIComponent(udon.th.slug)}`;
    const body = res.body as Record<string, unknown> & { shareLinks: Record<string, string> };
    expect(body).toMatchObject({
      storyId: udon.story.id,
      language: 'th',
      title: 'สภาองค์กรชุมชนอุดรธานีร่วมวางแผนพัฒนาที่อยู่อาศัยริมหนองประจักษ์',
      dateline: { place: 'ศาลากลางจังหวัดอุดรธานี', province: 'อุดรธานี' },
      dateText: expect.stringMatching(/^10\s?–\s?11 เมษายน 2560$/),
      url,
      translations: [
        { language: 'en', slug: udon.en.slug, title: englishVersion.title, url: `${BASE}/en/news/${udon.en.slug}` },
      ],
      images: { cover: null, gallery: [] },
    });
    expect(body.body).toContain('<blockquote>“เราอยากมีบ้านที่มั่นคง');
    expect(Object.keys(body.shareLinks).sort()).toEqual(['email', 'facebook', 'line', 'telegram', 'whatsapp', 'x']);
    expect(new URL(body.shareLinks.facebook).searchParams.get('u')).toBe(url);
    expect(new URL(body.shareLinks.line).searchParams.get('url')).toBe(url);
  });

  it('301 from an old slug, 404 for an unknown or never-published one, 410 once withdrawn', async () => {
    const s = await createStory(
      platform,
      token,
      chiangMaiStory({ version: { title: 'ข่าวที่จะเปลี่ยนหัวข้อเรื่องฝายชะลอน้ำ' } }),
    );
    const oldSlug = version(await publish(platform, token, s.id, 'th'), 'th').slug;
    const renamed = await platform.http('PUT', `/api/v1/articles/${s.id}/versions/th`, {
      token,
      body: { title: 'ชาวบ้านสร้างฝายชะลอน้ำสามสิบแห่ง', summary: '', body: '<p>ฝายชะลอน้ำ</p>' },
    });
    const newSlug = version(renamed.body as Story, 'th').slug;
    expect(newSlug).not.toBe(oldSlug);
    const moved = await fetch(`${platform.baseUrl}/api/v1/public/articles/th/${encodeURIComponent(oldSlug)}`, {
      redirect: 'manual',
    });
    expect(moved.status).toBe(301);
    expect(moved.headers.get('location')).toBe(`/api/v1/public/articles/th/${encodeURIComponent(newSlug)}`);

    const unknown = await platform.http('GET', '/api/v1/public/articles/th/ไม่มีข่าวนี้-zzzzzz');
    expect(unknown.status).toBe(404);
    expect(unknown.body).toMatchObject({ statusCode: 404, error: 'Not Found' });
    const neverPublished = await platform.http(
      'GET',
      `/api/v1/public/articles/th/${encodeURIComponent(version(draft, 'th').slug)}`,
    );
    expect(neverPublished.status).toBe(404);

    await platform.http('POST', `/api/v1/articles/${s.id}/versions/th/unpublish`, { token });
    const gone = await platform.http('GET', `/api/v1/public/articles/th/${encodeURIComponent(newSlug)}`);
    expect(gone.status).toBe(410);
    expect(gone.body).toMatchObject({ statusCode: 410, error: 'Gone' });
    expect((await list('?lang=th')).items.map((i) => i.storyId)).not.toContain(s.id);
  });

  it('400 for a language that is not th or en', async () => {
    const res = await platform.http('GET', '/api/v1/public/articles/fr/anything');
    expect(res.status).toBe(400);
  });
});
