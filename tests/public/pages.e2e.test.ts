import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestPlatform } from '@khao/testing';
import {
  BASE,
  bilingualStory,
  chiangMaiStory,
  createStory,
  publicGatewayEnv,
  publish,
  thaiStory,
  version,
} from './helpers.js';

// Server-rendered pages: the article in each language, the front pages, 301/404/410, escaping, and a page that
// renders without images when the media service does not answer (it is not running here).
const platform = new TestPlatform({ services: ['articles'], env: { gateway: publicGatewayEnv } });
let token: string;
let udon: Awaited<ReturnType<typeof bilingualStory>>;

const page = async (path: string) => {
  const res = await fetch(platform.baseUrl + path, { redirect: 'manual' });
  return { status: res.status, headers: res.headers, text: await res.text() };
};
const thPath = (slug: string) => `/th/news/${encodeURIComponent(slug)}`;

beforeAll(async () => {
  await platform.start();
  token = await platform.adminToken();
  udon = await bilingualStory(
    platform,
    token,
    thaiStory({ coverMediaId: '0123456789abcdef01234567', galleryMediaIds: ['0123456789abcdef01234568'] }),
  );
});
afterAll(() => platform.stop());

describe('article page', () => {
  it('renders the Thai page: lang, one h1, dateline with province and BE date, head tags, share links', async () => {
    const { status, headers, text } = await page(thPath(udon.th.slug));
    expect(status).toBe(200);
    expect(headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(text).toMatch(/^<!doctype html>\s*<html lang="th"/);
    expect(text.match(/<h1[ >]/g)).toHaveLength(1);
    expect(text).toContain('<h1>สภาองค์กรชุมชนอุดรธานีร่วมวางแผนพัฒนาที่อยู่อาศัยริมหนองประจักษ์</h1>');
    expect(text).toMatch(
      /<span class="place">อุดรธานี<\/span>\/ เมื่อวันที่ <time datetime="2017-04-10T02:00:00.000Z">10\s?–\s?11 เมษายน 2560<\/time>/,
    );
    expect(text).toMatch(/<main id="main">/);
    const url = `${BASE}${thPath(udon.th.slug)}`;
    const enUrl = `${BASE}/en/news/${udon.en.slug}`;
    expect(text).toContain(`<link rel="canonical" href="${url}"`);
    expect(text).toContain(`<link rel="alternate" hreflang="en" href="${enUrl}"`);
    expect(text).toContain(`<link rel="alternate" hreflang="x-default" href="${url}"`);
    expect(text).toContain('<meta property="og:locale" content="th_TH"');
    expect(text).toContain('<meta property="og:locale:alternate" content="en_US"');
    expect(text).toContain('<meta name="twitter:card" content="summary_large_image"');
    expect(text).toContain('<meta name="twitter:site" content="@codi_th"');
    const ld = JSON.parse(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/.exec(text)![1]) as Record<
      string,
      unknown
    >;
    expect(ld).toMatchObject({ '@type': 'NewsArticle', headline: udon.th.title, inLanguage: 'th', url });
    // the body as sanitized by the articles service, Thai quotes included
    expect(text).toContain('<blockquote>“เราอยากมีบ้านที่มั่นคง ไม่ต้องกลัวถูกไล่ที่อีก” นางสมหมาย ใจงาม ผู้แทนชุมชนกล่าว</blockquote>');
    // language switch and the organisation's links from configuration
    expect(text).toMatch(new RegExp(`<a href="${enUrl}" hreflang="en" lang="en" rel="alternate"\\s*>English</a`));
    for (const link of [
      'https://www.facebook.com/codi.thailand',
      'https://x.com/codi_th',
      'https://www.youtube.com/@codi/playlists',
      'https://intranet.example.org/',
      'https://mail.example.org/',
    ]) {
      expect(text).toContain(`href="${link}"`);
    }
    for (const k of ['facebook', 'x', 'line', 'telegram', 'whatsapp', 'email'])
      expect(text).toContain(`data-share="${k}"`);
    expect(text.toLowerCase()).not.toContain('google');
    // the media service is not running: no images, and no failure either
    expect(text).not.toContain('<img');
  });

  it('renders the English page with the CE date and the Thai version as x-default', async () => {
    const { status, text } = await page(`/en/news/${udon.en.slug}`);
    expect(status).toBe(200);
    expect(text).toMatch(/<html lang="en"/);
    expect(text).toMatch(/<span class="place">อุดรธานี<\/span>, <time[^>]*>10\s?–\s?11 April 2017<\/time>/);
    expect(text).toContain(`<link rel="alternate" hreflang="x-default" href="${BASE}${thPath(udon.th.slug)}"`);
    expect(text).toContain('<meta property="og:locale" content="en_US"');
  });

  it('escapes what editors type in titles and summaries', async () => {
    const s = await createStory(
      platform,
      token,
      chiangMaiStory({
        version: { title: 'ป่า & น้ำ <script>alert("x")</script>', summary: 'สรุป "ข่าว" <b>', body: '<p>ok</p>' },
      }),
    );
    const slug = version(await publish(platform, token, s.id, 'th'), 'th').slug;
    const { text } = await page(thPath(slug));
    expect(text).toContain('<h1>ป่า &amp; น้ำ &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;</h1>');
    expect(text).toContain('content="สรุป &quot;ข่าว&quot; &lt;b&gt;"');
    expect(text).not.toContain('<script>alert');
    expect(text).not.toContain('"</script>');
  });

  it('301 from an old slug to the current page; a real 404 page for unknown slugs and paths', async () => {
    const s = await createStory(platform, token, chiangMaiStory({ version: { title: 'หัวข้อเดิมของข่าวเรื่องธนาคารข้าว' } }));
    const oldSlug = version(await publish(platform, token, s.id, 'th'), 'th').slug;
    const put = await platform.http('PUT', `/api/v1/articles/${s.id}/versions/th`, {
      token,
      body: { title: 'ชุมชนตั้งธนาคารข้าวช่วยครัวเรือนยากจน', body: '<p>ธนาคารข้าว</p>' },
    });
    const newSlug = version(put.body as never, 'th').slug;
    const moved = await page(thPath(oldSlug));
    expect(moved.status).toBe(301);
    expect(moved.headers.get('location')).toBe(thPath(newSlug));

    for (const path of ['/th/news/ไม่มีข่าวนี้', '/en/news/no-such-story', '/fr/news/x', '/favicon.ico']) {
      const missing = await page(encodeURI(path));
      expect(missing.status, path).toBe(404);
      expect(missing.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(missing.text).toMatch(/<h1>(ไม่พบหน้าที่คุณต้องการ|Page not found)<\/h1>/);
      expect(missing.text).toContain('<meta name="robots" content="noindex"');
    }
  });

  it('410 once a version is taken down', async () => {
    const s = await createStory(platform, token, chiangMaiStory({ version: { title: 'ข่าวที่จะถูกถอนเรื่องการประชุมสภา' } }));
    const slug = version(await publish(platform, token, s.id, 'th'), 'th').slug;
    expect((await page(thPath(slug))).status).toBe(200);
    await platform.http('POST', `/api/v1/articles/${s.id}/versions/th/unpublish`, { token });
    const gone = await page(thPath(slug));
    expect(gone.status).toBe(410);
    expect(gone.text).toContain('<h1>ข่าวนี้ถูกถอนออกแล้ว</h1>');
  });
});

describe('front pages', () => {
  it('lists the latest stories of each language, linking to their pages', async () => {
    // The newest Thai story leads the Thai front page; the English one only shows on the English page.
    const s = await createStory(platform, token, chiangMaiStory({ version: { title: 'ข่าวล่าสุดเรื่องกองทุนสวัสดิการชุมชน' } }));
    const newest = version(await publish(platform, token, s.id, 'th'), 'th');
    const th = await page('/th');
    expect(th.status).toBe(200);
    expect(th.text).toMatch(/<h1>ข่าวล่าสุด<\/h1>/);
    expect(th.text).toContain(`<a href="${BASE}${thPath(newest.slug)}">${newest.title}</a>`);
    expect(th.text).not.toContain(udon.en.title);
    const en = await page('/en');
    expect(en.text).toContain(`<a href="${BASE}/en/news/${udon.en.slug}">${udon.en.title}</a>`);
    expect(en.text).toMatch(/<html lang="en"/);
    const root = await page('/');
    expect(root.status).toBe(302);
    expect(root.headers.get('location')).toBe('/th');
  });

  it('serves the Thai web font for a year', async () => {
    const th = await page('/th');
    const href = /<link rel="preload" href="([^"]+)" as="font"/.exec(th.text)![1];
    const font = await fetch(platform.baseUrl + href);
    expect(font.status).toBe(200);
    expect(font.headers.get('content-type')).toBe('font/woff2');
    expect(font.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    const bytes = Buffer.from(await font.arrayBuffer());
    expect(bytes.subarray(0, 4).toString('latin1')).toBe('wOF2');
    expect((await fetch(`${platform.baseUrl}/assets/fonts/0.0.0/sarabun-thai-400-normal.woff2`)).status).toBe(404);
  });
});

describe('older stories', () => {
  it('the front page links to the next page of older stories, and a bad page is a 404', async () => {
    // PUBLIC_PAGE_SIZE is 2 in these tests; several Thai stories are published by now.
    const titles: string[] = [];
    let path: string | null = '/th';
    while (path) {
      const p = await page(path);
      expect(p.status, path).toBe(200);
      const found = [...p.text.matchAll(/<h2><a href="[^"]+">([^<]+)<\/a><\/h2>/g)].map((m) => m[1]);
      expect(found.length).toBeLessThanOrEqual(2);
      titles.push(...found);
      const next = /<a href="([^"]+)" rel="next">ข่าวก่อนหน้านี้<\/a>/.exec(p.text)?.[1];
      path = next ? next.replace(BASE, '').replace(/&amp;/g, '&') : null;
    }
    expect(titles.length).toBeGreaterThan(2);
    expect(new Set(titles).size).toBe(titles.length);
    expect(titles).toContain(udon.th.title);
    expect((await page('/th?page=bm9wZQ')).status).toBe(404);
  });
});

describe('when the articles service is down', () => {
  it('cached pages keep being served; others get a 503 page, and recover without a restart', async () => {
    const cached = thPath(udon.th.slug);
    expect((await page(cached)).status).toBe(200);
    await platform.proc('articles').stop();
    try {
      expect((await page(cached)).status).toBe(200);
      const down = await page(encodeURI('/th/news/ข่าวที่ยังไม่มีใครเปิด'));
      expect(down.status).toBe(503);
      expect(down.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(down.headers.get('retry-after')).toBe('5');
      expect(down.headers.get('cache-control')).toBe('no-store');
      expect(down.text).toContain('<h1>ขออภัย ระบบขัดข้องชั่วคราว</h1>');
      const api = await fetch(`${platform.baseUrl}/api/v1/public/articles?lang=en&tag=x`);
      expect(api.status).toBe(503);
      expect(await api.json()).toMatchObject({ statusCode: 503, error: 'Service Unavailable' });
    } finally {
      await platform.restart('articles');
    }
    expect((await page(encodeURI('/th/news/ข่าวที่ยังไม่มีใครเปิด'))).status).toBe(404);
  });
});

describe('robots.txt', () => {
  it('points crawlers at the sitemap', async () => {
    const robots = await page('/robots.txt');
    expect(robots.status).toBe(200);
    expect(robots.text).toContain(`Sitemap: ${BASE}/sitemap.xml`);
  });
});
