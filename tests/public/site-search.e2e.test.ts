import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Story, StorySummary } from '@khao/contracts';
import { TestPlatform } from '@khao/testing';
import { createStory, publicGatewayEnv, publish, thaiStory } from './helpers.js';

// The readers' search (`/api/v1/public/search`, `/:lang/search`) and the admin search's ranking, on stories written
// for this file: an exact phrase above its words apart, forgiving queries, snippets, pages, the cache and bad input.
const platform = new TestPlatform({ services: ['articles'], env: { gateway: publicGatewayEnv } });
let token: string;
let exact: Story;
let apart: Story;
let draft: Story;

type Hit = { storyId: string; language: string; url: string; snippet: { text: string; marks: [number, number][] } };
type Reply = { items: Hit[]; total: number; page: number; suggestion?: string };
const search = async (query: string) => {
  const res = await platform.http('GET', `/api/v1/public/search?${query}`);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body as Reply;
};
const q = (text: string, more = '') => `lang=th&q=${encodeURIComponent(text)}${more}`;

beforeAll(async () => {
  await platform.start();
  token = await platform.adminToken();
  apart = await createStory(
    platform,
    token,
    thaiStory({
      dateline: { place: 'อำเภอสันติสุข', province: 'น่าน' },
      eventDate: { start: '2024-02-10T07:00:00+07:00' },
      tags: ['ไฟป่า'],
      version: {
        title: 'ชาวบ้านน่านทำแนวกันไฟปกป้องป่าชุมชนต้นน้ำ',
        summary: 'อาสาสมัครกว่าร้อยคนเดินลาดตระเวนตลอดหน้าแล้ง',
        body: '<p>น่าน/ ชาวบ้านสามหมู่บ้านร่วมกันทำแนวกันไฟรอบป่าชุมชน ร่วมกับ สปสช. และ อบต.ในพื้นที่</p>',
      },
    }),
  );
  exact = await createStory(
    platform,
    token,
    thaiStory({
      dateline: { province: 'น่าน' },
      eventDate: { start: '2023-07-28T09:00:00+07:00' },
      version: {
        title: 'เครือข่ายป่าชุมชนน่านจัดพิธีบวชป่า',
        summary: 'พระสงฆ์และชาวบ้านผูกผ้าเหลืองต้นไม้ใหญ่',
        body: '<p>พิธีบวชป่าเป็นความเชื่อที่ชุมชนใช้รักษาต้นไม้ใหญ่</p>',
      },
    }),
  );
  draft = await createStory(
    platform,
    token,
    thaiStory({ version: { title: 'ร่างข่าวป่าชุมชนน่านที่ยังไม่เผยแพร่', summary: '', body: '' } }),
  );
  await publish(platform, token, apart.id, 'th');
  await publish(platform, token, exact.id, 'th');
});
afterAll(() => platform.stop());

describe('public search', () => {
  it('ranks the exact phrase above its words apart, published Thai versions only, with marked snippets', async () => {
    const r = await search(q('ป่าชุมชนน่าน'));
    expect(r.items.map((i) => i.storyId)).toEqual([exact.id, apart.id]);
    expect(r.total).toBe(2);
    expect(r.items.map((i) => i.storyId)).not.toContain(draft.id);
    const s = r.items[1].snippet;
    expect(s.marks.length).toBeGreaterThan(0);
    expect(s.marks.map(([a, b]) => s.text.slice(a, b))).toContain('ป่าชุมชน');
    expect(r.items[0].url).toMatch(/\/th\/news\//);
    // Not in English: nothing is published there.
    expect((await search('lang=en&q=' + encodeURIComponent('ป่าชุมชน'))).items).toEqual([]);
  });

  it('forgives dots, digits and calendars, and suggests a near word when nothing matches', async () => {
    for (const text of ['สปสช', 'ส.ป.ส.ช.', 'อบต', '2567', '2024', '๒๕๖๗']) {
      expect(
        (await search(q(text))).items.map((i) => i.storyId),
        text,
      ).toEqual([apart.id]);
    }
    const none = await search(q('แนวกันไฟป่าชุมชนนาน'));
    expect(none.items).toEqual([]);
    const typo = await search(q('ลาดตระเวร'));
    expect(typo.items).toEqual([]);
    expect(typo.suggestion).toBe('ลาดตระเวน');
  });

  it('pages through the hits', async () => {
    const first = await search(q('ป่าชุมชน', '&limit=1'));
    const second = await search(q('ป่าชุมชน', '&limit=1&page=2'));
    expect(first.total).toBe(2);
    expect([...first.items, ...second.items].map((i) => i.storyId).sort()).toEqual([apart.id, exact.id].sort());
    expect((await search(q('ป่าชุมชน', '&limit=1&page=3'))).items).toEqual([]);
  });

  it('is cached like the other public responses and follows a publication', async () => {
    const first = await platform.http('GET', `/api/v1/public/search?${q('บวชป่า')}`);
    const etag = first.headers.get('etag');
    expect(first.headers.get('cache-control')).toMatch(/^public, max-age=\d+/);
    expect(etag).toBeTruthy();
    const again = await platform.http('GET', `/api/v1/public/search?${q('บวชป่า')}`, {
      headers: { 'if-none-match': etag! },
    });
    expect(again.status).toBe(304);
    await publish(platform, token, draft.id, 'th');
    await expect.poll(async () => (await search(q('ป่าชุมชนน่าน'))).total, { timeout: 10_000 }).toBe(3);
  });

  it('answers bad or huge queries with a clear 400, never a 500', async () => {
    const bad = [
      'lang=th',
      'lang=th&q=',
      `lang=th&q=${'ก'.repeat(201)}`,
      'lang=fr&q=a',
      'q=a',
      'lang=th&q=a&page=0',
      'lang=th&q=a&page=51',
      'lang=th&q=a&limit=51',
      'lang=th&q=a&sort=new',
    ];
    for (const query of bad) {
      const res = await platform.http('GET', `/api/v1/public/search?${query}`);
      expect(res.status, query).toBe(400);
      expect((res.body as { message: string }).message, query).toBeTruthy();
    }
  });

  it('the search page: HTML in the site, the form without a query, 400 for a huge one, 404 for a language', async () => {
    const page = await platform.http('GET', `/th/search?q=${encodeURIComponent('ป่าชุมชนน่าน')}`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    const body = page.body as string;
    expect(body).toContain('<mark>');
    expect(body).toContain('name="robots" content="noindex"');
    expect(body).toContain(`href="${publicGatewayEnv.PUBLIC_BASE_URL}/en/search?q=`);
    expect((await platform.http('GET', '/th/search')).status).toBe(200);
    expect((await platform.http('GET', `/th/search?q=${'ก'.repeat(201)}`)).status).toBe(400);
    expect((await platform.http('GET', '/th/search?q=a&page=x')).status).toBe(400);
    expect((await platform.http('GET', '/xx/search?q=a')).status).toBe(404);
  });

  it('is documented in the OpenAPI with every parameter and status', async () => {
    const doc = (await platform.http('GET', '/api/docs/openapi.json')).body as {
      paths: Record<string, { get: { parameters: { name: string }[]; responses: Record<string, unknown> } }>;
    };
    const op = doc.paths['/api/v1/public/search'].get;
    expect(op.parameters.map((p) => p.name).sort()).toEqual(['lang', 'limit', 'page', 'q']);
    expect(Object.keys(op.responses).sort()).toEqual(['200', '304', '400', '503']);
  });
});

describe('admin search ranking', () => {
  const admin = async (query: string) => {
    const res = await platform.http('GET', `/api/v1/articles?${query}`, { token });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return res.body as { items: StorySummary[]; nextCursor: string | null; suggestion?: string };
  };

  it('ranks by relevance with a query, keeps newest change first as an explicit sort, and pages both', async () => {
    const ranked = await admin(`q=${encodeURIComponent('ป่าชุมชนน่าน')}`);
    // Both with the exact phrase in the title first (the draft too: editors search their drafts), then words apart.
    expect(
      ranked.items
        .map((s) => s.id)
        .slice(0, 2)
        .sort(),
    ).toEqual([exact.id, draft.id].sort());
    expect(ranked.items.map((s) => s.id)[2]).toBe(apart.id);
    const newest = await admin(`q=${encodeURIComponent('ป่าชุมชนน่าน')}&sort=updated`);
    expect(newest.items.map((s) => s.id)).toEqual([draft.id, exact.id, apart.id]);
    const one = await admin(`q=${encodeURIComponent('ป่าชุมชนน่าน')}&limit=1`);
    const two = await admin(`q=${encodeURIComponent('ป่าชุมชนน่าน')}&limit=1&cursor=${one.nextCursor}`);
    expect([...one.items, ...two.items].map((s) => s.id)).toEqual(ranked.items.map((s) => s.id).slice(0, 2));
    expect((await admin(`q=${encodeURIComponent('ลาดตระเวร')}`)).suggestion).toBe('ลาดตระเวน');
    expect((await platform.http('GET', '/api/v1/articles?sort=oldest', { token })).status).toBe(400);
  });
});
