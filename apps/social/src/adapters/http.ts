import { outboundRefusal } from '@khao/net';
import { PlatformError, type ChannelContext, type FailureKind } from './adapter.js';

export interface PlatformResponse {
  status: number;
  headers: Headers;
  body: unknown;
}

export interface PlatformRequest {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  url: string;
  headers?: Record<string, string>;
  json?: unknown;
  form?: Record<string, string>;
  bytes?: { data: Buffer; contentType: string };
}

/**
 * One call to a platform, bounded by the channel's timeout. A timeout, or a connection that broke after the
 * request could have been written, is `unconfirmed` (the platform may have the post); a connection refused or a
 * name that did not resolve is `retryable` (nothing reached it). Answers of any status are returned.
 */
export async function call(ch: ChannelContext, req: PlatformRequest): Promise<PlatformResponse> {
  const headers: Record<string, string> = { 'user-agent': 'Khao/1 (+social)', ...req.headers };
  let body: string | Buffer | undefined;
  if (req.json !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(req.json);
  } else if (req.form) {
    headers['content-type'] = 'application/x-www-form-urlencoded';
    body = new URLSearchParams(req.form).toString();
  } else if (req.bytes) {
    headers['content-type'] = req.bytes.contentType;
    body = req.bytes.data;
  }
  let res: Response;
  try {
    res = await fetch(req.url, { method: req.method, headers, body, signal: AbortSignal.timeout(ch.timeoutMs) });
  } catch (err) {
    throw networkError(ch, err);
  }
  let text: string;
  try {
    text = await res.text();
  } catch (err) {
    throw networkError(ch, err);
  }
  let parsed: unknown = text;
  try {
    parsed = text ? JSON.parse(text) : {};
  } catch {
    // not JSON: keep the text
  }
  return { status: res.status, headers: res.headers, body: parsed };
}

function networkError(ch: ChannelContext, err: unknown): PlatformError {
  // Refused before connecting (a private or metadata address): nothing was sent, and trying again cannot help.
  const refused = outboundRefusal(err);
  if (refused) return new PlatformError('permanent', `${ch.type}: ${refused}`);
  const e = err as { name?: string; message?: string; cause?: { code?: string; message?: string } };
  if (e.name === 'TimeoutError' || e.name === 'AbortError') {
    return new PlatformError('unconfirmed', `${ch.type}: no answer within ${ch.timeoutMs} ms`);
  }
  const code = e.cause?.code ?? '';
  const reason = redact(ch, `${code || e.cause?.message || e.message || 'network error'}`);
  // Refused or unresolvable: the request never left. Anything else may have been written before it broke.
  const nothingSent = /ECONNREFUSED|ENOTFOUND|EAI_AGAIN|EHOSTUNREACH|ENETUNREACH|CERT|UND_ERR_CONNECT/.test(code);
  return new PlatformError(nothingSent ? 'retryable' : 'unconfirmed', `${ch.type}: network error (${reason})`);
}

/**
 * How long the platform asked us to wait: `Retry-After` (seconds or an HTTP date), `x-rate-limit-reset` (X, epoch
 * seconds), `ratelimit-reset` (Bluesky epoch seconds, or seconds from now per the IETF draft) and Mastodon's
 * `X-RateLimit-Reset` (an ISO date).
 */
export function retryAfterMs(headers: Headers, now = Date.now()): number | undefined {
  const retryAfter = headers.get('retry-after');
  if (retryAfter) {
    if (/^\d+(\.\d+)?$/.test(retryAfter.trim())) return Number(retryAfter) * 1000;
    const at = Date.parse(retryAfter);
    if (!Number.isNaN(at)) return Math.max(0, at - now);
  }
  for (const name of ['x-rate-limit-reset', 'ratelimit-reset', 'x-ratelimit-reset']) {
    const v = headers.get(name);
    if (!v) continue;
    if (/^\d+$/.test(v.trim())) {
      const n = Number(v);
      return n > 1_000_000_000 ? Math.max(0, n * 1000 - now) : n * 1000;
    }
    const at = Date.parse(v);
    if (!Number.isNaN(at)) return Math.max(0, at - now);
  }
  return undefined;
}

/** The usual meaning of a status: 401/403 auth, 429 rate limit, 408/5xx retryable, other 4xx permanent. */
export function kindOfStatus(status: number): FailureKind {
  if (status === 401 || status === 403) return 'auth';
  if (status === 429) return 'rate_limited';
  if (status === 408 || status >= 500) return 'retryable';
  return 'permanent';
}

/** A platform error from a non-2xx answer; `message` is what the platform said, with every secret masked. */
export function failure(
  ch: ChannelContext,
  res: PlatformResponse,
  message: string,
  kind: FailureKind = kindOfStatus(res.status),
): PlatformError {
  const text = redact(ch, `${ch.type} ${res.status}: ${message}`).slice(0, 500);
  return new PlatformError(kind, text, kind === 'rate_limited' ? retryAfterMs(res.headers) : undefined, res.status);
}

/**
 * Shapes of secrets that are not the channel's stored credentials but may be echoed back: a session JWT (Bluesky's
 * accessJwt), a bearer header, a Telegram bot path, an access_token query parameter.
 */
const TOKEN_SHAPES: [RegExp, string][] = [
  [/\beyJ[\w-]{8,}\.[\w-]+\.[\w-]+/g, '[redacted]'],
  [/\b(bearer\s+)[^\s"',;)]+/gi, '$1[redacted]'],
  [/(\/bot)\d+:[\w-]+/g, '$1[redacted]'],
  [/\b(access_token=)[^\s&"']+/gi, '$1[redacted]'],
];

/**
 * Masks every credential value of the channel inside `text` (a platform may echo a token back), then anything shaped
 * like a token: what is stored as a post's last error is shown to editors.
 */
export function redact(ch: Pick<ChannelContext, 'credentials'>, text: string): string {
  let out = text;
  for (const v of Object.values(ch.credentials)) if (v && v.length >= 4) out = out.split(v).join('[redacted]');
  for (const [shape, mask] of TOKEN_SHAPES) out = out.replace(shape, mask);
  return out;
}

export const ok = (res: PlatformResponse) => res.status >= 200 && res.status < 300;

/** `body.field` when the body is an object holding a string there. */
export function str(body: unknown, ...path: string[]): string | undefined {
  let cur: unknown = body;
  for (const p of path) {
    if (!cur || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string, unknown>)[p];
  }
  return typeof cur === 'string' ? cur : typeof cur === 'number' ? String(cur) : undefined;
}

export function message(body: unknown): string {
  return typeof body === 'string' ? body.slice(0, 300) : JSON.stringify(body).slice(0, 300);
}
