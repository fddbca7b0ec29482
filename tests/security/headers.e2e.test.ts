import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestPlatform } from '@khao/testing';
import { bilingualStory, publicGatewayEnv } from '../public/helpers.js';

// Security headers on every kind of response the gateway gives: public pages, feeds, the admin API (success and
// error), health, Swagger UI and the studio's path.
const platform = new TestPlatform({ services: ['articles'], env: { gateway: publicGatewayEnv } });
let token: string;
let articlePath: string;

beforeAll(async () => {
  await platform.start();
  token = await platform.adminToken();
  const udon = await bilingualStory(platform, token);
  articlePath = `/th/news/${encodeURIComponent(udon.th.slug)}`;
});
afterAll(() => platform.stop());

function directives(csp: string | null): Map<string, string[]> {
  expect(csp, 'Content-Security-Policy').toBeTruthy();
  return new Map(
    csp!.split(';').map((d) => {
      const [name, ...values] = d.trim().split(/\s+/);
      return [name, values] as const;
    }),
  );
}

function expectBaseline(headers: Headers) {
  expect(headers.get('x-content-type-options')).toBe('nosniff');
  expect(headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
  expect(headers.get('permissions-policy')).toMatch(/camera=\(\).*geolocation=\(\)/);
  // publicGatewayEnv's PUBLIC_BASE_URL is https.
  expect(headers.get('strict-transport-security')).toMatch(/^max-age=\d{7,}/);
}

describe('public pages', () => {
  it('the article page allows its JSON-LD by hash and no other inline script', async () => {
    const res = await fetch(platform.baseUrl + articlePath);
    expect(res.status).toBe(200);
    const html = await res.text();
    expectBaseline(res.headers);
    const csp = directives(res.headers.get('content-security-policy'));
    const jsonLd = /<script type="application\/ld\+json">([\s\S]*?)<\/script>/.exec(html)![1];
    const hash = `'sha256-${createHash('sha256').update(jsonLd).digest('base64')}'`;
    expect(csp.get('script-src')).toEqual([hash]);
    expect(csp.get('default-src')).toEqual(["'none'"]);
    expect(csp.get('frame-ancestors')).toEqual(["'self'"]);
    expect(csp.get('font-src')).toEqual(["'self'"]);
    const style = /<style>([\s\S]*?)<\/style>/.exec(html)![1];
    expect(csp.get('style-src-elem')).toContain(`'sha256-${createHash('sha256').update(style).digest('base64')}'`);
    expect(res.headers.get('x-frame-options')).toBe('SAMEORIGIN');
  });

  it('a cached copy carries the same policy', async () => {
    const first = await fetch(platform.baseUrl + articlePath);
    const second = await fetch(platform.baseUrl + articlePath);
    expect(second.headers.get('content-security-policy')).toBe(first.headers.get('content-security-policy'));
  });

  it('the front page, a missing page, feeds and fonts carry them too, with no inline script', async () => {
    for (const path of ['/th', '/en', '/th/news/ไม่มีข่าวนี้', '/feeds/th/rss.xml', '/sitemap.xml', '/robots.txt']) {
      const res = await fetch(platform.baseUrl + path);
      expectBaseline(res.headers);
      const script = directives(res.headers.get('content-security-policy')).get('script-src') ?? [];
      expect(script.join(' '), path).not.toMatch(/unsafe-inline|unsafe-eval|\*/);
      expect(
        script.every((s) => s === "'none'" || s.startsWith("'sha256-")),
        path,
      ).toBe(true);
    }
  });
});

describe('the API, health, docs and the studio', () => {
  it('API answers, successes and errors alike, may load nothing and never be framed', async () => {
    const answers = [
      await platform.http('GET', '/api/v1/articles', { token }),
      await platform.http('GET', '/api/v1/articles'),
      await platform.http('POST', '/api/v1/articles', {
        token,
        rawBody: '{',
        headers: { 'content-type': 'application/json' },
      }),
      await platform.http('GET', '/api/v1/no-such-route'),
      await platform.http('GET', '/api/v1/public/articles'),
      await platform.http('GET', '/health'),
      await platform.http('GET', '/metrics'),
    ];
    expect(answers.map((a) => a.status)).toEqual([200, 401, 400, 404, 200, 200, 200]);
    for (const a of answers) {
      expectBaseline(a.headers);
      expect(a.headers.get('content-security-policy')).toBe("default-src 'none'; frame-ancestors 'none'");
      expect(a.headers.get('x-frame-options')).toBe('DENY');
    }
  });

  it('Swagger UI runs only its own scripts', async () => {
    const res = await fetch(`${platform.baseUrl}/api/docs`);
    expect(res.status).toBe(200);
    const csp = directives(res.headers.get('content-security-policy'));
    expect(csp.get('script-src')).toEqual(["'self'"]);
    expect(csp.get('frame-ancestors')).toEqual(["'none'"]);
    // Its page has no inline script the policy would refuse.
    expect(await res.text()).not.toMatch(/<script>(?!\s*<\/script>)/);
  });

  it('the studio may run no inline script and never be framed', async () => {
    const res = await fetch(`${platform.baseUrl}/studio/`);
    expectBaseline(res.headers);
    const csp = directives(res.headers.get('content-security-policy'));
    expect(csp.get('script-src')).toEqual(["'self'"]);
    expect(csp.get('frame-ancestors')).toEqual(["'none'"]);
    expect(csp.get('object-src')).toEqual(["'none'"]);
    expect(res.headers.get('x-frame-options')).toBe('DENY');
  });

  it('HSTS only when the public address is https', async () => {
    const plain = await platform.startGatewayReplica({ PUBLIC_BASE_URL: 'http://127.0.0.1:3000' });
    const res = await fetch(`${plain}/health`);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('strict-transport-security')).toBeNull();
  });
});
