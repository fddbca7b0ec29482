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
  // Callback style, like the gateway's other request hooks: this runs on every request, the hot public reads too.
  fastify.addHook('onRequest', (req, reply, done) => {
    const allow = allowedInstead(req.method, req.url.split('?')[0] ?? req.url, req.is404);
    if (!allow) return done();
    const message = `${req.method} is not allowed here; this path answers ${allow.join(', ')}`;
    void reply
      .status(405)
      .header('allow', allow.join(', '))
      .header('content-type', 'application/json; charset=utf-8')
      .send({ statusCode: 405, error: STATUS_CODES[405], message });
  });

  /** The methods the path has, when the request's method is not one of them; `undefined` to route it as usual. */
  function allowedInstead(method: string, path: string, unrouted: boolean): Method[] | undefined {
    const fixedMethods = fixed.get(path);
    if (fixedMethods) {
      return isMethod(method) && fixedMethods.has(method) ? undefined : METHODS.filter((m) => fixedMethods.has(m));
    }
    if (!unrouted) return undefined;
    const allow = METHODS.filter((m) => router.find(m, path) !== null);
    return allow.length ? allow : undefined;
  }
}

function isMethod(method: string): method is Method {
  return (METHODS as readonly string[]).includes(method);
}
