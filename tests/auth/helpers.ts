import { expect } from 'vitest';
import type { TestPlatform } from '@khao/testing';

export interface BrowserSession {
  /** What a browser sends back: `khao_session=<token>`. */
  cookie: string;
  csrfToken: string;
  /** The Set-Cookie header as the gateway sent it. */
  setCookie: string;
  user: { id: string; email: string; name: string; role: string };
}

/** Logs in like the studio does (POST /auth/session) and keeps what a browser would keep. */
export async function browserLogin(
  platform: TestPlatform,
  credentials: { email: string; password: string },
  baseUrl?: string,
): Promise<BrowserSession> {
  const body = { email: credentials.email, password: credentials.password };
  const res = await platform.http('POST', '/api/v1/auth/session', { body, baseUrl });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  const setCookie = res.headers.get('set-cookie') ?? '';
  const session = res.body as { user: BrowserSession['user']; csrfToken: string };
  return { cookie: setCookie.split(';')[0], csrfToken: session.csrfToken, setCookie, user: session.user };
}

/** The headers a browser page sends with a session: the cookie always, the CSRF header unless `csrf` is null. */
export function sessionHeaders(s: BrowserSession, csrf: string | null = s.csrfToken): Record<string, string> {
  return { cookie: s.cookie, ...(csrf === null ? {} : { 'x-csrf-token': csrf }) };
}

/** Creates a user as admin (no login) and returns its credentials. */
export async function createUser(
  platform: TestPlatform,
  adminToken: string,
  role: string,
): Promise<{ id: string; email: string; password: string }> {
  const email = `${role}-${Math.random().toString(36).slice(2, 8)}@khao.test`;
  const password = `รหัสผ่านยาวพอ-${role}-สำหรับทดสอบ`;
  const res = await platform.http('POST', '/api/v1/users', {
    token: adminToken,
    body: { email, role, password, name: `ผู้ใช้ ${role}` },
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return { id: (res.body as { id: string }).id, email, password };
}

export async function bearerLogin(
  platform: TestPlatform,
  credentials: { email: string; password: string },
  baseUrl?: string,
): Promise<string> {
  const body = { email: credentials.email, password: credentials.password };
  const res = await platform.http('POST', '/api/v1/auth/login', { body, baseUrl });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return (res.body as { accessToken: string }).accessToken;
}
