import { postableUrl } from '../text/fit.js';
import type { Adapter, ChannelContext, OutgoingPost, PublishedPost, Reconciled, Sent } from './adapter.js';
import { call, failure, ok, str, type PlatformResponse } from './http.js';

/**
 * X: `POST /2/tweets` with an OAuth 2.0 user access token. No idempotency key: a lost answer (or X's "duplicate
 * content" refusal) is reconciled by reading the account's recent posts for the story URL.
 */
export class XAdapter implements Adapter {
  readonly type = 'x';
  readonly idempotent = false;

  async send(ch: ChannelContext, post: OutgoingPost): Promise<Sent> {
    const res = await call(ch, {
      method: 'POST',
      url: `${ch.baseUrl}/2/tweets`,
      headers: auth(ch),
      json: { text: post.text },
    });
    if (!ok(res)) throw xError(ch, res);
    const id = str(res.body, 'data', 'id') ?? null;
    return { externalId: id, externalUrl: id ? `https://x.com/i/web/status/${id}` : null };
  }

  async reconcile(ch: ChannelContext, post: OutgoingPost): Promise<Reconciled> {
    const me = await call(ch, { method: 'GET', url: `${ch.baseUrl}/2/users/me`, headers: auth(ch) });
    if (!ok(me)) throw xError(ch, me);
    const userId = str(me.body, 'data', 'id');
    const q = new URLSearchParams({ max_results: '20', 'tweet.fields': 'entities,created_at' });
    const res = await call(ch, {
      method: 'GET',
      url: `${ch.baseUrl}/2/users/${userId}/tweets?${q.toString()}`,
      headers: auth(ch),
    });
    if (!ok(res)) throw xError(ch, res);
    const link = postableUrl(post.url);
    type Tweet = { id: string; text: string; entities?: { urls?: { expanded_url?: string }[] } };
    const tweets = (res.body as { data?: Tweet[] }).data ?? [];
    const found = tweets.find((t) => t.entities?.urls?.some((u) => u.expanded_url === link));
    if (!found) return { state: 'absent' };
    return { state: 'found', sent: { externalId: found.id, externalUrl: `https://x.com/i/web/status/${found.id}` } };
  }

  async remove(ch: ChannelContext, _post: OutgoingPost, published: PublishedPost): Promise<void> {
    const res = await call(ch, {
      method: 'DELETE',
      url: `${ch.baseUrl}/2/tweets/${published.externalId}`,
      headers: auth(ch),
    });
    if (!ok(res) && res.status !== 404) throw failure(ch, res, JSON.stringify(res.body).slice(0, 300));
  }
}

const auth = (ch: ChannelContext) => ({ authorization: `Bearer ${ch.credentials.accessToken}` });

/**
 * X answers problems as `{ title, detail, type, status }`. A 403 "duplicate content" means an identical post exists
 * already: not an auth problem, and possibly ours, so it is reconciled like a lost answer.
 */
function xError(ch: ChannelContext, res: PlatformResponse) {
  const b = res.body as { detail?: string; title?: string };
  const text = b.detail ?? b.title ?? JSON.stringify(res.body).slice(0, 300);
  if (res.status === 403 && /duplicate/i.test(text)) return failure(ch, res, text, 'unconfirmed');
  return failure(ch, res, text);
}
