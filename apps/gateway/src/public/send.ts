import type { FastifyReply, FastifyRequest } from 'fastify';
import { isFresh, type CachedResponse } from './public-cache.js';

/** Sends a public response with its validators; a client whose copy is current gets 304 without a body. */
export function send(req: FastifyRequest, reply: FastifyReply, r: CachedResponse): FastifyReply {
  if (isFresh(req.headers, r)) return reply.code(304).headers(r.headers304).send();
  return reply.code(r.status).headers(r.headers200).send(r.bytes);
}
