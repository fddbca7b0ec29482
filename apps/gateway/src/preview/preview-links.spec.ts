import { describe, expect, it } from 'vitest';
import type { GatewayConfig } from '../config.js';
import { PreviewLinks } from './preview-links.js';

const JWT = 'ความลับของโทเค็น-jwt-secret-for-the-unit-test';
const OLD_JWT = 'ความลับเก่าของโทเค็น-old-jwt-secret-for-the-test';
const STORY = '0123456789abcdef01234567';

const links = (c: Partial<GatewayConfig> = {}) =>
  new PreviewLinks({
    JWT_SECRET: JWT,
    JWT_PREVIOUS_SECRETS: [],
    PREVIEW_PREVIOUS_SECRETS: [],
    PREVIEW_TTL_SECONDS: 3600,
    ...c,
  } as GatewayConfig);

describe('PreviewLinks', () => {
  it('verifies what it signed until it expires, then says expired', () => {
    const l = links();
    const now = Date.UTC(2026, 11, 1, 12);
    const { token, expiresAt } = l.sign(STORY, 'th', now);
    expect(expiresAt.getTime()).toBe(now + 3600_000);
    expect(l.verify(token, now + 3599_000)).toEqual({
      ok: true,
      grant: { storyId: STORY, language: 'th', expiresAt: (now + 3600_000) / 1000 },
    });
    expect(l.verify(token, now + 3600_000)).toEqual({ ok: false, reason: 'expired', language: 'th' });
  });

  it('refuses a changed payload, a changed signature and garbage as invalid', () => {
    const l = links();
    const { token } = l.sign(STORY, 'en');
    const [payload, sig] = token.split('.') as [string, string];
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString()) as Record<string, unknown>;
    const longer = Buffer.from(JSON.stringify({ ...claims, e: Number(claims.e) + 86_400 })).toString('base64url');
    expect(l.verify(`${longer}.${sig}`)).toMatchObject({ ok: false, reason: 'invalid', language: 'en' });
    expect(l.verify(`${payload}.${sig.slice(0, -1)}${sig.endsWith('A') ? 'B' : 'A'}`).ok).toBe(false);
    for (const bad of ['', 'x', `${payload}.`, `${payload}.${sig}.x`, `!!!.${sig}`]) {
      expect(l.verify(bad)).toMatchObject({ ok: false, reason: 'invalid' });
    }
  });

  it('keeps links signed with a previous key working and refuses those of a removed key', () => {
    const before = links({ JWT_SECRET: OLD_JWT });
    const { token } = before.sign(STORY, 'th');
    expect(links({ JWT_PREVIOUS_SECRETS: [OLD_JWT] }).verify(token).ok).toBe(true);
    expect(links().verify(token)).toMatchObject({ ok: false, reason: 'invalid' });
    // A PREVIEW_SECRET of its own replaces the JWT-derived key: every earlier link ends at once.
    expect(links({ PREVIEW_SECRET: 'ลิงก์ตัวอย่าง-preview-secret-of-its-own-0001' }).verify(token).ok).toBe(false);
  });
});
