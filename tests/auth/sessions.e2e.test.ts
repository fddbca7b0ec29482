import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_ADMIN, TestPlatform } from '@khao/testing';
import { bearerLogin, browserLogin, createUser, sessionHeaders, type BrowserSession } from './helpers.js';

// Browser sessions (the studio's contract): an httpOnly SameSite=Strict cookie, a CSRF header on every
// state-changing request it authenticates, logout that revokes; bearer tokens unchanged.
const SESSION_TTL = 5400;
const platform = new TestPlatform({ services: [], env: { gateway: { SESSION_TTL_SECONDS: String(SESSION_TTL) } } });
const CSRF_REFUSED = {
  statusCode: 403,
  error: 'Forbidden',
  message: 'Missing or invalid CSRF token: reload the page and try again',
};
let adminToken: string;
let admin: BrowserSession;

beforeAll(async () => {
  await platform.start();
  adminToken = await platform.adminToken();
  admin = await browserLogin(platform, TEST_ADMIN);
});
afterAll(() => platform.stop());

function newUserBody() {
  return {
    email: `somying-${Math.random().toString(36).slice(2, 8)}@khao.test`,
    name: 'สมหญิง รักษ์ถิ่น',
    role: 'author',
    password: 'รหัสผ่านที่ยาวพอสมควร',
  };
}

describe('failed logins at once', () => {
  it('are all counted and refused with 401, never a 500 (two first failures both inserting the counter)', async () => {
    for (let round = 0; round < 15; round++) {
      const email = `somchai-${round}-${Math.random().toString(36).slice(2, 8)}@khao.test`;
      const answers = await Promise.all(
        Array.from({ length: 4 }, (_, i) =>
          platform.http('POST', i % 2 ? '/api/v1/auth/session' : '/api/v1/auth/login', {
            body: { email, password: 'ไม่ใช่รหัสผ่านนี้แน่นอน' },
          }),
        ),
      );
      // Four: below LOGIN_MAX_FAILURES (5), so none may be throttled.
      expect(answers.map((a) => a.status)).toEqual([401, 401, 401, 401]);
    }
  });

  it('a burst past the limit gets exactly LOGIN_MAX_FAILURES (5) password checks; the rest wait (429)', async () => {
    const email = `somsak-${Math.random().toString(36).slice(2, 8)}@khao.test`;
    const answers = await Promise.all(
      Array.from({ length: 12 }, () =>
        platform.http('POST', '/api/v1/auth/login', { body: { email, password: 'เดาไปเรื่อยๆ' } }),
      ),
    );
    const statuses = answers.map((a) => a.status).sort();
    expect(statuses).toEqual([...Array(5).fill(401), ...Array(7).fill(429)]);
    const after = await platform.http('POST', '/api/v1/auth/login', { body: { email, password: 'อีกครั้ง' } });
    expect(after.status).toBe(429);
    expect(Number(after.headers.get('retry-after'))).toBeGreaterThan(0);
  });
});

describe('logging in a browser', () => {
  it('sets an httpOnly, SameSite=Strict cookie on /api for the session lifetime, and returns the CSRF token', async () => {
    const res = await platform.http('POST', '/api/v1/auth/session', { body: TEST_ADMIN });
    expect(res.status).toBe(200);
    const body = res.body as { user: Record<string, unknown>; csrfToken: string };
    expect(body.user).toMatchObject({ email: TEST_ADMIN.email, name: 'Administrator', role: 'admin' });
    expect(body.user.id).toMatch(/^[0-9a-f]{24}$/);
    expect(body.csrfToken.length).toBeGreaterThanOrEqual(24);
    // The token itself never reaches the page's scripts.
    expect(JSON.stringify(body)).not.toMatch(/accessToken|eyJ/);
    const cookie = res.headers.get('set-cookie') ?? '';
    const [pair, ...attributes] = cookie.split(/;\s*/);
    expect(pair).toMatch(/^khao_session=[A-Za-z0-9._-]{40,}$/);
    expect(attributes).toEqual(
      expect.arrayContaining(['HttpOnly', 'SameSite=Strict', 'Path=/api', `Max-Age=${SESSION_TTL}`]),
    );
    // Plain http here (PUBLIC_BASE_URL is http): a Secure cookie would never come back.
    expect(attributes).not.toContain('Secure');
    expect(res.headers.get('cache-control')).toBe('no-store');
  });

  it('answers wrong credentials with 401 in the same shape as /auth/login, and sets no cookie', async () => {
    const wrong = { email: TEST_ADMIN.email, password: 'ไม่ใช่รหัสผ่านนี้แน่นอน' };
    const session = await platform.http('POST', '/api/v1/auth/session', { body: wrong });
    const login = await platform.http('POST', '/api/v1/auth/login', { body: wrong });
    expect(session.status).toBe(401);
    expect(session.body).toEqual(login.body);
    expect(session.headers.get('set-cookie')).toBeNull();
  });

  it('refuses a malformed body with 400', async () => {
    const res = await platform.http('POST', '/api/v1/auth/session', { body: { email: TEST_ADMIN.email } });
    expect(res.status).toBe(400);
    expect((res.body as { message: string }).message).toMatch(/password/);
  });

  it('GET /auth/session says who is logged in (and renews the cookie); without a cookie it is 401', async () => {
    const res = await platform.http('GET', '/api/v1/auth/session', { headers: sessionHeaders(admin, null) });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ user: admin.user, csrfToken: admin.csrfToken });
    expect(res.headers.get('set-cookie')).toMatch(/^khao_session=.+HttpOnly/);
    const none = await platform.http('GET', '/api/v1/auth/session');
    expect(none.status).toBe(401);
    const forged = await platform.http('GET', '/api/v1/auth/session', {
      headers: { cookie: 'khao_session=abc.def.ghi' },
    });
    expect(forged.status).toBe(401);
  });

  it('secures the cookie when the public address is https', async () => {
    const https = await platform.startGatewayReplica({ PUBLIC_BASE_URL: 'https://khao.example' });
    const res = await platform.http('POST', '/api/v1/auth/session', { body: TEST_ADMIN, baseUrl: https });
    expect(res.status).toBe(200);
    expect((res.headers.get('set-cookie') ?? '').split(/;\s*/)).toContain('Secure');
  });
});

describe('the cookie on the API', () => {
  it('authenticates reads without a CSRF header', async () => {
    const res = await platform.http('GET', '/api/v1/users', { headers: sessionHeaders(admin, null) });
    expect(res.status).toBe(200);
    expect(JSON.stringify(res.body)).toContain(TEST_ADMIN.email);
  });

  it('refuses a state-changing request without the CSRF header, or with a wrong one, and changes nothing', async () => {
    const body = newUserBody();
    const missing = await platform.http('POST', '/api/v1/users', { headers: sessionHeaders(admin, null), body });
    expect(missing.status).toBe(403);
    expect(missing.body).toEqual(CSRF_REFUSED);
    const wrong = await platform.http('POST', '/api/v1/users', {
      headers: sessionHeaders(admin, admin.csrfToken.slice(0, -2) + 'xx'),
      body,
    });
    expect(wrong.status).toBe(403);
    expect(wrong.body).toEqual(CSRF_REFUSED);
    const other = await browserLogin(platform, TEST_ADMIN);
    const crossed = await platform.http('POST', '/api/v1/users', {
      headers: sessionHeaders(admin, other.csrfToken),
      body,
    });
    expect(crossed.status).toBe(403);
    const users = await platform.http('GET', '/api/v1/users', { token: adminToken });
    expect(JSON.stringify(users.body)).not.toContain(body.email);
  });

  it('accepts a state-changing request with the session’s CSRF token', async () => {
    const body = newUserBody();
    const res = await platform.http('POST', '/api/v1/users', { headers: sessionHeaders(admin), body });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toMatchObject({ email: body.email, name: 'สมหญิง รักษ์ถิ่น', role: 'author' });
  });

  it('gives the cookie the same roles and guards as a bearer token', async () => {
    const author = await createUser(platform, adminToken, 'author');
    const session = await browserLogin(platform, { email: author.email, password: author.password });
    expect(session.user.role).toBe('author');
    const me = await platform.http('GET', '/api/v1/auth/me', { headers: sessionHeaders(session, null) });
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({ id: author.id, role: 'author' });
    const byCookie = await platform.http('POST', '/api/v1/users', {
      headers: sessionHeaders(session),
      body: newUserBody(),
    });
    const byBearer = await platform.http('POST', '/api/v1/users', {
      token: await bearerLogin(platform, { email: author.email, password: author.password }),
      body: newUserBody(),
    });
    expect(byCookie.status).toBe(403);
    expect(byCookie.body).toEqual(byBearer.body);
  });
});

describe('logging out', () => {
  it('needs the CSRF header, then revokes the session and clears the cookie', async () => {
    const session = await browserLogin(platform, TEST_ADMIN);
    const forged = await platform.http('DELETE', '/api/v1/auth/session', { headers: sessionHeaders(session, null) });
    expect(forged.status).toBe(403);
    expect(forged.body).toEqual(CSRF_REFUSED);
    expect((await platform.http('GET', '/api/v1/auth/session', { headers: sessionHeaders(session) })).status).toBe(200);

    const out = await platform.http('DELETE', '/api/v1/auth/session', { headers: sessionHeaders(session) });
    expect(out.status).toBe(204);
    expect(out.headers.get('set-cookie')).toMatch(/^khao_session=;.*Max-Age=0/);
    // A copy of the old cookie (as an attacker or a stale tab would hold) is refused from now on.
    const after = await platform.http('GET', '/api/v1/auth/session', { headers: sessionHeaders(session) });
    expect(after.status).toBe(401);
    const api = await platform.http('GET', '/api/v1/users', { headers: sessionHeaders(session) });
    expect(api.status).toBe(401);
    expect((api.body as { message: string }).message).toMatch(/log in again/);
    // Only that session: the admin's other session and bearer token still work.
    expect((await platform.http('GET', '/api/v1/users', { headers: sessionHeaders(admin) })).status).toBe(200);
    expect((await platform.http('GET', '/api/v1/users', { token: adminToken })).status).toBe(200);
  });

  it('answers 204 without a live session', async () => {
    const res = await platform.http('DELETE', '/api/v1/auth/session');
    expect(res.status).toBe(204);
  });
});

describe('bearer tokens (scripts)', () => {
  it('keep working without any CSRF header, whatever cookie comes along', async () => {
    const body = newUserBody();
    const res = await platform.http('POST', '/api/v1/users', {
      token: adminToken,
      headers: { cookie: 'khao_session=not-a-session' },
      body,
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const bad = await platform.http('GET', '/api/v1/users', { token: 'not.a.token' });
    expect(bad.status).toBe(401);
  });
});

describe('OpenAPI', () => {
  it('documents the session routes, their statuses, the cookie and the CSRF header', async () => {
    const res = await platform.http('GET', '/api/docs/openapi.json');
    const doc = res.body as {
      paths: Record<string, Record<string, { responses: Record<string, unknown>; security?: unknown[] }>>;
      components: { securitySchemes: Record<string, { type: string; in?: string; name?: string }> };
    };
    const session = doc.paths['/api/v1/auth/session'];
    // 413 too: a body past HTTP_BODY_LIMIT is refused before the route.
    expect(Object.keys(session.post.responses).sort()).toEqual(['200', '400', '401', '413', '415', '429', '503']);
    expect(Object.keys(session.get.responses).sort()).toEqual(['200', '401', '503']);
    expect(Object.keys(session.delete.responses).sort()).toEqual(['204', '403', '503']);
    expect(doc.components.securitySchemes.session).toMatchObject({
      type: 'apiKey',
      in: 'cookie',
      name: 'khao_session',
    });
    expect(doc.components.securitySchemes.csrf).toMatchObject({ type: 'apiKey', in: 'header', name: 'X-CSRF-Token' });
    expect(doc.paths['/api/v1/users'].post.security).toEqual([{ bearer: [] }, { session: [], csrf: [] }]);
    expect(doc.paths['/api/v1/users'].get.security).toEqual([{ bearer: [] }, { session: [] }]);
  });
});
