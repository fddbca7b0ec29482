import createClient, { type Middleware } from 'openapi-fetch';
import type { paths } from './generated/schema';

/** What went wrong, in kinds the UI can explain in the person's language (see errors.* in i18n). */
export type ApiErrorKind =
  | 'network'
  | 'session'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'stale'
  | 'invalid'
  | 'too_large'
  | 'rate_limited'
  | 'unavailable'
  | 'server';

/** The one error shape every API failure becomes: the gateway's `{ statusCode, error, message, details? }`. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly kind: ApiErrorKind,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'ApiError';
  }

  static async fromResponse(response: Response, body?: unknown): Promise<ApiError> {
    let parsed = body;
    if (parsed === undefined) parsed = await response.json().catch(() => undefined);
    const b = (parsed ?? {}) as { message?: unknown; details?: unknown };
    const message = typeof b.message === 'string' ? b.message : response.statusText;
    return new ApiError(response.status, kindOf(response.status), message, b.details);
  }
}

function kindOf(status: number): ApiErrorKind {
  if (status === 401) return 'session';
  if (status === 403) return 'forbidden';
  if (status === 404) return 'not_found';
  if (status === 409) return 'conflict';
  if (status === 412) return 'stale';
  if (status === 413) return 'too_large';
  if (status === 429) return 'rate_limited';
  if (status === 503) return 'unavailable';
  if (status >= 400 && status < 500) return 'invalid';
  return 'server';
}

const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const SESSION_PATH = '/api/v1/auth/session';

let csrfToken: string | null = null;
/** Set from the session (log-in or GET /auth/session); sent as X-CSRF-Token on every state-changing request. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** The CSRF header for requests made outside this client (uploads that report their progress through XHR). */
export function csrfHeaders(): Record<string, string> {
  return csrfToken ? { 'X-CSRF-Token': csrfToken } : {};
}

let relogin: (() => Promise<void>) | null = null;
/**
 * Who to ask when a request answers 401 (an expired or revoked session): the shell opens a log-in dialog over the
 * page, so nothing typed is lost, and the request is sent again once the person is back.
 */
export function onSessionExpired(handler: (() => Promise<void>) | null): void {
  relogin = handler;
}

function withCsrf(request: Request): Request {
  if (STATE_CHANGING.has(request.method) && csrfToken) request.headers.set('X-CSRF-Token', csrfToken);
  return request;
}

const copies = new Map<string, Request>();
const session: Middleware = {
  onRequest({ request, id }) {
    withCsrf(request);
    if (relogin) copies.set(id, request.clone());
    return request;
  },
  async onResponse({ request, response, id }) {
    const copy = copies.get(id);
    copies.delete(id);
    if (response.status !== 401 || !relogin || !copy || new URL(request.url).pathname === SESSION_PATH) return response;
    await relogin();
    return fetch(withCsrf(new Request(copy)));
  },
  onError({ id }) {
    copies.delete(id);
  },
};

/** The one configured client: same origin, the session cookie, CSRF on writes. Components never call it directly. */
export const api = createClient<paths>({ baseUrl: window.location.origin, credentials: 'include' });
api.use(session);

/** The data of an openapi-fetch call, or an ApiError (a network failure included). */
export async function unwrap<T>(call: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<T> {
  let result: { data?: T; error?: unknown; response: Response };
  try {
    result = await call;
  } catch (err) {
    throw new ApiError(0, 'network', err instanceof Error ? err.message : String(err));
  }
  if (!result.response.ok) throw await ApiError.fromResponse(result.response, result.error);
  return result.data as T;
}

/** The ETag form of a story revision, for If-Match. */
export const ifMatch = (revision: number) => ({ 'If-Match': `"${revision}"` });

type SessionView = NonNullable<paths['/api/v1/auth/session']['get']['responses'][200]['content']['application/json']>;
export type Session = SessionView;
export type SessionUser = SessionView['user'];

export const sessions = {
  /** The current session, or null when there is none (401). */
  async current(): Promise<Session | null> {
    try {
      return await unwrap(api.GET('/api/v1/auth/session'));
    } catch (err) {
      if (err instanceof ApiError && err.kind === 'session') return null;
      throw err;
    }
  },
  logIn: (email: string, password: string): Promise<Session> =>
    unwrap(api.POST('/api/v1/auth/session', { body: { email, password } })),
  async logOut(): Promise<void> {
    // The middleware above adds the CSRF header, as on every state-changing request.
    await unwrap(api.DELETE('/api/v1/auth/session'));
  },
};
