import { createHash } from 'node:crypto';
import { blueskyFacets, postableUrl } from '../text/fit.js';
import type { Adapter, ChannelContext, OutgoingPost, Reconciled, Sent } from './adapter.js';
import { call, failure, ok, str, type PlatformRequest, type PlatformResponse } from './http.js';

interface Session {
  did: string;
  handle: string;
  accessJwt: string;
  refreshJwt: string;
}

const POST = 'app.bsky.feed.post';
/** `app.bsky.embed.external#external.thumb`: image/*, at most 1,000,000 bytes. */
const THUMB_MAX_BYTES = 1_000_000;
const THUMB_TYPES = new Set(['image/jpeg', 'image/png', 'image/webp']);

/**
 * Bluesky (AT Protocol): one `createSession` per channel and replica, reused for every post (createSession is
 * rate-limited: 30 per 5 minutes), refreshed with `refreshSession` when the access token expires. Posts are
 * `createRecord` with the record key chosen when the post was queued, link and tag facets at UTF-8 byte offsets
 * and an `app.bsky.embed.external` card (with the cover as its uploaded thumb). A lost answer is reconciled exactly: `getRecord` by that key. Bluesky has no
 * edits, so a correction leaves the post as it is (its card links the corrected story).
 */
export class BlueskyAdapter implements Adapter {
  readonly type = 'bluesky';
  readonly idempotent = false;
  private readonly sessions = new Map<string, Promise<Session>>();

  async send(ch: ChannelContext, post: OutgoingPost): Promise<Sent> {
    const s = await this.session(ch);
    const thumb = post.image ? await this.thumb(ch, post) : undefined;
    const record = {
      $type: POST,
      text: post.text,
      createdAt: post.publishedAt ?? new Date().toISOString(),
      langs: [post.language],
      facets: blueskyFacets(post.text, post.url, post.hashtags),
      embed: {
        $type: 'app.bsky.embed.external',
        external: {
          uri: postableUrl(post.url),
          title: post.title,
          description: post.summary,
          ...(thumb ? { thumb } : {}),
        },
      },
    };
    const res = await this.authed(ch, (sess) => ({
      method: 'POST',
      url: `${ch.baseUrl}/xrpc/com.atproto.repo.createRecord`,
      headers: { authorization: `Bearer ${sess.accessJwt}` },
      json: { repo: sess.did, collection: POST, rkey: post.rkey, record },
    }));
    if (!ok(res)) throw bskyError(ch, res);
    return { externalId: str(res.body, 'uri') ?? null, externalUrl: postUrl(s, post.rkey) };
  }

  async reconcile(ch: ChannelContext, post: OutgoingPost): Promise<Reconciled> {
    const s = await this.session(ch);
    const q = new URLSearchParams({ repo: s.did, collection: POST, rkey: post.rkey });
    const res = await this.authed(ch, (sess) => ({
      method: 'GET',
      url: `${ch.baseUrl}/xrpc/com.atproto.repo.getRecord?${q.toString()}`,
      headers: { authorization: `Bearer ${sess.accessJwt}` },
    }));
    if (ok(res))
      return { state: 'found', sent: { externalId: str(res.body, 'uri') ?? null, externalUrl: postUrl(s, post.rkey) } };
    if (str(res.body, 'error') === 'RecordNotFound') return { state: 'absent' };
    throw bskyError(ch, res);
  }

  async remove(ch: ChannelContext, post: OutgoingPost): Promise<void> {
    const res = await this.authed(ch, (sess) => ({
      method: 'POST',
      url: `${ch.baseUrl}/xrpc/com.atproto.repo.deleteRecord`,
      headers: { authorization: `Bearer ${sess.accessJwt}` },
      json: { repo: sess.did, collection: POST, rkey: post.rkey },
    }));
    if (!ok(res)) throw bskyError(ch, res);
  }

  /**
   * The card's thumbnail: the share image's bytes uploaded as a blob (`uploadBlob`). An image Bluesky would refuse
   * as a thumb (over 1,000,000 bytes, not JPEG/PNG/WebP) or one that cannot be fetched is left out, never a failure:
   * the card shows without it.
   */
  private async thumb(ch: ChannelContext, post: OutgoingPost): Promise<unknown> {
    const skip = (reason: string) => {
      ch.logger.warn({ postId: post.postId, channelId: ch.id }, `Bluesky: card thumbnail left out: ${reason}`);
      return undefined;
    };
    let img: Response;
    try {
      img = await fetch(post.image!.url, { signal: AbortSignal.timeout(ch.timeoutMs) });
    } catch (err) {
      return skip(`the image could not be fetched (${(err as Error).message})`);
    }
    const type = (img.headers.get('content-type') ?? '').split(';')[0].trim().toLowerCase();
    const declared = Number(img.headers.get('content-length') ?? 0);
    if (!img.ok || !THUMB_TYPES.has(type) || declared > THUMB_MAX_BYTES) {
      await img.body?.cancel();
      if (!img.ok) return skip(`the image answered ${img.status}`);
      if (!THUMB_TYPES.has(type)) return skip(`the image is ${type || 'of no type'}, not JPEG, PNG or WebP`);
      return skip(`the image is ${declared} bytes, over Bluesky's ${THUMB_MAX_BYTES} for a thumb`);
    }
    const data = Buffer.from(await img.arrayBuffer());
    if (data.length > THUMB_MAX_BYTES) return skip(`the image is ${data.length} bytes, over ${THUMB_MAX_BYTES}`);
    try {
      const res = await this.authed(ch, (sess) => ({
        method: 'POST',
        url: `${ch.baseUrl}/xrpc/com.atproto.repo.uploadBlob`,
        headers: { authorization: `Bearer ${sess.accessJwt}` },
        bytes: { data, contentType: type },
      }));
      if (!ok(res)) return skip(bskyError(ch, res).message);
      return (res.body as { blob?: unknown }).blob ?? skip('uploadBlob answered without a blob');
    } catch (err) {
      return skip((err as Error).message);
    }
  }

  /** createSession with the app password: a fresh session, kept for the next post. */
  async check(ch: ChannelContext): Promise<string> {
    const s = await this.createSession(ch);
    this.sessions.set(sessionKey(ch), Promise.resolve(s));
    return `@${s.handle}`;
  }

  /** A call with the session's access token; an expired token is refreshed (or the session re-created) once. */
  private async authed(ch: ChannelContext, build: (s: Session) => PlatformRequest): Promise<PlatformResponse> {
    const s = await this.session(ch);
    const res = await call(ch, build(s));
    if (!isExpired(res)) return res;
    return call(ch, build(await this.refresh(ch, s)));
  }

  private session(ch: ChannelContext): Promise<Session> {
    const key = sessionKey(ch);
    let s = this.sessions.get(key);
    if (!s) {
      s = this.createSession(ch);
      this.sessions.set(key, s);
      s.catch(() => this.sessions.delete(key));
    }
    return s;
  }

  private async createSession(ch: ChannelContext): Promise<Session> {
    const res = await call(ch, {
      method: 'POST',
      url: `${ch.baseUrl}/xrpc/com.atproto.server.createSession`,
      json: { identifier: ch.credentials.identifier, password: ch.credentials.appPassword },
    });
    if (!ok(res)) throw bskyError(ch, res);
    return res.body as Session;
  }

  private refresh(ch: ChannelContext, old: Session): Promise<Session> {
    const key = sessionKey(ch);
    const current = this.sessions.get(key);
    const next = (async () => {
      // Another call may have refreshed already.
      const now = current ? await current.catch(() => undefined) : undefined;
      if (now && now.accessJwt !== old.accessJwt) return now;
      const res = await call(ch, {
        method: 'POST',
        url: `${ch.baseUrl}/xrpc/com.atproto.server.refreshSession`,
        headers: { authorization: `Bearer ${old.refreshJwt}` },
      });
      if (ok(res)) return res.body as Session;
      if (isExpired(res) || res.status === 401 || res.status === 400) return this.createSession(ch);
      throw bskyError(ch, res);
    })();
    this.sessions.set(key, next);
    next.catch(() => this.sessions.delete(key));
    return next;
  }
}

/** Sessions belong to a channel and its credentials: new credentials, a new session. */
function sessionKey(ch: ChannelContext): string {
  const h = createHash('sha256').update(`${ch.credentials.identifier}\0${ch.credentials.appPassword}`).digest('hex');
  return `${ch.id}:${h.slice(0, 16)}`;
}

function isExpired(res: PlatformResponse): boolean {
  return (res.status === 400 || res.status === 401) && str(res.body, 'error') === 'ExpiredToken';
}

function postUrl(s: Session, rkey: string): string {
  return `https://bsky.app/profile/${s.handle}/post/${rkey}`;
}

/** XRPC errors are `{ error, message }`; AuthenticationRequired / InvalidToken mean the app password is refused. */
function bskyError(ch: ChannelContext, res: PlatformResponse) {
  const error = str(res.body, 'error') ?? '';
  const text = `${error}${error ? ': ' : ''}${str(res.body, 'message') ?? ''}`;
  if (/AuthenticationRequired|InvalidToken|AccountTakedown/.test(error)) return failure(ch, res, text, 'auth');
  if (res.status === 429 || error === 'RateLimitExceeded') return failure(ch, res, text, 'rate_limited');
  return failure(ch, res, text);
}
