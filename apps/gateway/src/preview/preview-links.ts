import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { LanguageSchema, ObjectIdSchema, type Language } from '@khao/contracts';
import type { GatewayConfig } from '../config.js';
import { CONFIG } from '../tokens.js';

/** What a preview link vouches for: one version of one story, until `expiresAt` (seconds since the epoch). */
export interface PreviewGrant {
  storyId: string;
  language: Language;
  expiresAt: number;
}

export type PreviewCheck =
  | { ok: true; grant: PreviewGrant }
  | { ok: false; reason: 'invalid'; language?: Language }
  | { ok: false; reason: 'expired'; language: Language };

interface Key {
  kid: string;
  key: Buffer;
}

/** Signing keys are derived, so a preview signature can never pass for a session token made with the same secret. */
function derive(secret: string): Key {
  return {
    kid: createHash('sha256').update(`khao-preview:${secret}`).digest('base64url').slice(0, 12),
    key: createHmac('sha256', secret).update('khao-preview-link-v1').digest(),
  };
}

/**
 * Draft-preview links: `<payload>.<signature>`, the payload (story, language, expiry, key id) in base64url JSON,
 * signed with HMAC-SHA256. Signed with PREVIEW_SECRET (or, unset, a key derived from JWT_SECRET) and verified with it
 * or a previous one named by the key id, so keys rotate as JWT_SECRET does. A wrong signature or an unknown key is
 * `invalid` (403); a good signature past its expiry is `expired` (410).
 */
@Injectable()
export class PreviewLinks {
  private readonly current: Key;
  private readonly byKid: Map<string, Buffer>;
  private readonly ttlSeconds: number;

  constructor(@Inject(CONFIG) config: GatewayConfig) {
    const secrets = config.PREVIEW_SECRET
      ? [config.PREVIEW_SECRET, ...config.PREVIEW_PREVIOUS_SECRETS]
      : [config.JWT_SECRET, ...config.JWT_PREVIOUS_SECRETS];
    const keys = secrets.map(derive);
    this.current = keys[0]!;
    this.byKid = new Map(keys.map((k) => [k.kid, k.key]));
    this.ttlSeconds = config.PREVIEW_TTL_SECONDS;
  }

  /** A token for one version, valid for PREVIEW_TTL_SECONDS from `now`. */
  sign(storyId: string, language: Language, now = Date.now()): { token: string; expiresAt: Date } {
    const e = Math.floor(now / 1000) + this.ttlSeconds;
    const payload = Buffer.from(JSON.stringify({ s: storyId, l: language, e, k: this.current.kid })).toString(
      'base64url',
    );
    return { token: `${payload}.${mac(this.current.key, payload)}`, expiresAt: new Date(e * 1000) };
  }

  verify(token: string, now = Date.now()): PreviewCheck {
    const m = /^([\w-]{1,400})\.([\w-]{43})$/.exec(token);
    if (!m) return { ok: false, reason: 'invalid' };
    const [, payload, signature] = m as unknown as [string, string, string];
    let claims: { s?: unknown; l?: unknown; e?: unknown; k?: unknown };
    try {
      claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as typeof claims;
    } catch {
      return { ok: false, reason: 'invalid' };
    }
    const language = LanguageSchema.safeParse(claims.l);
    const key = typeof claims.k === 'string' ? this.byKid.get(claims.k) : undefined;
    const expected = key ? Buffer.from(mac(key, payload)) : undefined;
    const given = Buffer.from(signature);
    if (!expected || expected.length !== given.length || !timingSafeEqual(expected, given)) {
      return { ok: false, reason: 'invalid', ...(language.success ? { language: language.data } : {}) };
    }
    const storyId = ObjectIdSchema.safeParse(claims.s);
    if (!storyId.success || !language.success || typeof claims.e !== 'number') return { ok: false, reason: 'invalid' };
    if (claims.e * 1000 <= now) return { ok: false, reason: 'expired', language: language.data };
    return { ok: true, grant: { storyId: storyId.data, language: language.data, expiresAt: claims.e } };
  }
}

const mac = (key: Buffer, payload: string) => createHmac('sha256', key).update(payload).digest('base64url');
