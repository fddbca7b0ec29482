import type { FastifyReply, FastifyRequest } from 'fastify';
import { isFresh, type CachedResponse } from './public-cache.js';

/** Sends a public response with its validators; a client whose copy is current gets 304 without a body. */
export function send(req: FastifyRequest, reply: FastifyReply, r: CachedResponse): FastifyReply {
  void reply.header('cache-control', r.cacheControl).header('etag', r.etag);
  if (r.lastModifiedHttp) void reply.header('last-modified', r.lastModifiedHttp);
  if (isFresh(req.headers, r)) return reply.code(304).send();
  void reply.code(r.status).header('content-type', r.contentType);
  for (const [k, v] of Object.entries(r.headers ?? {})) void reply.header(k, v);
  return reply.send(r.body);
}
