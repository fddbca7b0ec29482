import {
  isPlatformError,
  PlatformError,
  type Adapter,
  type ChannelContext,
  type OutgoingPost,
  type PublishedPost,
  type Reconciled,
  type Sent,
} from './adapter.js';
import { call, failure, ok, type PlatformResponse } from './http.js';

/** What the Bot API answers when it cannot fetch or use the photo URL (nothing is posted then). */
const PHOTO_REFUSED =
  /failed to get HTTP URL content|wrong type of the web page content|wrong file identifier\/HTTP URL specified|IMAGE_PROCESS_FAILED|PHOTO_INVALID_DIMENSIONS|PHOTO_SAVE_FILE_INVALID/i;

/**
 * Telegram Bot API: `sendPhoto` (cover image, text as caption) or `sendMessage` to the channel. The Bot API has no
 * idempotency key and a bot cannot read a channel's history, so a lost answer cannot be reconciled by software:
 * the post stays unconfirmed for a person to check. Deletes (`deleteMessage`) and edits (`editMessageText` /
 * `editMessageCaption`) are supported.
 */
export class TelegramAdapter implements Adapter {
  readonly type = 'telegram';
  readonly idempotent = false;

  usesCaption(ch: Pick<ChannelContext, 'options'>, post: Pick<OutgoingPost, 'image'>): boolean {
    return !!post.image && ch.options.sendPhoto !== false;
  }

  async send(ch: ChannelContext, post: OutgoingPost): Promise<Sent> {
    let photo = this.usesCaption(ch, post);
    const text = () => this.method(ch, 'sendMessage', { chat_id: ch.options.chatId, text: post.text });
    let res: PlatformResponse;
    if (photo) {
      try {
        res = await this.method(ch, 'sendPhoto', {
          chat_id: ch.options.chatId,
          photo: post.image!.url,
          caption: post.text,
        });
      } catch (err) {
        // Telegram fetches the photo itself; when it cannot use it nothing was posted, so the text goes alone.
        if (!isPlatformError(err) || err.status !== 400 || !PHOTO_REFUSED.test(err.message)) throw err;
        ch.logger.warn(
          { postId: post.postId, channelId: ch.id, err: err.message },
          'Telegram refused the photo; sending the text',
        );
        photo = false;
        res = await text();
      }
    } else res = await text();
    const result = (res.body as { result?: { message_id?: number; chat?: { username?: string } } }).result;
    const id = result?.message_id !== undefined ? String(result.message_id) : null;
    const username = result?.chat?.username;
    return {
      externalId: id,
      externalUrl: id && username ? `https://t.me/${username}/${id}` : null,
      data: { photo },
    };
  }

  /** getMe proves the bot token; getChat proves the bot can see the chat. */
  async check(ch: ChannelContext): Promise<string> {
    const me = (await this.method(ch, 'getMe', {})).body as { result?: { username?: string } };
    const chat = (await this.method(ch, 'getChat', { chat_id: ch.options.chatId })).body as {
      result?: { title?: string; username?: string };
    };
    const where = chat.result?.title ?? chat.result?.username ?? String(ch.options.chatId);
    return `@${me.result?.username ?? 'bot'} → ${where}`;
  }

  reconcile(): Promise<Reconciled> {
    return Promise.resolve({
      state: 'unknown',
      reason: 'the Telegram Bot API cannot read the channel: check the channel, then retry with confirmNotPosted',
    });
  }

  async remove(ch: ChannelContext, _post: OutgoingPost, published: PublishedPost): Promise<void> {
    await this.method(ch, 'deleteMessage', { chat_id: ch.options.chatId, message_id: Number(published.externalId) }, [
      /message to delete not found/i,
    ]);
  }

  async edit(ch: ChannelContext, post: OutgoingPost, published: PublishedPost): Promise<void> {
    const message_id = Number(published.externalId);
    if (published.data.photo) {
      await this.method(ch, 'editMessageCaption', { chat_id: ch.options.chatId, message_id, caption: post.text }, [
        /message is not modified/i,
      ]);
    } else {
      await this.method(ch, 'editMessageText', { chat_id: ch.options.chatId, message_id, text: post.text }, [
        /message is not modified/i,
      ]);
    }
  }

  /** A Bot API method; `fine` lists descriptions that mean the wanted state holds already. */
  private async method(
    ch: ChannelContext,
    name: string,
    body: unknown,
    fine: RegExp[] = [],
  ): Promise<PlatformResponse> {
    const res = await call(ch, {
      method: 'POST',
      url: `${ch.baseUrl}/bot${ch.credentials.botToken}/${name}`,
      json: body,
    });
    const b = res.body as { ok?: boolean; description?: string; parameters?: { retry_after?: number } };
    if (ok(res) && b.ok !== false) return res;
    const description = b.description ?? JSON.stringify(res.body).slice(0, 300);
    if (fine.some((re) => re.test(description))) return res;
    const err = failure(ch, res, description);
    // Telegram says how long to wait in the body: `parameters.retry_after` seconds.
    const wait = b.parameters?.retry_after;
    if (res.status === 429 && wait !== undefined)
      throw new PlatformError(err.kind, err.message, wait * 1000, res.status);
    throw err;
  }
}
