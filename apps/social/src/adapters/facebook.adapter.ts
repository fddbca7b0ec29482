import { postableUrl } from '../text/fit.js';
import type { Adapter, ChannelContext, OutgoingPost, PublishedPost, Reconciled, Sent } from './adapter.js';
import { call, failure, ok, str, type PlatformResponse } from './http.js';

/**
 * Facebook Page: `POST /{page-id}/feed` with `message` and `link`. The Page access token goes the way Graph API's
 * documentation passes it on every call: the `access_token` parameter (in the form body of a POST, in the query of
 * a GET or DELETE; nothing here logs request URLs). No idempotency key: a lost answer is reconciled by reading the
 * Page's recent feed for the link.
 */
export class FacebookAdapter implements Adapter {
  readonly type = 'facebook_page';
  readonly idempotent = false;

  async send(ch: ChannelContext, post: OutgoingPost): Promise<Sent> {
    const res = await call(ch, {
      method: 'POST',
      url: `${ch.baseUrl}/${String(ch.options.pageId)}/feed`,
      form: { message: post.text, link: postableUrl(post.url), access_token: ch.credentials.pageAccessToken },
    });
    if (!ok(res)) throw fbError(ch, res);
    const id = str(res.body, 'id') ?? null;
    return { externalId: id, externalUrl: id ? `https://www.facebook.com/${id}` : null };
  }

  /** The Page itself, read with the Page token: proves both the id and the token. */
  async check(ch: ChannelContext): Promise<string> {
    const q = tokenQuery(ch, { fields: 'id,name' });
    const res = await call(ch, { method: 'GET', url: `${ch.baseUrl}/${String(ch.options.pageId)}?${q}` });
    if (!ok(res)) throw fbError(ch, res);
    return str(res.body, 'name') ?? String(ch.options.pageId);
  }

  async reconcile(ch: ChannelContext, post: OutgoingPost): Promise<Reconciled> {
    const q = tokenQuery(ch, { fields: 'id,link,message', limit: '50' });
    const res = await call(ch, { method: 'GET', url: `${ch.baseUrl}/${String(ch.options.pageId)}/feed?${q}` });
    if (!ok(res)) throw fbError(ch, res);
    const link = postableUrl(post.url);
    const items = ((res.body as { data?: { id: string; link?: string; message?: string }[] }).data ?? []).filter(
      (p) => p.link === link || p.message?.includes(link),
    );
    if (!items.length) return { state: 'absent' };
    return {
      state: 'found',
      sent: { externalId: items[0].id, externalUrl: `https://www.facebook.com/${items[0].id}` },
    };
  }

  async remove(ch: ChannelContext, _post: OutgoingPost, published: PublishedPost): Promise<void> {
    const res = await call(ch, { method: 'DELETE', url: `${ch.baseUrl}/${published.externalId}?${tokenQuery(ch)}` });
    // Already gone (code 100, "does not exist") is what we wanted.
    if (!ok(res) && fbCode(res) !== 100) throw fbError(ch, res);
  }

  async edit(ch: ChannelContext, post: OutgoingPost, published: PublishedPost): Promise<void> {
    const res = await call(ch, {
      method: 'POST',
      url: `${ch.baseUrl}/${published.externalId}`,
      form: { message: post.text, access_token: ch.credentials.pageAccessToken },
    });
    if (!ok(res)) throw fbError(ch, res);
  }
}

/** A query string carrying the Page access token as Graph's `access_token` parameter. */
function tokenQuery(ch: ChannelContext, params: Record<string, string> = {}): string {
  return new URLSearchParams({ ...params, access_token: ch.credentials.pageAccessToken }).toString();
}

function fbCode(res: PlatformResponse): number | undefined {
  const code = (res.body as { error?: { code?: number } }).error?.code;
  return typeof code === 'number' ? code : undefined;
}

/** Graph API errors: 190/102 token, 10/200-299 permission → auth; 4/17/32/613 throttling; is_transient → retry. */
function fbError(ch: ChannelContext, res: PlatformResponse) {
  const err = (res.body as { error?: { code?: number; message?: string; is_transient?: boolean } }).error;
  const code = err?.code;
  const text = err?.message ?? JSON.stringify(res.body).slice(0, 300);
  if (code === 190 || code === 102 || code === 10 || (code !== undefined && code >= 200 && code < 300)) {
    return failure(ch, res, text, 'auth');
  }
  if (code === 4 || code === 17 || code === 32 || code === 613) return failure(ch, res, text, 'rate_limited');
  if (err?.is_transient || code === 1 || code === 2) return failure(ch, res, text, 'retryable');
  return failure(ch, res, text);
}
