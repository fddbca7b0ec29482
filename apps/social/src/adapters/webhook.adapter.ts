import { createHmac } from 'node:crypto';
import type { Adapter, ChannelContext, OutgoingPost, PublishedPost, Sent } from './adapter.js';
import { call, failure, message, ok, str } from './http.js';

/**
 * Webhook: a JSON POST signed like Stripe's: `X-Khao-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of
 * "<t>.<body>" with the channel secret>`. `X-Khao-Delivery` is the same for every retry of one delivery: the
 * receiver dedupes on it, which makes re-sending after a lost answer safe.
 */
export class WebhookAdapter implements Adapter {
  readonly type = 'webhook';
  readonly idempotent = true;

  async send(ch: ChannelContext, post: OutgoingPost): Promise<Sent> {
    const res = await this.deliver(ch, post, 'story.published', post.key);
    return { externalId: str(res, 'id') ?? post.key, externalUrl: str(res, 'url') ?? null };
  }

  async remove(ch: ChannelContext, post: OutgoingPost, published: PublishedPost): Promise<void> {
    await this.deliver(ch, post, 'story.unpublished', `${post.key}:unpublished`, published.externalId);
  }

  async edit(ch: ChannelContext, post: OutgoingPost, published: PublishedPost): Promise<void> {
    await this.deliver(ch, post, 'story.updated', `${post.key}:revision-${post.revision}`, published.externalId);
  }

  private async deliver(
    ch: ChannelContext,
    post: OutgoingPost,
    event: string,
    deliveryId: string,
    externalId?: string,
  ): Promise<unknown> {
    const body = JSON.stringify({
      event,
      deliveryId,
      channelId: ch.id,
      storyId: post.storyId,
      language: post.language,
      revision: post.revision,
      title: post.title,
      summary: post.summary,
      url: post.url,
      text: post.text,
      hashtags: post.hashtags,
      // The payload's image keeps its published shape: the share image only.
      image: post.image && {
        url: post.image.url,
        width: post.image.width,
        height: post.image.height,
        alt: post.image.alt,
      },
      publishedAt: post.publishedAt,
      ...(externalId ? { externalId } : {}),
    });
    const t = Math.floor(Date.now() / 1000);
    const sig = createHmac('sha256', ch.credentials.secret).update(`${t}.${body}`).digest('hex');
    const res = await call(ch, {
      method: 'POST',
      url: String(ch.options.url),
      headers: {
        'content-type': 'application/json',
        'x-khao-event': event,
        'x-khao-delivery': deliveryId,
        'x-khao-signature': `t=${t},v1=${sig}`,
      },
      bytes: { data: Buffer.from(body), contentType: 'application/json' },
    });
    if (!ok(res)) throw failure(ch, res, message(res.body));
    return res.body;
  }
}
