import { Injectable } from '@nestjs/common';
import type { FastifyReply, FastifyRequest, HookHandlerDoneFunction } from 'fastify';
import { PublicCache } from './public-cache.js';
import { PublicKeys } from './public-keys.js';
import { send } from './send.js';

type Params = Record<string, string>;
type Query = Record<string, unknown>;

/**
 * The public routes (Fastify's route templates, as Nest registers them) whose cached responses are answered from
 * an onRequest hook, and the key each request's response is cached under. Only what a controller stores under the
 * same key can be found, so a request the controller would refuse (a bad language, a huge slug) never hits.
 */
const CACHED_ROUTES: Record<string, (params: Params, query: Query) => string | undefined> = {
  '/api/v1/public/articles/:lang/:slug': (p) => PublicKeys.storyJson(p.lang, p.slug),
  '/:lang/news/:slug': (p) => PublicKeys.storyHtml(p.lang, p.slug),
  '/:lang': (p, q) => (q.page === undefined ? PublicKeys.home(p.lang) : undefined),
  '/feeds/:lang/rss.xml': (p) => PublicKeys.feed('rss', p.lang),
  '/feeds/:lang/atom.xml': (p) => PublicKeys.feed('atom', p.lang),
  '/sitemap.xml': () => PublicKeys.sitemap(),
};

/**
 * Serves fresh cache hits of the public read path before Nest's pipeline (guards, interceptors, pipes, the
 * controller): a hit is a map lookup and a write, nearly what a bare Fastify route costs. A miss, a stale entry or
 * any other route goes on to Nest as before, where the controller builds and caches the response. The request
 * still gets its correlation id, metrics and (demoted) log line from the hooks around it.
 */
@Injectable()
export class PublicFastPath {
  constructor(private readonly cache: PublicCache) {}

  /** Fastify onRequest hook (callback style: no promise per request). */
  readonly onRequest = (req: FastifyRequest, reply: FastifyReply, done: HookHandlerDoneFunction): void => {
    if (req.method === 'GET' || req.method === 'HEAD') {
      const route = req.routeOptions.url;
      const keyOf = route === undefined ? undefined : CACHED_ROUTES[route];
      const key = keyOf?.(req.params as Params, req.query as Query);
      const hit = key === undefined ? undefined : this.cache.peek(key);
      if (hit) {
        // Answered here: the chain stops (done is not called), onSend and onResponse still run.
        send(req, reply, hit);
        return;
      }
    }
    done();
  };
}
