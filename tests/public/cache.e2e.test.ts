import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort, ServiceProcess, TestPlatform, waitFor } from '@khao/testing';
import { BASE, bilingualStory, publicGatewayEnv } from './helpers.js';

// Caching: validators answer 304, responses come from the gateway's memory, and article events drop them so that a
// correction or a take-down shows within a second everywhere (page, JSON, front page, feeds, sitemap).
const platform = new TestPlatform({ services: ['articles'], env: { gateway: publicGatewayEnv } });
let token: string;
let udon: Awaited<ReturnType<typeof bilingualStory>>;
let thPath: string;
let enPath: string;

const get = async (path: string, headers: Record<string, string> = {}) => {
  const res = await fetch(platform.baseUrl + path, { headers, redirect: 'manual' });
  return { status: res.status, headers: res.headers, text: await res.text() };
};

beforeAll(async () => {
  await platform.start();
  token = await platform.adminToken();
  udon = await bilingualStory(platform, token);
  thPath = `/th/news/${encodeURIComponent(udon.th.slug)}`;
  enPath = `/en/news/${udon.en.slug}`;
});
afterAll(() => platform.stop());

describe('validators', () => {
  it('answers If-None-Match and If-Modified-Since with 304 and no body', async () => {
    for (const path of [
      thPath,
      `/api/v1/public/articles/en/${udon.en.slug}`,
      '/th',
      '/feeds/th/rss.xml',
      '/feeds/en/atom.xml',
      '/sitemap.xml',
    ]) {
      const first = await get(path);
      expect(first.status, path).toBe(200);
      const etag = first.headers.get('etag')!;
      expect(etag, path).toMatch(/^"[\w-]+"$/);
      expect(first.headers.get('cache-control'), path).toMatch(/^public, max-age=\d+, stale-while-revalidate=\d+$/);
      const again = await get(path, { 'if-none-match': etag });
      expect(again.status, path).toBe(304);
      expect(again.text).toBe('');
      expect(again.headers.get('etag')).toBe(etag);
      expect((await get(path, { 'if-none-match': '"something-else"' })).status, path).toBe(200);
    }
    const page = await get(thPath);
    const lastModified = page.headers.get('last-modified')!;
    expect(Date.parse(lastModified)).toBe(Math.floor(Date.parse(udon.story.updatedAt) / 1000) * 1000);
    expect((await get(thPath, { 'if-modified-since': lastModified })).status).toBe(304);
    expect((await get(thPath, { 'if-modified-since': 'Mon, 10 Apr 2017 02:00:00 GMT' })).status).toBe(200);
  });

  it('serves listings from memory until an event says otherwise', async () => {
    const first = await get('/th');
    await new Promise((r) => setTimeout(r, 1100)); // Last-Modified of a listing is when it was built
    const second = await get('/th');
    expect(second.headers.get('last-modified')).toBe(first.headers.get('last-modified'));
  });
});

describe('invalidation by article events', () => {
  it('shows a correction within a second on the page, the JSON, the front page and the feed', async () => {
    const paths = [
      thPath,
      `/api/v1/public/articles/th/${encodeURIComponent(udon.th.slug)}`,
      '/th',
      '/feeds/th/rss.xml',
    ];
    for (const p of paths) expect((await get(p)).text).not.toContain('แก้ไข:');
    const summary = 'แก้ไข: ผู้เข้าร่วมเวทีมีกว่าสามร้อยคน ไม่ใช่สองร้อยคน';
    const story = udon.story;
    const started = Date.now();
    const put = await platform.http('PUT', `/api/v1/articles/${story.id}/versions/th`, {
      token,
      body: { title: udon.th.title, summary, body: '<p>อุดรธานี/ เมื่อวันที่ 10 – 11 เมษายน 2560 ผู้เข้าร่วมกว่าสามร้อยคน</p>' },
    });
    expect(put.status).toBe(200);
    for (const p of paths) {
      await waitFor(async () => (await get(p)).text.includes(summary), {
        what: `the correction on ${p}`,
        timeoutMs: 1000,
        intervalMs: 20,
      });
    }
    expect(Date.now() - started).toBeLessThan(1500);
  });

  it('drops a taken-down version from page, JSON, front page, feeds and sitemap at once', async () => {
    const enUrl = `${BASE}${enPath}`;
    const listed = [
      `/en`,
      '/feeds/en/rss.xml',
      '/feeds/en/atom.xml',
      `/sitemaps/en/${new Date(udon.en.publishedAt!).toISOString().slice(0, 7)}.xml`,
      '/api/v1/public/articles?lang=en',
    ];
    expect((await get(enPath)).status).toBe(200);
    for (const p of listed) expect((await get(p)).text, p).toContain(udon.en.slug);
    const started = Date.now();
    const down = await platform.http('POST', `/api/v1/articles/${udon.story.id}/versions/en/unpublish`, { token });
    expect(down.status).toBe(200);
    await waitFor(async () => (await get(enPath)).status === 410, {
      what: 'the page to answer 410',
      timeoutMs: 1000,
      intervalMs: 20,
    });
    expect((await get(`/api/v1/public/articles/en/${udon.en.slug}`)).status).toBe(410);
    for (const p of listed) {
      await waitFor(async () => !(await get(p)).text.includes(udon.en.slug), {
        what: `${p} without it`,
        timeoutMs: 1000,
        intervalMs: 20,
      });
    }
    expect(Date.now() - started).toBeLessThan(1500);
    // The Thai page no longer offers the English version.
    const th = await get(thPath);
    expect(th.text).not.toContain(enUrl);
    expect(th.text).not.toContain('og:locale:alternate');
  });
});

describe('two gateway replicas', () => {
  it('each drops its own cached page when the article event arrives', async () => {
    const port = await freePort();
    const second = new ServiceProcess(
      'gateway',
      { ...platform.envFor('gateway'), HTTP_PORT: String(port) },
      'gateway-2',
    );
    await second.start();
    try {
      const bases = [platform.baseUrl, `http://127.0.0.1:${port}`];
      const read = async (base: string) => (await fetch(base + thPath)).text();
      for (const base of bases) expect(await read(base)).toContain(udon.th.title);
      const summary = 'แก้ไขครั้งที่สอง: เวทีจัดที่ศาลาประชาคมหมู่บ้าน';
      const put = await platform.http('PUT', `/api/v1/articles/${udon.story.id}/versions/th`, {
        token,
        body: { title: udon.th.title, summary, body: '<p>ศาลาประชาคม</p>' },
      });
      expect(put.status).toBe(200);
      for (const base of bases) {
        await waitFor(async () => (await read(base)).includes(summary), {
          what: `the correction on ${base}`,
          timeoutMs: 1000,
          intervalMs: 20,
        });
      }
    } finally {
      await second.stop();
    }
  });
});
