import type { Adapter, ChannelContext, OutgoingPost, PublishedPost, Sent } from './adapter.js';
import { call, failure, ok, str } from './http.js';

/**
 * Mastodon: `POST /api/v1/statuses` with `Idempotency-Key` (the post key): the server answers a repeat within its
 * idempotency window (an hour on stock Mastodon) with the status it already created. Deletes and edits (PUT) supported.
 */
export class MastodonAdapter implements Adapter {
  readonly type = 'mastodon';
  readonly idempotent = true;

  async send(ch: ChannelContext, post: OutgoingPost): Promise<Sent> {
    const res = await call(ch, {
      method: 'POST',
      url: `${base(ch)}/api/v1/statuses`,
      headers: { ...auth(ch), 'idempotency-key': post.key },
      json: { status: post.text, visibility: ch.options.visibility ?? 'public', language: post.language },
    });
    if (!ok(res)) throw failure(ch, res, str(res.body, 'error') ?? JSON.stringify(res.body).slice(0, 300));
    return { externalId: str(res.body, 'id') ?? null, externalUrl: str(res.body, 'url') ?? null };
  }

  /** verify_credentials: the account the token belongs to. */
  async check(ch: ChannelContext): Promise<string> {
    const res = await call(ch, {
      method: 'GET',
      url: `${base(ch)}/api/v1/accounts/verify_credentials`,
      headers: auth(ch),
    });
    if (!ok(res)) throw failure(ch, res, str(res.body, 'error') ?? JSON.stringify(res.body).slice(0, 300));
    return `@${str(res.body, 'acct') ?? str(res.body, 'username') ?? '?'}`;
  }

  async remove(ch: ChannelContext, _post: OutgoingPost, published: PublishedPost): Promise<void> {
    const res = await call(ch, {
      method: 'DELETE',
      url: `${base(ch)}/api/v1/statuses/${published.externalId}`,
      headers: auth(ch),
    });
    if (!ok(res) && res.status !== 404) throw failure(ch, res, str(res.body, 'error') ?? '');
  }

  async edit(ch: ChannelContext, post: OutgoingPost, published: PublishedPost): Promise<void> {
    const res = await call(ch, {
      method: 'PUT',
      url: `${base(ch)}/api/v1/statuses/${published.externalId}`,
      headers: auth(ch),
      json: { status: post.text, language: post.language },
    });
    if (!ok(res)) throw failure(ch, res, str(res.body, 'error') ?? '');
  }
}

const base = (ch: ChannelContext) => String(ch.options.instanceUrl).replace(/\/+$/, '');
const auth = (ch: ChannelContext) => ({ authorization: `Bearer ${ch.credentials.accessToken}` });
