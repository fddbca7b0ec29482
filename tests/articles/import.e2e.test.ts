import { DatabaseInspector } from '@khao/persistence';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { XMLParser } from 'fast-xml-parser';
import { ArticleEvents, type Story } from '@khao/contracts';
import { EventTap, infraEnv, TestPlatform, waitFor } from '@khao/testing';
import {
  englishVersion,
  importedThaiStory,
  importStories,
  thaiStory,
  userToken,
  type ImportedItem,
} from './helpers.js';

// An archive comes in through its own admin path: stories already published at their original time, announced with
// `imported` events, and then found by feeds, sitemaps and search like any other.
const platform = new TestPlatform({
  services: ['articles'],
  env: { articles: { PUBLIC_BASE_URL: 'https://news.example.org' } },
});
let token: string;
let tap: EventTap;
let items: ImportedItem[];

const NAN = 'ชาวบ้านน่านร่วมกันดูแลป่าชุมชนต้นน้ำเจ็ดหมู่บ้าน';
const bilingual = {
  ...importedThaiStory('2019-06-05T09:30:00+07:00', NAN),
  versions: [
    { ...importedThaiStory('2019-06-05T09:30:00+07:00', NAN).versions[0] },
    { language: 'en', ...englishVersion, publishedAt: '2019-06-06T10:00:00+07:00' },
  ],
};

beforeAll(async () => {
  await platform.start();
  token = await platform.adminToken();
  tap = await EventTap.open();
  items = await importStories(platform, token, [
    bilingual,
    importedThaiStory('2018-11-20T08:00:00+07:00', 'ลำพูนเปิดตลาดนัดสินค้าชุมชนริมแม่น้ำกวง'),
    importedThaiStory('2020-02-14T15:45:00+07:00', 'ชุมชนริมคลองแสนแสบปรับปรุงบ้านมั่นคงครบร้อยหลัง'),
  ]);
});
afterAll(async () => {
  await platform.stop();
  await tap?.close();
});

describe('POST /api/v1/articles/import', () => {
  it('writes each story already published at its original time, in the order sent', async () => {
    expect(items).toHaveLength(3);
    expect(items.map((i) => i.versions.map((v) => v.publishedAt))).toEqual([
      ['2019-06-05T02:30:00.000Z', '2019-06-06T03:00:00.000Z'],
      ['2018-11-20T01:00:00.000Z'],
      ['2020-02-14T08:45:00.000Z'],
    ]);
    const res = await platform.http('GET', `/api/v1/articles/${items[0].id}`, { token });
    expect(res.status).toBe(200);
    const story = res.body as Story;
    expect(story.revision).toBe(1);
    expect(story.versions.map((v) => [v.language, v.status, v.translationOf, v.slug])).toEqual([
      ['th', 'published', null, items[0].versions[0].slug],
      ['en', 'published', 'th', items[0].versions[1].slug],
    ]);
    expect(story.versions[0].title).toBe(NAN);
    expect(story.createdAt).toBe('2019-06-05T02:30:00.000Z');
    const revisions = await platform.http('GET', `/api/v1/articles/${items[0].id}/revisions`, { token });
    expect(revisions.body).toMatchObject([{ revision: 1, action: 'import' }]);
  });

  it('announces every version with published.v2 and imported: true, never published.v1', async () => {
    const ids = new Set(items.map((i) => i.id));
    const events = await waitFor(
      async () => {
        const out = await tap.events(['events.article.>'], (e) => ids.has(e.data.storyId as string));
        return out.length >= 4 ? out : undefined;
      },
      { what: 'the imported stories’ events' },
    );
    expect(events).toHaveLength(4);
    for (const e of events) {
      expect(e.type).toBe(ArticleEvents.versionPublishedV2.type);
      expect(e.version).toBe(2);
      expect(e.data).toMatchObject({ imported: true, status: 'published', revision: 1 });
    }
    expect(events.find((e) => e.data.language === 'en')?.data).toMatchObject({
      storyId: items[0].id,
      translationOf: 'th',
      publishedAt: '2019-06-06T03:00:00.000Z',
      url: `https://news.example.org/en/news/${items[0].versions[1].slug}`,
    });
  });

  it('is in the audit trail as story.imported, by the admin who sent it, not as story.published', async () => {
    const me = (await platform.http('GET', '/api/v1/auth/me', { token })).body as { id: string };
    const actions = await waitFor(
      async () => {
        const res = await platform.http('GET', `/api/v1/ops/audit?storyId=${items[0].id}`, { token });
        const entries = (res.body as { items: { action: string; actorId: string | null }[] }).items;
        return entries.length >= 2 ? entries : undefined;
      },
      { what: 'the import in the audit trail' },
    );
    expect(actions.map((e) => e.action)).toEqual(['story.imported', 'story.imported']);
    expect(actions.every((e) => e.actorId === me.id)).toBe(true);
  });

  it('the stories are in the Thai search, the public list, the feed and their month’s sitemap', async () => {
    const search = await platform.http('GET', `/api/v1/articles?q=${encodeURIComponent('ป่าชุมชน')}`, { token });
    expect(search.status).toBe(200);
    expect((search.body as { items: { id: string }[] }).items.map((s) => s.id)).toContain(items[0].id);

    const list = await platform.http('GET', '/api/v1/public/articles?lang=th&limit=50');
    expect(list.status).toBe(200);
    const listed = (list.body as { items: { storyId: string }[] }).items.map((s) => s.storyId);
    // Newest publication first, by the original dates.
    expect(listed.filter((id) => items.some((i) => i.id === id))).toEqual([items[2].id, items[0].id, items[1].id]);

    const feed = await platform.http('GET', '/feeds/th/rss.xml');
    expect(feed.status).toBe(200);
    expect(feed.body as string).toContain(NAN);

    const month = await platform.http('GET', '/sitemaps/th/2019-06.xml');
    expect(month.status).toBe(200);
    const xml = new XMLParser().parse(month.body as string) as { urlset: { url: { loc: string } | { loc: string }[] } };
    const locs = [xml.urlset.url].flat().map((u) => u.loc);
    expect(locs.filter((l) => l.endsWith(`/th/news/${encodeURIComponent(items[0].versions[0].slug)}`))).toHaveLength(1);
  });

  it('after a restart the index has them all again, a story saved before kept search terms too', async () => {
    // A story written before saves kept its analysed words: the load reads it whole and cuts it.
    const mongo = await DatabaseInspector.open(infraEnv().MONGO_URL);
    try {
      const stories = mongo.db(`articles_${platform.suffix}`).collection('stories');
      await stories.updateOne({ _id: items[1].id }, { $unset: { searchTerms: '' } });
    } finally {
      await mongo.close();
    }
    await platform.restart('articles');
    const search = async (q: string) => {
      const res = await platform.http('GET', `/api/v1/articles?q=${encodeURIComponent(q)}`, { token });
      expect(res.status).toBe(200);
      return (res.body as { items: { id: string }[] }).items.map((s) => s.id);
    };
    expect(await search('ป่าชุมชน')).toContain(items[0].id);
    expect(await search('ตลาดนัดสินค้าชุมชน')).toContain(items[1].id);
    // Words of the body only (the index loads without bodies, from the kept terms).
    expect(await search('ผู้แทนชุมชน')).toEqual(expect.arrayContaining(items.map((i) => i.id)));
    const page = await platform.http('GET', `/th/news/${encodeURIComponent(items[2].versions[0].slug)}`);
    expect(page.status).toBe(200);
    expect(page.body as string).toContain('ไม่ต้องกลัวถูกไล่ที่อีก');
  });

  it('is for admins only', async () => {
    const editor = await userToken(platform, token, 'editor');
    const res = await platform.http('POST', '/api/v1/articles/import', {
      token: editor.token,
      body: { stories: [importedThaiStory('2019-01-01T00:00:00+07:00')] },
    });
    expect(res.status).toBe(403);
  });

  it('refuses what is not an archive: a future publishedAt, a missing source version, an empty or oversized batch', async () => {
    const refused = async (stories: unknown[], match: RegExp) => {
      const res = await platform.http('POST', '/api/v1/articles/import', { token, body: { stories } });
      expect(res.status, JSON.stringify(res.body)).toBe(400);
      expect(JSON.stringify(res.body)).toMatch(match);
    };
    const future = new Date(Date.now() + 86_400_000).toISOString();
    await refused([importedThaiStory('2019-01-01T00:00:00+07:00'), importedThaiStory(future)], /in the future/);
    await refused([{ ...importedThaiStory('2019-01-01T00:00:00Z'), sourceLanguage: 'en' }], /source language/);
    await refused([], /at least one story/);
    await refused(
      Array.from({ length: 101 }, () => importedThaiStory('2019-01-01T00:00:00Z')),
      /at most 100/,
    );
    // A draft-shaped story (create's body) is not an import.
    await refused([thaiStory()], /versions|version/);
  });
});
