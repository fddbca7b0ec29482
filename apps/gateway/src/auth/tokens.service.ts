import { createHash, randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { decodeProtectedHeader, jwtVerify, SignJWT } from 'jose';
import { ActorSchema, DomainError, ErrorCode, type Actor } from '@khao/contracts';
import { CONFIG } from '../tokens.js';
import type { GatewayConfig } from '../config.js';

/** A browser session's own claims: its id (what logout revokes) and the CSRF token its requests must echo. */
export interface SessionClaims {
  sessionId: string;
  csrfToken: string;
}

/** What a good signature vouches for; the revocation list decides whether it still counts. */
export interface VerifiedToken {
  actor: Actor;
  tokenVersion: number;
  session?: SessionClaims;
  /** Seconds since the epoch. */
  expiresAt: number;
}

interface SigningKey {
  kid: string;
  key: Uint8Array;
}

/** A key's id: a short digest, so a token names the secret that signed it without revealing anything of it. */
export function keyId(secret: string): string {
  return createHash('sha256').update(`khao-jwt:${secret}`).digest('base64url').slice(0, 12);
}

/**
 * Signed (HS256) tokens with an expiry: the {@link Actor}, the user's token version (see RevocationList) and, for
 * browser sessions, the session claims. Signed with JWT_SECRET and verified with it or any JWT_PREVIOUS_SECRETS,
 * chosen by the token's `kid`; tokens without a `kid` predate rotation and were signed with the current secret.
 */
@Injectable()
export class TokensService {
  private readonly current: SigningKey;
  private readonly byKid: Map<string, Uint8Array>;

  constructor(@Inject(CONFIG) private readonly config: GatewayConfig) {
    const keys = [config.JWT_SECRET, ...config.JWT_PREVIOUS_SECRETS].map((s) => ({
      kid: keyId(s),
      key: new TextEncoder().encode(s),
    }));
    this.current = keys[0]!;
    this.byKid = new Map(keys.map((k) => [k.kid, k.key]));
  }

  /** The id of the key new tokens are signed with. */
  get currentKeyId(): string {
    return this.current.kid;
  }

  /** A bearer token for scripts (POST /auth/login). */
  async issue(
    actor: Actor,
    tokenVersion: number,
  ): Promise<{ accessToken: string; tokenType: 'Bearer'; expiresIn: number }> {
    const ttl = this.config.JWT_TTL_SECONDS;
    return { accessToken: await this.sign(actor, tokenVersion, ttl), tokenType: 'Bearer', expiresIn: ttl };
  }

  /** A browser session's token (kept in its cookie); pass `session` to renew one, else a new session starts. */
  async issueSession(
    actor: Actor,
    tokenVersion: number,
    session: SessionClaims = { sessionId: randomId(), csrfToken: randomId() },
  ): Promise<{ token: string; session: SessionClaims; maxAge: number }> {
    const maxAge = this.config.SESSION_TTL_SECONDS;
    return { token: await this.sign(actor, tokenVersion, maxAge, session), session, maxAge };
  }

  async verify(token: string): Promise<VerifiedToken> {
    try {
      const { kid } = decodeProtectedHeader(token);
      const key = kid === undefined ? this.current.key : this.byKid.get(kid);
      if (!key) throw new Error('unknown key id');
      const { payload } = await jwtVerify(token, key, { issuer: 'khao', algorithms: ['HS256'] });
      const actor = ActorSchema.parse({ id: payload.sub, email: payload.email, role: payload.role });
      const tokenVersion = typeof payload.tv === 'number' ? payload.tv : 0;
      const session =
        typeof payload.sid === 'string' && typeof payload.csrf === 'string'
          ? { sessionId: payload.sid, csrfToken: payload.csrf }
          : undefined;
      return { actor, tokenVersion, session, expiresAt: payload.exp ?? 0 };
    } catch {
      throw new DomainError(ErrorCode.Unauthenticated, 'the access token is invalid or has expired; log in again');
    }
  }

  private sign(actor: Actor, tokenVersion: number, ttlSeconds: number, session?: SessionClaims): Promise<string> {
    const claims = {
      email: actor.email,
      role: actor.role,
      tv: tokenVersion,
      ...(session ? { sid: session.sessionId, csrf: session.csrfToken } : {}),
    };
    return new SignJWT(claims)
      .setProtectedHeader({ alg: 'HS256', kid: this.current.kid })
      .setSubject(actor.id)
      .setIssuedAt()
      .setIssuer('khao')
      .setExpirationTime(`${ttlSeconds}s`)
      .sign(this.current.key);
  }
}

function randomId(): string {
  return randomBytes(24).toString('base64url');
}
