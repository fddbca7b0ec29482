import type { FastifyRequest } from 'fastify';
import type { Actor } from '@khao/contracts';
import type { TokenStanding } from '../auth/revocation-list.js';

/**
 * What the gateway adds to each request: the correlation id (always), the authenticated actor, and the standing of
 * the token or session it came with (checked again by what outlives the request: the live event stream).
 */
export interface KhaoRequest extends FastifyRequest {
  correlationId: string;
  actor?: Actor;
  standing?: TokenStanding;
}
