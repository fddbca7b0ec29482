import { Injectable } from '@nestjs/common';
import { DomainError, ErrorCode } from '@khao/contracts';
import type { FastifyRequest } from 'fastify';
import { RevocationList, type TokenStanding } from './revocation-list.js';
import { CSRF_MESSAGE, csrfMatches, isStateChanging, readSessionCookie } from './session-cookie.js';
import { TokensService, type VerifiedToken } from './tokens.service.js';

const REVOKED = 'this session or token was revoked (logged out, or the account changed); log in again';

/**
 * Who sent a request: a bearer token (scripts) or the session cookie (the studio), each verified and checked
 * against the revocation list. Both give the same actor, so every guard treats them alike; only the cookie needs
 * the CSRF header on state-changing requests (a browser sends cookies by itself, never an Authorization header).
 */
@Injectable()
export class Authenticator {
  constructor(
    private readonly tokens: TokensService,
    private readonly revocations: RevocationList,
  ) {}

  async authenticate(req: FastifyRequest): Promise<VerifiedToken> {
    const header = req.headers.authorization;
    if (header !== undefined) {
      const match = /^Bearer ([A-Za-z0-9._~+/=-]+)$/.exec(header);
      if (!match?.[1]) {
        throw new DomainError(ErrorCode.Unauthenticated, 'log in first: send Authorization: Bearer <accessToken>');
      }
      return this.check(await this.tokens.verify(match[1]));
    }
    const session = await this.session(req);
    if (!session) {
      throw new DomainError(
        ErrorCode.Unauthenticated,
        readSessionCookie(req)
          ? 'the session has expired or was logged out; log in again'
          : 'log in first: send Authorization: Bearer <accessToken>, or log in at POST /api/v1/auth/session',
      );
    }
    if (isStateChanging(req.method) && !csrfMatches(req, session.session!.csrfToken)) {
      throw new DomainError(ErrorCode.Forbidden, CSRF_MESSAGE);
    }
    return session;
  }

  /** The request's browser session, if its cookie holds a good, unrevoked session token; else undefined. */
  async session(req: FastifyRequest): Promise<VerifiedToken | undefined> {
    const cookie = readSessionCookie(req);
    if (!cookie) return undefined;
    try {
      const verified = this.check(await this.tokens.verify(cookie));
      return verified.session ? verified : undefined;
    } catch {
      return undefined;
    }
  }

  private check(t: VerifiedToken): VerifiedToken {
    if (this.revocations.isRevoked(standingOf(t))) throw new DomainError(ErrorCode.Unauthenticated, REVOKED);
    return t;
  }
}

/** What the revocation list judges a token or session by. */
export function standingOf(t: VerifiedToken): TokenStanding {
  return { userId: t.actor.id, tokenVersion: t.tokenVersion, sessionId: t.session?.sessionId };
}
