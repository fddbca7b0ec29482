import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_ADMIN, TestPlatform } from '@khao/testing';
import { bearerLogin, browserLogin, createUser, sessionHeaders } from './helpers.js';

// The audit trail of authentication: logins that worked and failed (never the password), access changes, logouts.
const platform = new TestPlatform({ services: [] });
let admin: string;
let adminId: string;

beforeAll(async () => {
  await platform.start();
  admin = await platform.adminToken();
  adminId = ((await platform.http('GET', '/api/v1/auth/me', { token: admin })).body as { id: string }).id;
});
afterAll(() => platform.stop());

interface Entry {
  id: string;
  at: string;
  action: string;
  actorId?: string;
  subjectId?: string;
  email?: string;
  ip?: string;
  details?: Record<string, unknown>;
}

async function trail(): Promise<Entry[]> {
  const res = await platform.http('GET', '/api/v1/ops/audit?limit=200', { token: admin });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  const items = (res.body as { items: Entry[] }).items;
  // What an entry does not have is absent, never null (the OpenAPI documents strings and objects).
  for (const item of items)
    expect(
      Object.entries(item).filter(([, v]) => v === null),
      item.action,
    ).toEqual([]);
  return items;
}

describe('the audit trail', () => {
  it('records logins, access changes and logouts, newest first, without any password', async () => {
    const user = await createUser(platform, admin, 'author');
    const wrongPassword = 'ผิดแน่นอน-wrong-password-1234';
    const failed = await platform.http('POST', '/api/v1/auth/login', {
      body: { email: user.email, password: wrongPassword },
    });
    expect(failed.status).toBe(401);
    await bearerLogin(platform, user);
    const session = await browserLogin(platform, user);
    await platform.http('DELETE', '/api/v1/auth/session', { headers: sessionHeaders(session) });
    for (const body of [{ role: 'editor' }, { disabled: true }, { password: 'รหัสผ่านใหม่ยาวพอสมควรแล้ว' }]) {
      const res = await platform.http('PATCH', `/api/v1/users/${user.id}`, { token: admin, body });
      expect(res.status).toBe(200);
    }
    const disabledLogin = await platform.http('POST', '/api/v1/auth/login', {
      body: { email: user.email, password: 'รหัสผ่านใหม่ยาวพอสมควรแล้ว' },
    });
    expect(disabledLogin.status).toBe(401);

    const entries = (await trail()).filter((e) => e.email === user.email);
    expect(entries.map((e) => e.action)).toEqual([
      'login.failed',
      'user.password-changed',
      'user.disabled',
      'user.role-changed',
      'session.ended',
      'login.succeeded',
      'login.succeeded',
      'login.failed',
      'user.created',
    ]);
    expect(entries[0]).toMatchObject({ subjectId: user.id, details: { reason: 'account disabled' } });
    expect(entries[3]).toMatchObject({
      actorId: adminId,
      subjectId: user.id,
      details: { from: 'author', to: 'editor' },
    });
    expect(entries[7]).toMatchObject({
      details: { reason: 'wrong password' },
      ip: expect.stringMatching(/127\.0\.0\.1/),
    });
    const times = entries.map((e) => Date.parse(e.at));
    expect([...times].sort((a, b) => b - a)).toEqual(times);
    const dump = JSON.stringify(await trail());
    for (const secret of [wrongPassword, user.password, TEST_ADMIN.password, 'รหัสผ่านใหม่ยาวพอสมควรแล้ว', 'argon2']) {
      expect(dump).not.toContain(secret);
    }
  });

  it('pages with a cursor, and is for admins only', async () => {
    const first = await platform.http('GET', '/api/v1/ops/audit?limit=2', { token: admin });
    const page = first.body as { items: Entry[]; nextCursor: string };
    expect(page.items).toHaveLength(2);
    const next = await platform.http('GET', `/api/v1/ops/audit?limit=2&before=${page.nextCursor}`, { token: admin });
    expect((next.body as { items: Entry[] }).items[0].id < page.items[1].id).toBe(true);
    const editor = await createUser(platform, admin, 'editor');
    const forbidden = await platform.http('GET', '/api/v1/ops/audit', { token: await bearerLogin(platform, editor) });
    expect(forbidden.status).toBe(403);
    expect((await platform.http('GET', '/api/v1/ops/audit?before=nope', { token: admin })).status).toBe(400);
  });
});
