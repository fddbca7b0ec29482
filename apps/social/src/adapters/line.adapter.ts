import { createHash } from 'node:crypto';
import type { Adapter, ChannelContext, OutgoingPost, Sent } from './adapter.js';
import { call, failure, ok, str } from './http.js';

/**
 * LINE Official Account: `POST /v2/bot/message/broadcast` (or `/push` to one id) with `X-Line-Retry-Key`, a UUID
 * derived from the post key so every retry carries the same one: LINE accepts a key once and answers a repeat with
 * 409 and `x-line-accepted-request-id`, which counts as sent. LINE messages cannot be deleted or edited.
 */
export class LineAdapter implements Adapter {
  readonly type = 'line_oa';
  readonly idempotent = true;

  async send(ch: ChannelContext, post: OutgoingPost): Promise<Sent> {
    const push = ch.options.mode === 'push';
    const messages: unknown[] = [{ type: 'text', text: post.text }];
    if (post.image) {
      messages.push({ type: 'image', originalContentUrl: post.image.url, previewImageUrl: post.image.url });
    }
    const res = await call(ch, {
      method: 'POST',
      url: `${ch.baseUrl}/v2/bot/message/${push ? 'push' : 'broadcast'}`,
      headers: { authorization: `Bearer ${ch.credentials.channelAccessToken}`, 'x-line-retry-key': retryKey(post.key) },
      json: push ? { to: ch.options.to, messages } : { messages },
    });
    if (res.status === 409 && res.headers.get('x-line-accepted-request-id')) {
      return { externalId: res.headers.get('x-line-accepted-request-id'), externalUrl: null };
    }
    if (!ok(res)) {
      const text = str(res.body, 'message') ?? JSON.stringify(res.body).slice(0, 300);
      // The monthly message quota: trying again this month cannot succeed.
      if (res.status === 429 && /monthly limit/i.test(text)) throw failure(ch, res, text, 'permanent');
      throw failure(ch, res, text);
    }
    return { externalId: res.headers.get('x-line-request-id'), externalUrl: null };
  }
}

/** A UUID (version 4 layout) derived from the post key: the same key, the same retry key. */
export function retryKey(key: string): string {
  const h = createHash('sha256').update(key).digest();
  h[6] = (h[6] & 0x0f) | 0x40;
  h[8] = (h[8] & 0x3f) | 0x80;
  const x = h.subarray(0, 16).toString('hex');
  return `${x.slice(0, 8)}-${x.slice(8, 12)}-${x.slice(12, 16)}-${x.slice(16, 20)}-${x.slice(20, 32)}`;
}
