import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDataDir, TestPlatform } from '@khao/testing';
import { bilingualStory, englishVersion, publicGatewayEnv, thaiStory } from './helpers.js';

const thaiStoryWith = (version: { title: string; summary: string; body: string }) => thaiStory({ version });

// The article page as a reader gets it, in Debian's headless Chromium (never a downloaded browser; scripts/test.mjs
// installs it when missing). A screenshot is kept in .data/test/artifacts/.
const platform = new TestPlatform({ services: ['articles'], env: { gateway: publicGatewayEnv } });
const artifacts = path.join(testDataDir, 'artifacts');
let browser: Browser;
let page: Page;
let udon: Awaited<ReturnType<typeof bilingualStory>>;
let thUrl: string;
/** Every Content-Security-Policy violation Chromium reports on the page, over the whole file. */
const cspViolations: string[] = [];

beforeAll(async () => {
  await platform.start();
  // Links on the page are absolute (PUBLIC_BASE_URL): point them at this gateway so the browser can follow them.
  await platform.restart('gateway', { PUBLIC_BASE_URL: platform.baseUrl });
  udon = await bilingualStory(platform, await platform.adminToken());
  thUrl = `${platform.baseUrl}/th/news/${encodeURIComponent(udon.th.slug)}`;
  browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
  page = await browser.newPage({ viewport: { width: 1000, height: 900 }, locale: 'th-TH' });
  watchCsp(page, cspViolations);
});

/** Collects what Chromium's console says about the page's Content-Security-Policy. */
function watchCsp(p: Page, into: string[]): void {
  p.on('console', (m) => {
    if (/Content.Security.Policy/i.test(m.text())) into.push(m.text());
  });
}
afterAll(async () => {
  await browser?.close();
  await platform.stop();
});

const meta = (p: Page, property: string) =>
  p.locator(`meta[property="${property}"], meta[name="${property}"]`).first().getAttribute('content');

describe('the article page in Chromium', () => {
  it('shows the headline, the dateline with the BE date, the Thai font, share links and OG tags', async () => {
    const res = await page.goto(thUrl);
    expect(res?.status()).toBe(200);
    expect(await page.locator('html').getAttribute('lang')).toBe('th');
    await expect.poll(() => page.locator('h1').count()).toBe(1);
    expect(await page.locator('h1').innerText()).toBe(udon.th.title);
    const dateline = await page.locator('.dateline').innerText();
    expect(dateline).toMatch(/^อุดรธานี\/ เมื่อวันที่ 10\s?–\s?11 เมษายน 2560$/);
    expect(await page.locator('main article .body blockquote').innerText()).toContain('“เราอยากมีบ้านที่มั่นคง');
    for (const landmark of ['header.site', 'main#main', 'footer.site'])
      expect(await page.locator(landmark).count()).toBe(1);

    // A string, not a function: the tests are typed without the DOM library.
    const sarabun = await page.evaluate(
      `document.fonts.ready.then(() => [...document.fonts].some((f) => f.family.replace(/"/g, '') === 'Sarabun' && f.status === 'loaded'))`,
    );
    expect(sarabun).toBe(true);

    const links: Record<string, string> = {};
    for (const a of await page.locator('nav.share a[data-share]').all()) {
      links[(await a.getAttribute('data-share'))!] = (await a.getAttribute('href'))!;
    }
    expect(Object.keys(links).sort()).toEqual(['email', 'facebook', 'line', 'telegram', 'whatsapp', 'x']);
    expect(new URL(links.facebook).searchParams.get('u')).toBe(thUrl);
    expect(new URL(links.x).searchParams.get('text')).toBe(udon.th.title);
    expect(new URL(links.line).searchParams.get('url')).toBe(thUrl);
    expect(new URL(links.telegram).searchParams.get('url')).toBe(thUrl);
    expect(new URL(links.whatsapp).searchParams.get('text')).toBe(`${udon.th.title} ${thUrl}`);
    expect(links.email).toMatch(/^mailto:\?subject=/);

    expect(await meta(page, 'og:title')).toBe(udon.th.title);
    expect(await meta(page, 'og:url')).toBe(thUrl);
    expect(await meta(page, 'og:type')).toBe('article');
    expect(await meta(page, 'og:locale')).toBe('th_TH');
    expect(await meta(page, 'og:locale:alternate')).toBe('en_US');
    expect(await meta(page, 'twitter:card')).toBe('summary_large_image');
    expect(await page.locator('link[rel="canonical"]').getAttribute('href')).toBe(thUrl);

    fs.mkdirSync(artifacts, { recursive: true });
    const shot = path.join(artifacts, 'article-th.png');
    await page.screenshot({ path: shot, fullPage: true });
    expect(fs.statSync(shot).size).toBeGreaterThan(10_000);
  });

  it('the language switch leads to the English page, with the CE date', async () => {
    await page.goto(thUrl);
    await Promise.all([page.waitForURL(/\/en\/news\//), page.locator('nav.languages a').click()]);
    expect(page.url()).toBe(`${platform.baseUrl}/en/news/${udon.en.slug}`);
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    expect(await page.locator('h1').innerText()).toBe(englishVersion.title);
    expect(await page.locator('.dateline').innerText()).toMatch(/10\s?–\s?11 April 2017$/);
    expect(await meta(page, 'og:locale')).toBe('en_US');
    await page.screenshot({ path: path.join(artifacts, 'article-en.png'), fullPage: true });
    // …and back
    await Promise.all([page.waitForURL(/\/th\/news\//), page.locator('nav.languages a').click()]);
    expect(await page.locator('h1').innerText()).toBe(udon.th.title);
  });
});

describe('the public pages at a phone width, and the search page', () => {
  const digits = '๐๘๑๒๓๔๕๖๗๘๙'.repeat(12);
  const url = `https://www.example.org/${'community-housing-report-'.repeat(8)}2560.pdf`;
  /** Whether the page scrolls sideways (a string: the tests are typed without the DOM library). */
  const scrollsSideways = (p: Page) =>
    p.evaluate('document.documentElement.scrollWidth > document.documentElement.clientWidth + 1');
  let long: Awaited<ReturnType<typeof bilingualStory>>;

  beforeAll(async () => {
    const token = await platform.adminToken();
    const caption = `<figure><figcaption>ภาพที่ ${digits}</figcaption></figure>`;
    long = await bilingualStory(platform, token, {
      ...thaiStoryWith({
        title: 'ชาวบ้านหนองบัวเปิดรายงานบ้านมั่นคงฉบับเต็มให้ทุกคนอ่าน',
        summary: `รหัสรายงาน ${digits}`,
        body: `<p>อ่านรายงานฉบับเต็มที่ ${url}</p>${caption}<p>รหัสแปลง ${digits}</p>`,
      }),
    });
    await page.setViewportSize({ width: 360, height: 800 });
  });

  it('no page scrolls sideways at 360 px, even with a long unbroken caption of digits and a URL', async () => {
    for (const route of [
      `/th/news/${encodeURIComponent(long.th.slug)}`,
      '/th',
      `/th/search?q=${encodeURIComponent('รายงานบ้านมั่นคง')}`,
    ]) {
      const res = await page.goto(`${platform.baseUrl}${route}`);
      expect(res?.status(), route).toBe(200);
      expect(await page.locator('main').innerText(), route).toContain(route === '/th' ? 'รหัสรายงาน' : 'รายงาน');
      expect(await scrollsSideways(page), route).toBe(false);
    }
    await page.screenshot({ path: path.join(artifacts, 'search-th-360.png'), fullPage: true });
  });

  it('searches from the form, marks the matched words, and switches language with the same query', async () => {
    await page.goto(`${platform.baseUrl}/th/search`);
    await page.locator('input#q').fill('บ้านมั่นคงหนองบัว');
    await Promise.all([page.waitForURL(/\/th\/search\?q=/), page.locator('form.search button').click()]);
    const hits = page.locator('ol.hits li');
    expect(await hits.count()).toBeGreaterThanOrEqual(1);
    expect(await hits.first().locator('h2 a').innerText()).toBe(long.th.title);
    expect(await page.locator('ol.hits mark').count()).toBeGreaterThan(0);
    await Promise.all([page.waitForURL(/\/en\/search\?q=/), page.locator('nav.languages a').click()]);
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    expect(await page.locator('input#q').inputValue()).toBe('บ้านมั่นคงหนองบัว');
    expect(await scrollsSideways(page)).toBe(false);
  });
});

describe('the Content-Security-Policy in Chromium', () => {
  it('frames the YouTube and Facebook players a story embeds', async () => {
    const token = await platform.adminToken();
    const embeds = await bilingualStory(
      platform,
      token,
      thaiStory({
        version: {
          title: 'คลิปเวทีสภาองค์กรชุมชนอุดรธานี',
          summary: 'ชมวิดีโอบรรยากาศเวทีสองวัน',
          body:
            '<p>บรรยากาศเวทีแลกเปลี่ยนที่ศาลากลางจังหวัด</p>' +
            '<iframe src="https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ" width="560" height="315"></iframe>' +
            '<iframe src="https://www.facebook.com/plugins/video.php?href=https%3A%2F%2Fwww.facebook.com%2Fcodi%2Fvideos%2F1" width="560" height="315"></iframe>',
        },
      }),
    );
    const res = await page.goto(`${platform.baseUrl}/th/news/${encodeURIComponent(embeds.th.slug)}`);
    expect(res?.headers()['content-security-policy']).toMatch(/frame-src https:\/\/www\.youtube-nocookie\.com/);
    const frames = page.locator('main article .body iframe');
    expect(await frames.count()).toBe(2);
    // Each player was asked for (no network here, so it shows the browser's error page, but it was not refused).
    await expect.poll(() => page.frames().length).toBeGreaterThanOrEqual(3);
  });

  it('refuses a script injected into the page, and the console reports it', async () => {
    const probe = await browser.newPage();
    const seen: string[] = [];
    watchCsp(probe, seen);
    await probe.goto(thUrl);
    await probe.evaluate(
      `(() => { const s = document.createElement('script'); s.textContent = 'window.injected = 1'; document.head.append(s); })()`,
    );
    expect(await probe.evaluate('window.injected')).toBeUndefined();
    await expect.poll(() => seen.length).toBeGreaterThan(0);
    expect(seen.join('\n')).toMatch(/script/i);
    await probe.close();
  });

  it('reported no violation while the pages above loaded (fonts, styles, JSON-LD, embeds)', () => {
    expect(cspViolations).toEqual([]);
  });
});
