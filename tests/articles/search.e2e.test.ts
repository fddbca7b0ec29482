import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SearchItem, Story } from '@khao/contracts';
import { ServiceProcess, TestPlatform, waitFor } from '@khao/testing';
import { createStory, englishVersion, thaiStory } from './helpers.js';

// Thai-aware admin search: a word inside an unspaced Thai run is found; filters and cursor pagination.
const platform = new TestPlatform({ services: ['articles'] });
let token: string;
let udon: Story;
let khonKaen: Story;
let chiangMai: Story;

type Page = { items: SearchItem[]; nextCursor: string | null };
const search = async (query: string) => {
  const res = await platform.http('GET', `/api/v1/articles?${query}`, { token });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body as Page;
};
const ids = (p: Page) => p.items.map((s) => s.id);

beforeAll(async () => {
  await platform.start();
  token = await platform.adminToken();
  udon = await createStory(platform, token, thaiStory());
  await platform.http('PUT', `/api/v1/articles/${udon.id}/versions/en`, { token, body: englishVersion });
  await platform.http('POST', `/api/v1/articles/${udon.id}/versions/th/publish`, { token });
  khonKaen = await createStory(
    platform,
    token,
    thaiStory({
      dateline: { place: 'อำเภอเมือง', province: 'ขอนแก่น' },
      eventDate: { start: '2019-09-02T08:00:00+07:00' },
      categories: ['ภัยพิบัติ'],
      tags: ['น้ำท่วม'],
      version: {
        title: 'น้ำท่วมขอนแก่นชุมชนริมน้ำตั้งครัวกลางช่วยเหลือกันเอง',
        summary: 'อาสาสมัครชุมชนแจกอาหารวันละพันกล่อง',
        body: '<p>ชาวชุมชนริมบึงแก่นนครร่วมกันตั้งครัวกลาง</p>',
      },
    }),
  );
  chiangMai = await createStory(
    platform,
    token,
    thaiStory({
      dateline: { province: 'เชียงใหม่' },
      eventDate: { start: '2024-01-15T09:00:00+07:00' },
      tags: ['ป่าชุมชน'],
      sourceLanguage: 'en',
      version: {
        title: 'Chiang Mai villagers guard their community forest from wildfire',
        summary: 'Firebreaks cut by hand across 300 rai.',
        body: '<p>Volunteers from twelve villages patrol at night.</p>',
      },
    }),
  );
});
afterAll(() => platform.stop());

describe('admin search', () => {
  it('finds a Thai word from the middle of an unspaced run', async () => {
    // "ครัวกลาง" sits inside "น้ำท่วมขอนแก่นชุมชนริมน้ำตั้งครัวกลางช่วยเหลือกันเอง", with no spaces around it.
    expect(ids(await search(`q=${encodeURIComponent('ครัวกลาง')}`))).toEqual([khonKaen.id]);
    expect(ids(await search(`q=${encodeURIComponent('อุดรธานี')}`))).toContain(udon.id);
    expect(ids(await search(`q=${encodeURIComponent('อุดรธานี')}`))).not.toContain(khonKaen.id);
    // A multi-word Thai query, unspaced, matches stories holding every word.
    expect(ids(await search(`q=${encodeURIComponent('ครัวกลางช่วยเหลือ')}`))).toEqual([khonKaen.id]);
  });

  it('gives each ranked hit its best version and a snippet of its text with the matched words marked', async () => {
    // The draft's body, as editors search their drafts: the words of the unspaced query marked as one phrase.
    const [hit] = (await search(`q=${encodeURIComponent('ครัวกลาง')}`)).items;
    expect(hit.match?.language).toBe('th');
    const { text, marks } = hit.match!.snippet;
    expect(text).toContain('ชาวชุมชนริมบึงแก่นนครร่วมกันตั้งครัวกลาง');
    expect(marks.map(([a, b]) => text.slice(a, b))).toEqual(['ครัวกลาง']);
    // Words found only in the title: the summary says more than the body's opening, with nothing to mark.
    const [forest] = (await search('q=wildfire')).items;
    expect(forest.match).toEqual({
      language: 'en',
      snippet: { text: 'Firebreaks cut by hand across 300 rai.', marks: [] },
    });
    // Newest change first is a listing, not a ranking: no snippet.
    expect((await search(`q=${encodeURIComponent('ครัวกลาง')}&sort=updated`)).items[0].match).toBeUndefined();
  });

  it('finds English words case-insensitively, in either language version', async () => {
    expect(ids(await search('q=WILDFIRE'))).toEqual([chiangMai.id]);
    expect(ids(await search('q=housing'))).toEqual([udon.id]);
    expect(ids(await search('q=nothing-like-this-anywhere'))).toEqual([]);
  });

  it('filters by language, status, tag, category, province and event date range', async () => {
    const publishedTh = ids(await search('lang=th&status=published&limit=100'));
    expect(publishedTh).toContain(udon.id);
    expect(publishedTh).not.toContain(khonKaen.id);
    expect(ids(await search('lang=en&status=draft&limit=100'))).toEqual(
      expect.arrayContaining([udon.id, chiangMai.id]),
    );
    expect(ids(await search(`tag=${encodeURIComponent('น้ำท่วม')}`))).toEqual([khonKaen.id]);
    expect(ids(await search(`category=${encodeURIComponent('ภัยพิบัติ')}`))).toEqual([khonKaen.id]);
    expect(ids(await search(`province=${encodeURIComponent('เชียงใหม่')}`))).toEqual([chiangMai.id]);
    const range = await search(
      `from=${encodeURIComponent('2019-01-01T00:00:00+07:00')}&to=${encodeURIComponent('2019-12-31T23:59:59+07:00')}`,
    );
    expect(ids(range)).toEqual([khonKaen.id]);
  });

  it('pages with a cursor, newest change first, without repeats or gaps', async () => {
    const all = ids(await search('limit=100'));
    expect(all.slice(0, 3)).toEqual([chiangMai.id, khonKaen.id, udon.id]);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: Page = await search(`limit=1${cursor ? `&cursor=${cursor}` : ''}`);
      seen.push(...ids(page));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(all);
  });

  it('a second replica finds what the other one wrote, through the article events', async () => {
    const second = await new ServiceProcess('articles', platform.envFor('articles'), 'articles-replica').start();
    // Replicas share the queue group, so these writes spread over both (all on one: 1 chance in 64).
    const written: string[] = [];
    for (let i = 1; i <= 6; i++) {
      const s = await createStory(platform, token, thaiStory({ version: { title: `กลุ่มทอผ้าไหมบ้านนาข่า รุ่นที่ ${i}` } }));
      written.push(s.id);
    }
    // With the first replica gone, the second answers alone: it must know every story, its own and the other's.
    await platform.proc('articles').stop();
    try {
      const found = await waitFor(
        async () => {
          const page = await search(`q=${encodeURIComponent('ทอผ้าไหม')}&limit=50`);
          return written.every((id) => ids(page).includes(id)) ? page : undefined;
        },
        { what: 'the second replica to know every story' },
      );
      expect(ids(found)).toEqual([...written].reverse());
    } finally {
      await second.stop();
      await platform.restart('articles');
    }
  });

  it('answers bad queries with 400', async () => {
    expect((await platform.http('GET', '/api/v1/articles?cursor=garbage', { token })).status).toBe(400);
    expect((await platform.http('GET', '/api/v1/articles?limit=0', { token })).status).toBe(400);
    expect((await platform.http('GET', '/api/v1/articles?lang=fr', { token })).status).toBe(400);
    expect((await platform.http('GET', '/api/v1/articles?from=yesterday', { token })).status).toBe(400);
    expect((await platform.http('GET', '/api/v1/articles?sort=asc', { token })).status).toBe(400);
  });
});
