import { timingSafeEqual } from 'node:crypto';
import { parseCookie, stringifySetCookie } from 'cookie';
import type { FastifyRequest } from 'fastify';

/** The browser session's cookie. Wire-stable: the studio never reads it (httpOnly), but renaming logs everyone out. */
export const SESSION_COOKIE = 'khao_session';
/** The header a cookie-authenticated state-changing request carries, echoing the session's csrfToken. */
export const CSRF_HEADER = 'x-csrf-token';
export const CSRF_MESSAGE = 'Missing or invalid CSRF token: reload the page and try again';

/** Only the API reads the session; public pages and the studio's files never get the cookie. */
const COOKIE_PATH = '/api';

export function readSessionCookie(req: FastifyRequest): string | undefined {
  const header = req.headers.cookie;
  if (!header || !header.includes(SESSION_COOKIE)) return undefined;
  return parseCookie(header)[SESSION_COOKIE] || undefined;
}

/** httpOnly (scripts never see it), SameSite=Strict (never sent from another site), Secure behind https. */
export function sessionCookie(token: string, maxAgeSeconds: number, secure: boolean): string {
  return stringifySetCookie({
    name: SESSION_COOKIE,
    value: token,
    httpOnly: true,
    sameSite: 'strict',
    path: COOKIE_PATH,
    maxAge: maxAgeSeconds,
    secure,
  });
}

export function clearedSessionCookie(secure: boolean): string {
  return stringifySetCookie({
    name: SESSION_COOKIE,
    value: '',
    httpOnly: true,
    sameSite: 'strict',
    path: COOKIE_PATH,
    maxAge: 0,
    expires: new Date(0),
    secure,
  });
}

/** Whether the request's X-CSRF-Token is the session's, compared in constant time. */
export function csrfMatches(req: FastifyRequest, expected: string): boolean {
  const sent = req.headers[CSRF_HEADER];
  if (typeof sent !== 'string') return false;
  const a = Buffer.from(sent);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** GET, HEAD and OPTIONS change nothing; every other method needs the CSRF header when the cookie authenticates. */
export function isStateChanging(method: string): boolean {
  return method !== 'GET' && method !== 'HEAD' && method !== 'OPTIONS';
}
