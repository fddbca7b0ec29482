import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Story } from '@khao/contracts';
import { TestPlatform, waitFor } from '@khao/testing';
import { BASE, bilingualStory, chiangMaiStory, createStory, publicGatewayEnv, publish, version } from './helpers.js';

// RSS 2.0, Atom and sitemap.xml read back with a real XML parser: every published version of both languages is
// there with its absolute link and dates, drafts are not, and hreflang alternates pair the translations.
const platform = new TestPlatform({ services: ['articles'], env: { gateway: publicGatewayEnv } });
const arrays = [
  'rss.channel.item',
  'rss.channel.item.category',
  'feed.entry',
  'feed.entry.link',
  'urlset.url',
  'urlset.url.xhtml:link',
  'urlset.url.image:image',
  'sitemapindex.sitemap',
];
const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  isArray: (_name, jpath) => arrays.includes(String(jpath)),
});
let token: string;
let stories: Story[];
let draft: Story;

interface Published {
  lang: 'th' | 'en';
  url: string;
  title: string;
  publishedAt: string;
  updatedAt: string;
  story: Story;
}
let published: Published[];

const xml = async (path: string) => {
  const res = await fetch(platform.baseUrl + path);
  expect(res.status, path).toBe(200);
  const text = await res.text();
  expect(XMLValidator.validate(text), path).toBe(true);
  return { type: res.headers.get('content-type'), doc: parser.parse(text) as Record<string, any> }; // eslint-disable-line @typescript-eslint/no-explicit-any
};
const urlOf = (lang: string, slug: string) => `${BASE}/${lang}/news/${encodeURIComponent(slug)}`;

beforeAll(async () => {
  await platform.start();
  token = await platform.adminToken();
  const a = await bilingualStory(platform, token);
  const b = await bilingualStory(platform, token, chiangMaiStory());
  const c = await createStory(
    platform,
    token,
    chiangMaiStory({ version: { title: 'ข่าวภาษาไทยอย่างเดียวเรื่องตลาดนัดชุมชน' } }),
  );
  stories = [a.story, b.story, await publish(platform, token, c.id, 'th')];
  draft = await createStory(platform, token, chiangMaiStory({ version: { title: 'ร่างที่ยังไม่เผยแพร่เรื่องตลาดนัด' } }));
  published = stories.flatMap((story) =>
    story.versions
      .filter((v) => v.status === 'published')
      .map((v) => ({
        lang: v.language,
        url: urlOf(v.language, v.slug),
        title: v.title,
        publishedAt: v.publishedAt!,
        updatedAt: story.updatedAt,
        story,
      })),
  );
  expect(published).toHaveLength(5);
});
afterAll(() => platform.stop());

describe('feeds', () => {
  it('RSS 2.0 per language holds every published version with its link, guid and pubDate', async () => {
    for (const lang of ['th', 'en'] as const) {
      const { type, doc } = await xml(`/feeds/${lang}/rss.xml`);
      expect(type).toBe('application/rss+xml; charset=utf-8');
      const channel = doc.rss.channel;
      expect(doc.rss['@version']).toBe('2.0');
      expect(channel.language).toBe(lang);
      expect(channel.link).toBe(`${BASE}/${lang}`);
      const items = channel.item as { title: string; link: string; guid: { '#text': string }; pubDate: string }[];
      const expected = published.filter((p) => p.lang === lang);
      expect(items.map((i) => i.link).sort()).toEqual(expected.map((p) => p.url).sort());
      for (const p of expected) {
        const item = items.find((i) => i.link === p.url)!;
        expect(item.title).toBe(p.title);
        expect(item.guid['#text']).toBe(p.url);
        expect(new Date(item.pubDate).getTime()).toBe(Math.floor(Date.parse(p.publishedAt) / 1000) * 1000);
      }
      expect(JSON.stringify(doc)).not.toContain(version(draft, 'th').slug);
    }
  });

  it('Atom per language holds every published version with id, link, published and updated', async () => {
    for (const lang of ['th', 'en'] as const) {
      const { type, doc } = await xml(`/feeds/${lang}/atom.xml`);
      expect(type).toBe('application/atom+xml; charset=utf-8');
      const entries = doc.feed.entry as {
        id: string;
        link: { '@href': string }[];
        published: string;
        updated: string;
        title: { '#text': string };
      }[];
      const expected = published.filter((p) => p.lang === lang);
      expect(entries.map((e) => e.id).sort()).toEqual(expected.map((p) => p.url).sort());
      for (const p of expected) {
        const e = entries.find((x) => x.id === p.url)!;
        expect(e.link[0]['@href']).toBe(p.url);
        expect(e.published).toBe(p.publishedAt);
        expect(Date.parse(e.updated)).toBeGreaterThanOrEqual(Date.parse(p.publishedAt));
        expect(e.title['#text']).toBe(p.title);
      }
    }
  });
});

describe('sitemap', () => {
  type UrlEntry = {
    loc: string;
    lastmod?: string;
    'xhtml:link': { '@rel': string; '@hreflang': string; '@href': string }[];
  };
  /** The index, then every child it names, each parsed on its own. */
  const children = async () => {
    const { type, doc } = await xml('/sitemap.xml');
    expect(type).toBe('application/xml; charset=utf-8');
    expect(doc.sitemapindex['@xmlns']).toBe('http://www.sitemaps.org/schemas/sitemap/0.9');
    const refs = doc.sitemapindex.sitemap as { loc: string; lastmod: string }[];
    const out: { loc: string; lastmod: string; urls: UrlEntry[] }[] = [];
    for (const ref of refs) {
      expect(ref.loc.startsWith(`${BASE}/sitemaps/`), ref.loc).toBe(true);
      expect(Number.isNaN(Date.parse(ref.lastmod)), ref.loc).toBe(false);
      const child = (await xml(ref.loc.slice(BASE.length))).doc;
      expect(child.urlset['@xmlns']).toBe('http://www.sitemaps.org/schemas/sitemap/0.9');
      expect(child.urlset['@xmlns:xhtml']).toBe('http://www.w3.org/1999/xhtml');
      out.push({ ...ref, urls: (child.urlset.url ?? []) as UrlEntry[] });
    }
    return out;
  };

  it('is an index of the front pages and one sitemap per language and month, each story in exactly one', async () => {
    const all = await children();
    const month = (p: Published) => new Date(p.publishedAt).toISOString().slice(0, 7);
    const expectedRefs = [
      `${BASE}/sitemaps/home.xml`,
      ...new Set(published.map((p) => `${BASE}/sitemaps/${p.lang}/${month(p)}.xml`)),
    ];
    expect(all.map((c) => c.loc).sort()).toEqual(expectedRefs.sort());
    const home = all.find((c) => c.loc.endsWith('/home.xml'))!;
    expect(home.urls.map((u) => u.loc).sort()).toEqual([`${BASE}/en`, `${BASE}/th`]);
    for (const p of published) {
      const holding = all.filter((c) => c.urls.some((u) => u.loc === p.url));
      expect(
        holding.map((c) => c.loc),
        p.url,
      ).toEqual([`${BASE}/sitemaps/${p.lang}/${month(p)}.xml`]);
    }
    const storyUrls = all.filter((c) => c !== home).flatMap((c) => c.urls.map((u) => u.loc));
    expect(storyUrls.sort()).toEqual(published.map((p) => p.url).sort());
    expect(storyUrls.some((u) => u.includes(encodeURIComponent(draft.versions[0].slug)))).toBe(false);
  });

  it('lists each published version with its lastmod, hreflang alternates and x-default', async () => {
    const urls = (await children()).flatMap((c) => c.urls);
    for (const p of published) {
      const u = urls.find((x) => x.loc === p.url)!;
      expect(Date.parse(u.lastmod!)).toBe(Date.parse(p.updatedAt));
      const alternates = Object.fromEntries(u['xhtml:link'].map((l) => [l['@hreflang'], l['@href']]));
      const siblings = published.filter((q) => q.story.id === p.story.id);
      const want: Record<string, string> = Object.fromEntries(siblings.map((q) => [q.lang, q.url]));
      want['x-default'] = siblings.find((q) => q.lang === p.story.sourceLanguage)!.url;
      expect(alternates).toEqual(want);
      expect(u['xhtml:link'].every((l) => l['@rel'] === 'alternate')).toBe(true);
    }
  });

  it("a Thai publish rebuilds the Thai month's sitemap only, and the index", async () => {
    const month = new Date().toISOString().slice(0, 7);
    const builds = async () => {
      const text = await (await fetch(`${platform.baseUrl}/metrics`)).text();
      const m = /^khao_public_builds_total\{[^}]*kind="sitemaps"[^}]*\} (\d+)/m.exec(text);
      return Number(m?.[1] ?? 0);
    };
    await xml(`/sitemaps/th/${month}.xml`);
    await xml(`/sitemaps/en/${month}.xml`);
    const before = await builds();
    const fresh = await createStory(
      platform,
      token,
      chiangMaiStory({ version: { title: 'ตลาดนัดชุมชนเปิดใหม่ที่เชียงใหม่' } }),
    );
    const story = await publish(platform, token, fresh.id, 'th');
    const url = urlOf('th', story.versions.find((v) => v.language === 'th')!.slug);
    await waitFor(async () => JSON.stringify((await xml(`/sitemaps/th/${month}.xml`)).doc).includes(url), {
      what: 'the new story in the Thai sitemap',
      timeoutMs: 2000,
      intervalMs: 50,
    });
    await xml(`/sitemaps/en/${month}.xml`);
    expect(await builds()).toBe(before + 1);
    expect(JSON.stringify((await xml('/sitemap.xml')).doc)).toContain(`/sitemaps/th/${month}.xml`);
  });

  it('answers 404 for a sitemap that does not exist', async () => {
    for (const path of ['/sitemaps/th/1999-01.xml', '/sitemaps/xx/2017-04.xml', '/sitemaps/th/2017-13.xml']) {
      expect((await fetch(platform.baseUrl + path)).status, path).toBe(404);
    }
  });
});
