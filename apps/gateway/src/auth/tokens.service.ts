import { Inject, Injectable } from '@nestjs/common';
import { jwtVerify, SignJWT } from 'jose';
import { ActorSchema, DomainError, ErrorCode, type Actor } from '@khao/contracts';
import { CONFIG } from '../tokens.js';
import type { GatewayConfig } from '../config.js';

/** Signed (HS256) access tokens with an expiry; the claims are exactly the {@link Actor}. */
@Injectable()
export class TokensService {
  private readonly key: Uint8Array;

  constructor(@Inject(CONFIG) private readonly config: GatewayConfig) {
    this.key = new TextEncoder().encode(config.JWT_SECRET);
  }

  async issue(actor: Actor): Promise<{ accessToken: string; tokenType: 'Bearer'; expiresIn: number }> {
    const accessToken = await new SignJWT({ email: actor.email, role: actor.role })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(actor.id)
      .setIssuedAt()
      .setIssuer('khao')
      .setExpirationTime(`${this.config.JWT_TTL_SECONDS}s`)
      .sign(this.key);
    return { accessToken, tokenType: 'Bearer', expiresIn: this.config.JWT_TTL_SECONDS };
  }

  async verify(token: string): Promise<Actor> {
    try {
      const { payload } = await jwtVerify(token, this.key, { issuer: 'khao', algorithms: ['HS256'] });
      return ActorSchema.parse({ id: payload.sub, email: payload.email, role: payload.role });
    } catch {
      throw new DomainError(ErrorCode.Unauthenticated, 'the access token is invalid or has expired; log in again');
    }
  }
}
