import { createHash, createHmac } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestPlatform } from '@khao/testing';
import { BASE, createStory, englishVersion, publicGatewayEnv, publish, thaiStory, version } from './helpers.js';
import { userToken } from '../articles/helpers.js';

// Draft previews: a signed, expiring link renders a draft with the public article page's renderer, not indexed and
// never cached; a tampered, expired or foreign-key link is refused; a link signed with a previous key still works.
const SECRET = 'ความลับของลิงก์ตัวอย่าง-preview-secret-0001';
const PREVIOUS = 'ความลับเก่าของลิงก์ตัวอย่าง-preview-secret-0000';
const platform = new TestPlatform({
  services: ['articles'],
  env: { gateway: { ...publicGatewayEnv, PREVIEW_SECRET: SECRET, PREVIEW_PREVIOUS_SECRETS: PREVIOUS } },
});
let token: string;

/** A link as the gateway signs one (same derivation), to forge expiry and keys the API would never hand out. */
function signed(secret: string, claims: { s: string; l: string; e: number }): string {
  const kid = createHash('sha256').update(`khao-preview:${secret}`).digest('base64url').slice(0, 12);
  const key = createHmac('sha256', secret).update('khao-preview-link-v1').digest();
  const payload = Buffer.from(JSON.stringify({ ...claims, k: kid })).toString('base64url');
  return `/preview/${payload}.${createHmac('sha256', key).update(payload).digest('base64url')}`;
}

const page = async (path: string) => {
  const res = await fetch(platform.baseUrl + path, { redirect: 'manual' });
  return { status: res.status, headers: res.headers, text: await res.text() };
};
const article = (html: string) => /<article>[\s\S]*<\/article>/.exec(html)?.[0];
const previewPath = (url: string) => {
  expect(url.startsWith(`${BASE}/preview/`), url).toBe(true);
  return url.slice(BASE.length);
};

async function previewLink(id: string, lang: 'th' | 'en', as = token) {
  const res = await platform.http('POST', `/api/v1/articles/${id}/versions/${lang}/preview`, { token: as });
  return res;
}

beforeAll(async () => {
  await platform.start();
  token = await platform.adminToken();
});
afterAll(() => platform.stop());

describe('draft preview', () => {
  it('renders a draft like its public page, noindex and never cached; after publish the article markup is equal', async () => {
    const story = await createStory(platform, token, thaiStory());
    const link = await previewLink(story.id, 'th');
    expect(link.status, JSON.stringify(link.body)).toBe(200);
    const { url, path, expiresAt } = link.body as { url: string; path: string; expiresAt: string };
    expect(url).toBe(`${BASE}${path}`);
    const hours = (new Date(expiresAt).getTime() - Date.now()) / 3_600_000;
    expect(hours).toBeGreaterThan(23.9);
    expect(hours).toBeLessThanOrEqual(24);

    const draft = await page(previewPath(url));
    expect(draft.status).toBe(200);
    expect(draft.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(draft.headers.get('cache-control')).toBe('private, no-store');
    expect(draft.headers.get('x-robots-tag')).toBe('noindex, nofollow');
    expect(draft.headers.get('referrer-policy')).toBe('no-referrer');
    expect(draft.text).toContain('<meta name="robots" content="noindex, nofollow" />');
    expect(draft.text).toContain('<h1>สภาองค์กรชุมชนอุดรธานีร่วมวางแผนพัฒนาที่อยู่อาศัยริมหนองประจักษ์</h1>');
    expect(draft.text).toContain('<blockquote>“เราอยากมีบ้านที่มั่นคง ไม่ต้องกลัวถูกไล่ที่อีก”');
    // Not published: the public page does not know it.
    expect((await page(`/th/news/${encodeURIComponent(version(story, 'th').slug)}`)).status).toBe(404);

    const published = await publish(platform, token, story.id, 'th');
    const live = await page(`/th/news/${encodeURIComponent(version(published, 'th').slug)}`);
    expect(live.status).toBe(200);
    expect(live.text).not.toContain('noindex');
    const after = await page(previewPath(url));
    expect(after.status).toBe(200);
    expect(article(after.text)).toBeDefined();
    expect(article(after.text)).toBe(article(live.text));
  });

  it('previews the English translation with the same link rules', async () => {
    const story = await createStory(platform, token, thaiStory());
    expect((await previewLink(story.id, 'en')).status).toBe(404);
    const put = await platform.http('PUT', `/api/v1/articles/${story.id}/versions/en`, { token, body: englishVersion });
    expect(put.status).toBe(200);
    const { url } = (await previewLink(story.id, 'en')).body as { url: string };
    const en = await page(previewPath(url));
    expect(en.status).toBe(200);
    expect(en.text).toMatch(/^<!doctype html>\s*<html lang="en"/);
    expect(en.text).toContain(`<h1>${englishVersion.title}</h1>`);
  });

  it('refuses tampered links with 403 and expired ones with 410; a previous key still signs', async () => {
    const story = await createStory(platform, token, thaiStory());
    const { url } = (await previewLink(story.id, 'th')).body as { url: string };
    const path = previewPath(url);
    const [payload, sig] = path.slice('/preview/'.length).split('.') as [string, string];

    const otherStory = Buffer.from(
      JSON.stringify({ ...JSON.parse(Buffer.from(payload, 'base64url').toString()), s: '0123456789abcdef01234567' }),
    ).toString('base64url');
    const flipped = `${sig.slice(0, -2)}${sig.at(-2) === 'A' ? 'B' : 'A'}${sig.at(-1)}`;
    for (const bad of [`/preview/${otherStory}.${sig}`, `/preview/${payload}.${flipped}`, `/preview/${payload}`]) {
      const r = await page(bad);
      expect(r.status, bad).toBe(403);
      expect(r.headers.get('cache-control')).toBe('private, no-store');
      expect(r.text).toContain('ลิงก์ตัวอย่างนี้ใช้ไม่ได้');
    }
    const past = Math.floor(Date.now() / 1000) - 60;
    const expired = await page(signed(SECRET, { s: story.id, l: 'th', e: past }));
    expect(expired.status).toBe(410);
    expect(expired.text).toContain('ลิงก์ตัวอย่างนี้หมดอายุแล้ว');
    const future = Math.floor(Date.now() / 1000) + 600;
    expect((await page(signed(PREVIOUS, { s: story.id, l: 'th', e: future }))).status).toBe(200);
    expect((await page(signed(`${SECRET}-not-configured`, { s: story.id, l: 'th', e: future }))).status).toBe(403);
    // A good link to a story that was deleted since: 404, not an error.
    const del = await platform.http('DELETE', `/api/v1/articles/${story.id}`, { token });
    expect(del.status).toBe(200);
    expect((await page(path)).status).toBe(404);
  });

  it('hands out links only to who may open the story', async () => {
    const author = await userToken(platform, token, 'author');
    const other = await userToken(platform, token, 'author');
    const translator = await userToken(platform, token, 'translator');
    const mine = await createStory(platform, author.token, thaiStory());
    expect((await previewLink(mine.id, 'th', author.token)).status).toBe(200);
    expect((await previewLink(mine.id, 'th', other.token)).status).toBe(403);
    expect((await previewLink(mine.id, 'th', translator.token)).status).toBe(403);
    expect((await platform.http('POST', `/api/v1/articles/${mine.id}/versions/th/preview`)).status).toBe(401);
    expect((await previewLink('not-an-id', 'th')).status).toBe(400);
    expect((await previewLink(mine.id, 'xx' as 'th')).status).toBe(400);
  });
});
