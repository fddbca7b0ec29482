import { STATUS_CODES } from 'node:http';
import type { FastifyInstance } from 'fastify';
import Router from 'find-my-way';

const METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'] as const;
type Method = (typeof METHODS)[number];

/**
 * A path that exists with other methods answers 405 with an `Allow` header (RFC 9110), not 404. Routes are mirrored
 * into a router of Fastify's own kind (find-my-way) as they are registered, so "does this path exist" matches exactly
 * how Fastify routes. A fixed path (`/api/v1/media/uploads`) answers 405 for the methods it lacks even where a
 * parametric sibling (`PATCH /api/v1/media/:id`) would take the request. Call before the routes are registered.
 */
export function answerMethodNotAllowed(fastify: FastifyInstance): void {
  const router = Router({ ignoreTrailingSlash: false });
  const fixed = new Map<string, Set<Method>>();
  const seen = new Set<string>();
  fastify.addHook('onRoute', (route) => {
    for (const method of [route.method].flat()) {
      const key = `${method} ${route.url}`;
      if (seen.has(key) || !isMethod(method)) continue;
      seen.add(key);
      router.on(method, route.url, () => undefined);
      if (!/[:*]/.test(route.url)) fixed.set(route.url, (fixed.get(route.url) ?? new Set()).add(method));
    }
  });
  fastify.addHook('onRequest', async (req, reply) => {
    const path = req.url.split('?')[0] ?? req.url;
    const fixedMethods = fixed.get(path);
    let allow: Method[];
    if (fixedMethods) {
      if (isMethod(req.method) && fixedMethods.has(req.method)) return;
      allow = METHODS.filter((m) => fixedMethods.has(m));
    } else {
      if (!req.is404) return;
      allow = METHODS.filter((m) => router.find(m, path) !== null);
      if (allow.length === 0) return;
    }
    const message = `${req.method} is not allowed here; this path answers ${allow.join(', ')}`;
    return reply
      .status(405)
      .header('allow', allow.join(', '))
      .header('content-type', 'application/json; charset=utf-8')
      .send({ statusCode: 405, error: STATUS_CODES[405], message });
  });
}

function isMethod(method: string): method is Method {
  return (METHODS as readonly string[]).includes(method);
}
