import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot, TestPlatform } from '@khao/testing';

// The studio as the gateway serves it (built by `npm run build`), and its API types against the live OpenAPI.
const platform = new TestPlatform({ services: [] });
let html = '';

beforeAll(async () => {
  await platform.start();
});
afterAll(() => platform.stop());

const get = (p: string, headers: Record<string, string> = {}) => fetch(platform.baseUrl + p, { headers });

describe('the studio under /studio', () => {
  it('serves index.html with a strict script policy and no inline script', async () => {
    const res = await get('/studio');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    expect(res.headers.get('cache-control')).toBe('no-cache');
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(csp).toContain("frame-ancestors 'none'");
    html = await res.text();
    expect(html).toContain('<div id="root"></div>');
    // Every script is a file: an inline one would be refused by the policy above.
    const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
    expect(scripts.length).toBeGreaterThan(0);
    for (const [, attrs, body] of scripts) {
      expect(attrs).toMatch(/\bsrc="\/studio\/assets\/[^"]+\.js"/);
      expect(body.trim()).toBe('');
    }
  });

  it('answers deep links with the same page, so a bookmarked story opens', async () => {
    for (const p of ['/studio/', '/studio/stories/6b0722b5d677dbc90e33bb0d', '/studio/login?next=%2Fstories']) {
      const res = await get(p);
      expect(res.status, p).toBe(200);
      expect(await res.text(), p).toBe(html);
    }
  });

  it('serves the hashed assets for a year, gzipped when asked, and 404s a missing one', async () => {
    const assets = [...html.matchAll(/(?:src|href)="(\/studio\/assets\/[^"]+)"/g)].map((m) => m[1]);
    expect(assets.length).toBeGreaterThan(1);
    for (const a of assets) {
      const res = await get(a, { 'accept-encoding': 'gzip' });
      expect(res.status, a).toBe(200);
      expect(res.headers.get('cache-control'), a).toBe('public, max-age=31536000, immutable');
      expect(res.headers.get('content-encoding'), a).toBe('gzip');
      expect(res.headers.get('content-type'), a).toMatch(/^(text\/javascript|text\/css)/);
    }
    const missing = await get('/studio/assets/index-doesnotexist.js');
    expect(missing.status).toBe(404);
  });

  it('uses the font the gateway serves', async () => {
    const css = [...html.matchAll(/href="(\/studio\/assets\/[^"]+\.css)"/g)].map((m) => m[1]);
    const text = await (await get(css[0])).text();
    const font = /url\((\/assets\/fonts\/[^)]+sarabun-thai-400-normal\.woff2)\)/.exec(text)?.[1];
    expect(font).toBeDefined();
    const res = await get(font!);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('font/woff2');
  });

  it('has API types generated from exactly the OpenAPI the gateway serves', async () => {
    const script = path.join(repoRoot, 'apps/studio/scripts/gen-api.mjs');
    const run = promisify(execFile)(process.execPath, [script, '--check', '--url', platform.baseUrl], {
      cwd: repoRoot,
    });
    // A stale file exits 1 with "…is stale against the gateway's OpenAPI: run npm run gen:api".
    await expect(run).resolves.toMatchObject({ stdout: expect.stringContaining('match the OpenAPI') });
  });
});
