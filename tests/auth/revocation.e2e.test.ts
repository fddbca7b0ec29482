import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestPlatform } from '@khao/testing';
import { bearerLogin, browserLogin, createUser, sessionHeaders } from './helpers.js';

// Revocation at once, on every replica: two gateways on the same databases and NATS. A change made through one is
// refused on the very next request through either, without either reading the database per request.
const platform = new TestPlatform({ services: [] });
let adminToken: string;
let a: string;
let b: string;

beforeAll(async () => {
  await platform.start();
  a = platform.baseUrl;
  b = await platform.startGatewayReplica();
  adminToken = await platform.adminToken();
});
afterAll(() => platform.stop());

async function status(baseUrl: string, auth: { token?: string; headers?: Record<string, string> }): Promise<number> {
  return (await platform.http('GET', '/api/v1/auth/me', { ...auth, baseUrl })).status;
}

async function patchUser(id: string, body: Record<string, unknown>, baseUrl = a) {
  const res = await platform.http('PATCH', `/api/v1/users/${id}`, { token: adminToken, body, baseUrl });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
}

describe('a change to a user revokes their tokens on both replicas at once', () => {
  it('disabling: the bearer token and the browser session are refused on the next request', async () => {
    const editor = await createUser(platform, adminToken, 'editor');
    const bystander = await createUser(platform, adminToken, 'editor');
    const tokenA = await bearerLogin(platform, editor, a);
    const tokenB = await bearerLogin(platform, editor, b);
    const session = await browserLogin(platform, editor, b);
    const other = await bearerLogin(platform, bystander, b);
    for (const base of [a, b]) expect(await status(base, { token: tokenA })).toBe(200);

    await patchUser(editor.id, { disabled: true }, a);
    for (const base of [a, b]) {
      expect(await status(base, { token: tokenA })).toBe(401);
      expect(await status(base, { token: tokenB })).toBe(401);
      expect(await status(base, { headers: sessionHeaders(session, null) })).toBe(401);
      // Someone else's token is untouched.
      expect(await status(base, { token: other })).toBe(200);
    }
    const articles = await platform.http('GET', '/api/v1/articles', { token: tokenA, baseUrl: b });
    expect(articles.status).toBe(401);
    expect((articles.body as { message: string }).message).toMatch(/revoked.*log in again/);

    // Enabled again: logging in works, and the tokens from before stay refused.
    await patchUser(editor.id, { disabled: false }, b);
    const fresh = await bearerLogin(platform, editor, a);
    for (const base of [a, b]) {
      expect(await status(base, { token: fresh })).toBe(200);
      expect(await status(base, { token: tokenA })).toBe(401);
    }
  });

  it('a role change refuses the tokens that carry the old role; a new login carries the new one', async () => {
    const user = await createUser(platform, adminToken, 'author');
    const old = await bearerLogin(platform, user, a);
    await patchUser(user.id, { role: 'translator' }, b);
    for (const base of [a, b]) expect(await status(base, { token: old })).toBe(401);
    const fresh = await bearerLogin(platform, user, b);
    const me = await platform.http('GET', '/api/v1/auth/me', { token: fresh, baseUrl: a });
    expect(me.body).toMatchObject({ role: 'translator' });
    // A change of name alone revokes nothing.
    await patchUser(user.id, { name: 'สมศรี มีสุข' }, a);
    for (const base of [a, b]) expect(await status(base, { token: fresh })).toBe(200);
  });

  it('a password reset refuses the old tokens; the new password logs in', async () => {
    const user = await createUser(platform, adminToken, 'editor');
    const old = await bearerLogin(platform, user, b);
    const session = await browserLogin(platform, user, a);
    const password = 'รหัสผ่านใหม่ที่ยาวพอสมควร';
    await patchUser(user.id, { password }, a);
    for (const base of [a, b]) {
      expect(await status(base, { token: old })).toBe(401);
      expect(await status(base, { headers: sessionHeaders(session, null) })).toBe(401);
    }
    const relogin = await platform.http('POST', '/api/v1/auth/login', { body: { email: user.email, password } });
    expect(relogin.status).toBe(200);
  });

  it('a logout through one replica ends the session on the other', async () => {
    const user = await createUser(platform, adminToken, 'editor');
    const session = await browserLogin(platform, user, a);
    const keep = await browserLogin(platform, user, a);
    const bearer = await bearerLogin(platform, user, a);
    expect(await status(b, { headers: sessionHeaders(session, null) })).toBe(200);
    const out = await platform.http('DELETE', '/api/v1/auth/session', { headers: sessionHeaders(session), baseUrl: a });
    expect(out.status).toBe(204);
    expect(await status(b, { headers: sessionHeaders(session, null) })).toBe(401);
    const write = await platform.http('POST', '/api/v1/users', {
      headers: sessionHeaders(session),
      body: { email: 'x-after-logout@khao.test', role: 'author', password: 'รหัสผ่านยาวพอแล้วนะ' },
      baseUrl: b,
    });
    expect(write.status).toBe(401);
    // The person's other session and their script's token go on.
    expect(await status(b, { headers: sessionHeaders(keep, null) })).toBe(200);
    expect(await status(b, { token: bearer })).toBe(200);
  });

  it('a gateway started after the changes refuses the same tokens (loaded from its database)', async () => {
    const user = await createUser(platform, adminToken, 'author');
    const token = await bearerLogin(platform, user, a);
    const session = await browserLogin(platform, user, a);
    const ended = await browserLogin(platform, user, b);
    await patchUser(user.id, { role: 'editor' }, a);
    const current = await bearerLogin(platform, user, a);
    const kept = await browserLogin(platform, user, a);
    await platform.http('DELETE', '/api/v1/auth/session', { headers: sessionHeaders(kept), baseUrl: b });
    const c = await platform.startGatewayReplica();
    expect(await status(c, { token })).toBe(401);
    expect(await status(c, { headers: sessionHeaders(session, null) })).toBe(401);
    expect(await status(c, { headers: sessionHeaders(ended, null) })).toBe(401);
    expect(await status(c, { headers: sessionHeaders(kept, null) })).toBe(401);
    expect(await status(c, { token: current })).toBe(200);
  });
});
