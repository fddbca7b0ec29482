import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ServiceProcess, TEST_ADMIN, TestPlatform } from '@khao/testing';
import { browserLogin, sessionHeaders } from './helpers.js';

// Rotating JWT_SECRET: tokens and sessions signed with the previous secret stay valid until they expire; new ones
// are signed with the new secret; once the previous secret is dropped its tokens are refused.
const platform = new TestPlatform({ services: [] });
const NEW_SECRET = 'rotated-jwt-secret-0123456789abcdef0123456789';

beforeAll(() => platform.start());
afterAll(() => platform.stop());

const kidOf = (token: string) =>
  (JSON.parse(Buffer.from(token.split('.')[0], 'base64url').toString()) as { kid: string }).kid;
const me = async (auth: { token?: string; headers?: Record<string, string> }) =>
  (await platform.http('GET', '/api/v1/auth/me', auth)).status;

describe('rotating JWT_SECRET', () => {
  it('keeps live tokens and sessions working, signs new ones with the new secret, and drops the old with it', async () => {
    const oldSecret = platform.envFor('gateway').JWT_SECRET;
    const oldToken = await platform.adminToken();
    const oldSession = await browserLogin(platform, TEST_ADMIN);

    await platform.restart('gateway', { JWT_SECRET: NEW_SECRET, JWT_PREVIOUS_SECRETS: oldSecret });
    expect(await me({ token: oldToken })).toBe(200);
    expect(await me({ headers: sessionHeaders(oldSession, null) })).toBe(200);
    const newToken = await platform.adminToken();
    expect(kidOf(newToken)).not.toBe(kidOf(oldToken));
    expect(await me({ token: newToken })).toBe(200);
    const audit = await platform.http('GET', '/api/v1/ops/audit?limit=200', { token: newToken });
    const rotated = (audit.body as { items: { action: string; details?: unknown }[] }).items.filter(
      (e) => e.action === 'jwt-key.rotated',
    );
    expect(rotated).toEqual([expect.objectContaining({ details: { from: kidOf(oldToken), to: kidOf(newToken) } })]);

    await platform.restart('gateway', { JWT_SECRET: NEW_SECRET });
    expect(await me({ token: oldToken })).toBe(401);
    expect(await me({ headers: sessionHeaders(oldSession, null) })).toBe(401);
    expect(await me({ token: newToken })).toBe(200);
  });

  it('refuses a previous secret shorter than 32 characters at boot', async () => {
    const p = new ServiceProcess(
      'gateway',
      { ...platform.envFor('gateway'), HTTP_PORT: '0', JWT_PREVIOUS_SECRETS: `${NEW_SECRET},hunter2` },
      'gateway-rotation-config',
    ).spawn();
    expect((await p.waitForExit()).code).toBe(78);
    expect(p.output()).toContain('JWT_PREVIOUS_SECRETS: each secret must be at least 32 characters');
    expect(p.output()).not.toContain('hunter2');
  });
});
