import { Inject, Injectable } from '@nestjs/common';
import { DomainError, ErrorCode } from '@khao/contracts';
import type { FastifyRequest } from 'fastify';
import { CONFIG } from '../tokens.js';
import type { GatewayConfig } from '../config.js';
import { actorOf, AuthService } from './auth.service.js';
import { Authenticator } from './authenticator.js';
import { Revocations } from './revocations.service.js';
import { AuditTrail } from '../audit/audit-trail.js';
import { CSRF_MESSAGE, csrfMatches } from './session-cookie.js';
import { TokensService, type SessionClaims } from './tokens.service.js';
import type { UserDoc } from './user.schema.js';
import { UsersRepository } from './users.repository.js';

export interface SessionView {
  user: { id: string; email: string; name: string; role: UserDoc['role'] };
  csrfToken: string;
}

/** What a session answer carries: the body, and the cookie to set (its token and lifetime). */
export interface SessionAnswer {
  body: SessionView;
  token: string;
  maxAge: number;
}

/**
 * Browser sessions (the studio): the same credentials and roles as bearer tokens, carried in an httpOnly cookie;
 * the CSRF token goes to the page in the body, and comes back in a header on every state-changing request.
 */
@Injectable()
export class SessionsService {
  constructor(
    private readonly auth: AuthService,
    private readonly authenticator: Authenticator,
    private readonly tokens: TokensService,
    private readonly users: UsersRepository,
    private readonly revocations: Revocations,
    private readonly audit: AuditTrail,
    @Inject(CONFIG) private readonly config: GatewayConfig,
  ) {}

  async login(email: string, password: string, ip: string): Promise<SessionAnswer> {
    const user = await this.auth.checkCredentials(email, password, ip);
    return this.answer(user);
  }

  /** Who the cookie belongs to, with the session renewed for another SESSION_TTL_SECONDS. */
  async current(req: FastifyRequest): Promise<SessionAnswer> {
    const session = await this.authenticator.session(req);
    const user = session && (await this.users.findById(session.actor.id));
    if (!session?.session || !user || user.disabled) {
      throw new DomainError(ErrorCode.Unauthenticated, 'no session: log in at POST /api/v1/auth/session');
    }
    return this.answer(user, session.session, session.tokenVersion);
  }

  /** Logs the cookie's session out (refused from now on everywhere); without a live session there is nothing to do. */
  async logout(req: FastifyRequest): Promise<void> {
    const session = await this.authenticator.session(req);
    if (!session?.session) return;
    if (!csrfMatches(req, session.session.csrfToken)) throw new DomainError(ErrorCode.Forbidden, CSRF_MESSAGE);
    // Renewals keep the session id, so its last token expires at most one lifetime from now.
    const lastExpiry = new Date(Date.now() + this.config.SESSION_TTL_SECONDS * 1000);
    await this.revocations.endSession(session.actor.id, session.session.sessionId, lastExpiry);
    await this.audit.record({
      action: 'session.ended',
      actorId: session.actor.id,
      email: session.actor.email,
      ip: req.ip,
    });
  }

  get secureCookie(): boolean {
    return this.config.PUBLIC_BASE_URL.startsWith('https:');
  }

  private async answer(user: UserDoc, session?: SessionClaims, tokenVersion = user.tokenVersion ?? 0) {
    const issued = await this.tokens.issueSession(actorOf(user), tokenVersion, session);
    const body: SessionView = {
      user: { id: user._id.toHexString(), email: user.email, name: user.name, role: user.role },
      csrfToken: issued.session.csrfToken,
    };
    return { body, token: issued.token, maxAge: issued.maxAge };
  }
}
