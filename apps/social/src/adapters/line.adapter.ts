import { createHash } from 'node:crypto';
import type { Adapter, ChannelContext, CoverImage, OutgoingPost, Sent } from './adapter.js';
import { call, failure, ok, str } from './http.js';

/**
 * LINE Official Account: `POST /v2/bot/message/broadcast` (or `/push` to one id) with `X-Line-Retry-Key`, a UUID
 * derived from the post key so every retry carries the same one: LINE accepts a key once and answers a repeat with
 * 409 and `x-line-accepted-request-id`, which counts as sent. LINE messages cannot be deleted or edited. The cover
 * goes along as an `image` message only when LINE would take it (see `lineImage`).
 */
export class LineAdapter implements Adapter {
  readonly type = 'line_oa';
  readonly idempotent = true;

  /** The bot's info (`GET /v2/bot/info`): proves the channel access token. */
  async check(ch: ChannelContext): Promise<string> {
    const res = await call(ch, {
      method: 'GET',
      url: `${ch.baseUrl}/v2/bot/info`,
      headers: { authorization: `Bearer ${ch.credentials.channelAccessToken}` },
    });
    if (!ok(res)) throw failure(ch, res, str(res.body, 'message') ?? JSON.stringify(res.body).slice(0, 300));
    return str(res.body, 'displayName') ?? str(res.body, 'basicId') ?? 'LINE OA';
  }

  async send(ch: ChannelContext, post: OutgoingPost): Promise<Sent> {
    const push = ch.options.mode === 'push';
    const messages: unknown[] = [{ type: 'text', text: post.text }];
    const image = post.image && lineImage(post.image);
    if (typeof image === 'string') {
      ch.logger.warn({ postId: post.postId, channelId: ch.id }, `LINE: cover image left out: ${image}`);
    } else if (image) messages.push(image);
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

/** LINE's limits for an image message: https URLs of at most 2000 characters, a preview of at most 1 MB. */
const URL_MAX = 2000;
const PREVIEW_MAX_BYTES = 1024 * 1024;

/**
 * The cover as a LINE `image` message (the 1200×630 share image, the smallest JPEG rendition as its preview), or why
 * it cannot be one: the Messaging API refuses the whole request (400) for an http:// or over-long URL or an oversized
 * preview, so such an image is left out and the text goes alone.
 */
export function lineImage(
  img: CoverImage,
): { type: 'image'; originalContentUrl: string; previewImageUrl: string } | string {
  const preview = img.preview;
  if (!preview) return 'no JPEG rendition to use as the preview';
  for (const url of [img.url, preview.url]) {
    if (!url.startsWith('https://'))
      return `LINE takes only https image URLs, not ${url.slice(0, 80)} (MEDIA_PUBLIC_BASE_URL)`;
    if (url.length > URL_MAX) return `the image URL is longer than ${URL_MAX} characters`;
  }
  if (preview.bytes > PREVIEW_MAX_BYTES) return `the preview is ${preview.bytes} bytes, over LINE's 1 MB`;
  return { type: 'image', originalContentUrl: img.url, previewImageUrl: preview.url };
}

/** A UUID (version 4 layout) derived from the post key: the same key, the same retry key. */
export function retryKey(key: string): string {
  const h = createHash('sha256').update(key).digest();
  h[6] = (h[6] & 0x0f) | 0x40;
  h[8] = (h[8] & 0x3f) | 0x80;
  const x = h.subarray(0, 16).toString('hex');
  return `${x.slice(0, 8)}-${x.slice(8, 12)}-${x.slice(12, 16)}-${x.slice(16, 20)}-${x.slice(20, 32)}`;
}
