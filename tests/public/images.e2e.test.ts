import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import sharp from 'sharp';
import { XMLParser } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CompletedUpload } from '@khao/contracts';
import { testDataDir, TestPlatform, waitFor } from '@khao/testing';
import { photo, uploadMultipart } from '../media/helpers.js';
import { bilingualStory, publicGatewayEnv, thaiStory } from './helpers.js';

// Pages, JSON and feeds with real photos: uploaded through POST /api/v1/media, processed by the media service,
// resolved through media.resolve.v1, loaded by Chromium from their public rendition URLs.
const bucket = `media-${randomBytes(4).toString('hex')}`;
const platform = new TestPlatform({
  services: ['articles', 'media'],
  env: { gateway: publicGatewayEnv, media: { S3_BUCKET: bucket, MEDIA_AVIF: 'false' } },
});
let token: string;
let cover: CompletedUpload;
let gallery: CompletedUpload[];
let udon: Awaited<ReturnType<typeof bilingualStory>>;
let thPath: string;
let browser: Browser;
/** Content-Security-Policy violations Chromium reports while it loads the photos. */
const cspViolations: string[] = [];

const upload = async (width: number, height: number) => {
  const res = await uploadMultipart(platform, token, await photo({ width, height }));
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body as CompletedUpload;
};

beforeAll(async () => {
  await platform.start();
  await platform.restart('gateway', { PUBLIC_BASE_URL: platform.baseUrl });
  token = await platform.adminToken();
  cover = await upload(2400, 1600);
  gallery = [await upload(1600, 1200), await upload(1200, 1600)];
  const alt = await platform.http('PATCH', `/api/v1/media/${cover.id}`, {
    token,
    body: {
      alt: { th: 'ชาวบ้านร่วมเวทีที่ศาลากลางจังหวัดอุดรธานี', en: 'Residents at the forum' },
      captions: { th: 'เวทีแลกเปลี่ยน 10 เมษายน 2560' },
    },
  });
  expect(alt.status, JSON.stringify(alt.body)).toBe(200);
  udon = await bilingualStory(
    platform,
    token,
    thaiStory({ coverMediaId: cover.id, galleryMediaIds: gallery.map((g) => g.id) }),
  );
  thPath = `/th/news/${encodeURIComponent(udon.th.slug)}`;
  browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
});
afterAll(async () => {
  await browser?.close();
  await platform.stop();
});

describe('images on the public side', () => {
  it('the JSON carries the cover and gallery with srcset, blurhash and the share rendition', async () => {
    const res = await platform.http('GET', `/api/v1/public/articles/th/${encodeURIComponent(udon.th.slug)}`);
    expect(res.status).toBe(200);
    const { images } = res.body as { images: { cover: Record<string, unknown>; gallery: { id: string }[] } };
    expect(images.cover).toMatchObject({
      id: cover.id,
      alt: 'ชาวบ้านร่วมเวทีที่ศาลากลางจังหวัดอุดรธานี',
      caption: 'เวทีแลกเปลี่ยน 10 เมษายน 2560',
      blurhash: cover.blurhash,
      shareImage: { url: cover.shareImage!.url, width: 1200, height: 630 },
      srcset: { webp: expect.stringMatching(/ 320w, .* 2048w$/), jpeg: expect.stringMatching(/ 320w, /) },
    });
    expect(images.gallery.map((g) => g.id)).toEqual(gallery.map((g) => g.id));
  });

  it("the month's sitemap lists the cover and the gallery photos, in order, as image:image", async () => {
    const json = await platform.http('GET', `/api/v1/public/articles/th/${encodeURIComponent(udon.th.slug)}`);
    const { images } = json.body as { images: { cover: { src: string }; gallery: { src: string }[] } };
    const month = new Date(udon.th.publishedAt!).toISOString().slice(0, 7);
    const res = await fetch(`${platform.baseUrl}/sitemaps/th/${month}.xml`);
    expect(res.status).toBe(200);
    const doc = new XMLParser({ ignoreAttributes: false, isArray: (n) => ['url', 'image:image'].includes(n) }).parse(
      await res.text(),
    ) as { urlset: { url: { loc: string; 'image:image': { 'image:loc': string }[] }[] } };
    const entry = doc.urlset.url.find((u) => u.loc.endsWith(`/th/news/${encodeURIComponent(udon.th.slug)}`));
    expect(entry?.['image:image'].map((i) => i['image:loc'])).toEqual([
      images.cover.src,
      ...images.gallery.map((g) => g.src),
    ]);
  });

  it('og:image is the 1200×630 share rendition, and it is a real 1200×630 JPEG', async () => {
    const html = await (await fetch(platform.baseUrl + thPath)).text();
    expect(html).toContain(`<meta property="og:image" content="${cover.shareImage!.url}"`);
    expect(html).toContain(`<meta name="twitter:image" content="${cover.shareImage!.url}"`);
    const img = await fetch(cover.shareImage!.url);
    expect(img.status).toBe(200);
    const meta = await sharp(Buffer.from(await img.arrayBuffer())).metadata();
    expect([meta.format, meta.width, meta.height]).toEqual(['jpeg', 1200, 630]);
  });

  it('Chromium loads the lead photo and every gallery image (lazy, responsive)', async () => {
    const page = await browser.newPage({ viewport: { width: 1000, height: 900 } });
    page.on('console', (m) => {
      if (/Content.Security.Policy/i.test(m.text())) cspViolations.push(m.text());
    });
    await page.goto(platform.baseUrl + thPath);
    const imgs = page.locator('main img');
    expect(await imgs.count()).toBe(3);
    expect(await imgs.nth(0).getAttribute('loading')).toBe('eager');
    expect(await imgs.nth(1).getAttribute('loading')).toBe('lazy');
    await page.locator('section.gallery').scrollIntoViewIfNeeded();
    await page.mouse.wheel(0, 5000);
    for (let i = 0; i < 3; i++) {
      const img = imgs.nth(i);
      await expect
        .poll(
          () => img.evaluate((el: { complete: boolean; naturalWidth: number }) => (el.complete ? el.naturalWidth : 0)),
          { timeout: 10_000 },
        )
        .toBeGreaterThan(0);
      const current = await img.evaluate((el: { currentSrc: string }) => el.currentSrc);
      expect(current.startsWith(cover.shareImage!.url.split('/public/')[0]), current).toBe(true);
      expect(await img.getAttribute('alt')).not.toBeNull();
    }
    expect(await imgs.nth(0).getAttribute('alt')).toBe('ชาวบ้านร่วมเวทีที่ศาลากลางจังหวัดอุดรธานี');
    await page.screenshot({ path: path.join(testDataDir, 'artifacts', 'article-th-photos.png'), fullPage: true });
    await page.close();
  });

  it('the Content-Security-Policy let every photo and placeholder load (no violation reported)', () => {
    expect(cspViolations).toEqual([]);
  });

  it('the feeds carry the lead photo as an enclosure', async () => {
    const rss = await (await fetch(`${platform.baseUrl}/feeds/th/rss.xml`)).text();
    const src = (
      (await platform.http('GET', `/api/v1/public/articles/th/${encodeURIComponent(udon.th.slug)}`)).body as {
        images: { cover: { src: string } };
      }
    ).images.cover.src;
    expect(rss).toMatch(new RegExp(`<enclosure [^>]*url="${src.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}"`));
  });

  it('a media event (new alt text) refreshes the cached page within a second', async () => {
    const before = await (await fetch(platform.baseUrl + thPath)).text();
    expect(before).toContain('alt="ชาวบ้านร่วมเวทีที่ศาลากลางจังหวัดอุดรธานี"');
    const started = Date.now();
    const patch = await platform.http('PATCH', `/api/v1/media/${cover.id}`, {
      token,
      body: { alt: { th: 'ผู้แทนชุมชนกล่าวในเวทีที่ศาลากลาง' } },
    });
    expect(patch.status).toBe(200);
    await waitFor(
      async () => (await (await fetch(platform.baseUrl + thPath)).text()).includes('alt="ผู้แทนชุมชนกล่าวในเวทีที่ศาลากลาง"'),
      {
        what: 'the new alt text on the page',
        timeoutMs: 1000,
        intervalMs: 20,
      },
    );
    expect(Date.now() - started).toBeLessThan(1500);
  });
});
