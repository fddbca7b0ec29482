import Fastify from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { PublicCache, type Rendered } from './public-cache.js';
import { PublicFastPath } from './public-fast-path.js';
import { PublicKeys } from './public-keys.js';
import { send } from './send.js';

const slug = 'อุดรธานี-สภาองค์กรชุมชนร่วมวางแผน-k3x9';
const story = (body: string): Rendered => ({
  status: 200,
  body,
  contentType: 'application/json; charset=utf-8',
  cacheControl: 'public, max-age=30',
  lastModified: new Date('2026-11-26T01:02:03.000Z'),
  tags: ['story:a'],
});

/** A Fastify app with the fast path in front of a route that stands in for the Nest controller (and counts). */
async function app(ttlMs = 60_000) {
  const cache = new PublicCache({ enabled: true, maxEntries: 10, maxBytes: 1e9, ttlMs });
  const server = Fastify({ logger: false });
  server.addHook('onRequest', new PublicFastPath(cache).onRequest);
  const calls = { controller: 0 };
  server.get('/api/v1/public/articles/:lang/:slug', async (req, reply) => {
    calls.controller++;
    const { lang, slug: s } = req.params as { lang: string; slug: string };
    const r = await cache.get(PublicKeys.storyJson(lang, s), async () => story(`{"title":"ข่าว ${calls.controller}"}`));
    return send(req, reply, r);
  });
  server.get('/:lang', async () => {
    calls.controller++;
    return 'home';
  });
  await server.ready();
  return { server, cache, calls };
}

let current: Awaited<ReturnType<typeof app>> | undefined;
afterEach(async () => {
  await current?.server.close();
  current = undefined;
});

describe('PublicFastPath', () => {
  it('answers a cached story from the hook: the route runs once, for the miss that built it', async () => {
    current = await app();
    const url = `/api/v1/public/articles/th/${encodeURIComponent(slug)}`;
    const first = await current.server.inject({ method: 'GET', url });
    const second = await current.server.inject({ method: 'GET', url });
    expect(first.statusCode).toBe(200);
    expect(second.statusCode).toBe(200);
    expect(second.body).toBe(first.body);
    expect(second.headers.etag).toBe(first.headers.etag);
    expect(second.headers['cache-control']).toBe('public, max-age=30');
    expect(second.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(current.calls.controller).toBe(1);
    // The client's copy is current: 304 from the hook, no body.
    const again = await current.server.inject({ method: 'GET', url, headers: { 'if-none-match': first.headers.etag } });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe('');
    expect(current.calls.controller).toBe(1);
  });

  it('lets a miss, an invalidated or expired entry, another method and an uncached route through to the route', async () => {
    current = await app(50);
    const url = `/api/v1/public/articles/th/${encodeURIComponent(slug)}`;
    await current.server.inject({ method: 'GET', url });
    current.cache.invalidate(['story:a']);
    expect(JSON.parse((await current.server.inject({ method: 'GET', url })).body)).toEqual({ title: 'ข่าว 2' });
    await new Promise((r) => setTimeout(r, 80));
    expect(JSON.parse((await current.server.inject({ method: 'GET', url })).body)).toEqual({ title: 'ข่าว 3' });
    expect((await current.server.inject({ method: 'GET', url: '/th?page=abc' })).body).toBe('home');
    expect(current.calls.controller).toBe(4);
    expect((await current.server.inject({ method: 'POST', url })).statusCode).toBe(404);
  });
});
