import { describe, expect, it } from 'vitest';
import { kindOfStatus, redact, retryAfterMs } from './http.js';
import { retryKey } from './line.adapter.js';
import { newTid } from '../posts/record-key.js';

const now = Date.parse('2026-11-26T01:00:00Z');
const h = (o: Record<string, string>) => new Headers(o);

describe('retryAfterMs', () => {
  it('reads each platform’s rate-limit signal', () => {
    expect(retryAfterMs(h({ 'retry-after': '3' }), now)).toBe(3000);
    expect(retryAfterMs(h({ 'retry-after': 'Thu, 26 Nov 2026 01:00:05 GMT' }), now)).toBe(5000);
    expect(retryAfterMs(h({ 'x-rate-limit-reset': String(now / 1000 + 7) }), now)).toBe(7000); // X: epoch seconds
    expect(retryAfterMs(h({ 'ratelimit-reset': String(now / 1000 + 2) }), now)).toBe(2000); // Bluesky: epoch seconds
    expect(retryAfterMs(h({ 'ratelimit-reset': '4' }), now)).toBe(4000); // IETF draft: seconds from now
    expect(retryAfterMs(h({ 'x-ratelimit-reset': '2026-11-26T01:00:30.000Z' }), now)).toBe(30_000); // Mastodon
    expect(retryAfterMs(h({}), now)).toBeUndefined();
  });
});

describe('classification and secrets', () => {
  it('maps statuses to what to do', () => {
    expect([401, 403, 429, 408, 500, 503, 400, 422].map(kindOfStatus)).toEqual([
      'auth',
      'auth',
      'rate_limited',
      'retryable',
      'retryable',
      'retryable',
      'permanent',
      'permanent',
    ]);
  });

  it('masks every credential value a platform echoes back', () => {
    const ch = { credentials: { botToken: '7000000001:AAHsecret', other: 'x' } };
    expect(redact(ch, 'bad token 7000000001:AAHsecret in /bot7000000001:AAHsecret/sendMessage')).toBe(
      'bad token [redacted] in /bot[redacted]/sendMessage',
    );
  });

  it('masks token shapes that are not the channel’s stored credentials', () => {
    const ch = { credentials: {} };
    const jwt = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJkaWQ6cGxjOmtoYW8ifQ.c2lnbmF0dXJl';
    expect(redact(ch, `ExpiredToken: ${jwt} (Authorization: Bearer abc.def-123)`)).toBe(
      'ExpiredToken: [redacted] (Authorization: Bearer [redacted])',
    );
    expect(redact(ch, 'GET /bot7000000001:AAHother/getMe?access_token=EAAGm0PX4ZCps&x=1')).toBe(
      'GET /bot[redacted]/getMe?access_token=[redacted]&x=1',
    );
    // The platform's plain words stay readable.
    expect(redact(ch, 'x 401: Unauthorized')).toBe('x 401: Unauthorized');
  });
});

describe('keys', () => {
  it('LINE retry keys are UUIDs, the same for the same post key', () => {
    const k = retryKey('6b07:th:6b08:1');
    expect(k).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(retryKey('6b07:th:6b08:1')).toBe(k);
    expect(retryKey('6b07:th:6b08:2')).not.toBe(k);
  });

  it('Bluesky record keys are TIDs that sort by time', () => {
    const a = newTid(now, 1);
    const b = newTid(now + 1000, 1);
    expect(a).toMatch(/^[234567abcdefghij][234567abcdefghijklmnopqrstuvwxyz]{12}$/);
    expect(a < b).toBe(true);
  });
});
