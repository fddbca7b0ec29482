import type { FastifyRequest } from 'fastify';
import type { Actor } from '@khao/contracts';

/** What the gateway adds to each request: the correlation id (always) and the authenticated actor. */
export interface KhaoRequest extends FastifyRequest {
  correlationId: string;
  actor?: Actor;
}
