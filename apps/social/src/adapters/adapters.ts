import type { ChannelType } from '@khao/contracts';
import type { Adapter } from './adapter.js';
import { BlueskyAdapter } from './bluesky.adapter.js';
import { FacebookAdapter } from './facebook.adapter.js';
import { LineAdapter } from './line.adapter.js';
import { MastodonAdapter } from './mastodon.adapter.js';
import { TelegramAdapter } from './telegram.adapter.js';
import { WebhookAdapter } from './webhook.adapter.js';
import { XAdapter } from './x.adapter.js';

/** One adapter per channel type (they hold per-replica state such as Bluesky sessions). */
export class Adapters {
  private readonly byType: Record<ChannelType, Adapter> = {
    webhook: new WebhookAdapter(),
    facebook_page: new FacebookAdapter(),
    x: new XAdapter(),
    line_oa: new LineAdapter(),
    mastodon: new MastodonAdapter(),
    telegram: new TelegramAdapter(),
    bluesky: new BlueskyAdapter(),
  };

  for(type: ChannelType): Adapter {
    return this.byType[type];
  }
}
