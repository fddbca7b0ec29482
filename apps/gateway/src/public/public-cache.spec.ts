import { describe, expect, it } from 'vitest';
import { isFresh, PublicCache, type Rendered } from './public-cache.js';

const page = (body: string, tags: string[] = ['story:a']): Rendered => ({
  status: 200,
  body,
  contentType: 'text/html; charset=utf-8',
  cacheControl: 'public, max-age=30',
  lastModified: new Date('2026-11-26T01:02:03.456Z'),
  tags,
});

describe('PublicCache', () => {
  it('serves a stored build until a tag it carries is invalidated', async () => {
    const cache = new PublicCache({ enabled: true, maxEntries: 10, maxBytes: 1e9, ttlMs: 60_000 });
    let builds = 0;
    const build = async () => page(`ข่าว ${++builds}`);
    expect((await cache.get('k', build)).bytes.toString()).toBe('ข่าว 1');
    expect((await cache.get('k', build)).bytes.toString()).toBe('ข่าว 1');
    cache.invalidate(['story:other']);
    expect((await cache.get('k', build)).bytes.toString()).toBe('ข่าว 1');
    cache.invalidate(['story:a']);
    expect((await cache.get('k', build)).bytes.toString()).toBe('ข่าว 2');
  });

  it('does not store a build an invalidation overtook, and shares concurrent builds', async () => {
    const cache = new PublicCache({ enabled: true, maxEntries: 10, maxBytes: 1e9, ttlMs: 60_000 });
    let release!: () => void;
    let builds = 0;
    const slow = () =>
      new Promise<Rendered>((resolve) => {
        builds++;
        release = () => resolve(page('before the correction'));
      });
    const a = cache.get('k', slow);
    const b = cache.get('k', slow);
    expect(builds).toBe(1);
    cache.invalidate(['story:a']);
    release();
    expect((await a).bytes.toString()).toBe('before the correction');
    expect((await b).bytes.toString()).toBe('before the correction');
    expect((await cache.get('k', async () => page('after'))).bytes.toString()).toBe('after');
  });

  it('evicts the oldest entry past maxEntries, and expires by ttl', async () => {
    const cache = new PublicCache({ enabled: true, maxEntries: 2, maxBytes: 1e9, ttlMs: 60_000 });
    for (const k of ['a', 'b', 'c']) await cache.get(k, async () => page(k));
    expect(cache.size).toBe(2);
    expect((await cache.get('a', async () => page('a2'))).bytes.toString()).toBe('a2');
    const short = new PublicCache({ enabled: true, maxEntries: 2, maxBytes: 1e9, ttlMs: 1 });
    await short.get('x', async () => page('x1'));
    await new Promise((r) => setTimeout(r, 5));
    expect((await short.get('x', async () => page('x2'))).bytes.toString()).toBe('x2');
  });

  it('keeps the bodies within maxBytes, oldest out first', async () => {
    const cache = new PublicCache({ enabled: true, maxEntries: 100, maxBytes: 100, ttlMs: 60_000 });
    await cache.get('a', async () => page('ก'.repeat(20))); // 60 bytes in UTF-8
    await cache.get('b', async () => page('b'.repeat(30)));
    expect(cache.totalBytes).toBe(90);
    await cache.get('c', async () => page('c'.repeat(30)));
    expect(cache.size).toBe(2);
    expect(cache.totalBytes).toBe(60);
    expect((await cache.get('a', async () => page('rebuilt'))).bytes.toString()).toBe('rebuilt');
    cache.invalidate(['story:a']);
    expect(cache.size).toBe(0);
    expect(cache.totalBytes).toBe(0);
  });

  it('disabled, it builds every time but still gives an ETag', async () => {
    const cache = new PublicCache({ enabled: false, maxEntries: 10, maxBytes: 1e9, ttlMs: 60_000 });
    let n = 0;
    await cache.get('k', async () => page(String(++n)));
    const r = await cache.get('k', async () => page(String(++n)));
    expect(r.bytes.toString()).toBe('2');
    expect(r.etag).toMatch(/^"[\w-]+"$/);
  });
});

describe('isFresh', () => {
  it('matches If-None-Match (lists, weak form, *) before If-Modified-Since', async () => {
    const r = await new PublicCache({ enabled: false, maxEntries: 1, maxBytes: 1e9, ttlMs: 1 }).get('k', async () =>
      page('x'),
    );
    expect(isFresh({ 'if-none-match': r.etag }, r)).toBe(true);
    expect(isFresh({ 'if-none-match': `"nope", W/${r.etag}` }, r)).toBe(true);
    expect(isFresh({ 'if-none-match': '"nope"', 'if-modified-since': r.lastModifiedHttp }, r)).toBe(false);
    expect(isFresh({ 'if-modified-since': r.lastModifiedHttp }, r)).toBe(true);
    expect(isFresh({ 'if-modified-since': 'Thu, 26 Nov 2026 01:02:02 GMT' }, r)).toBe(false);
    expect(isFresh({}, r)).toBe(false);
    expect(isFresh({ 'if-none-match': r.etag }, { ...r, status: 404 })).toBe(false);
  });
});
