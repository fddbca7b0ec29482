import { Inject, Injectable } from '@nestjs/common';
import { DeliverPolicy, jetstream, type ConsumerMessages } from '@nats-io/jetstream';
import { Streams, type EventEnvelope } from '@khao/contracts';
import type { Logger } from '@khao/logging';
import { INFRA, type ServiceInfra } from '@khao/messaging';
import { LOGGER } from '../tokens.js';
import { PublicCache } from './public-cache.js';

/** Every public response that lists or looks up stories (listings, feeds, sitemap, slugs) carries this tag. */
export const ARTICLES_TAG = 'articles';

/**
 * Keeps this gateway's PublicCache honest: an ordered (non-durable, per-replica) consumer of the article and media
 * events, from the moment the gateway starts (its cache starts empty). An article event drops the pages of its story
 * and every listing; a media event drops what shows that image. Events arrive within milliseconds of the write, so a
 * correction or a take-down shows at once. After a reconnect to NATS everything is dropped, in case an event slipped
 * past while the consumer was being recreated.
 */
@Injectable()
export class PublicCacheSync {
  private messages?: ConsumerMessages;
  private loop?: Promise<void>;
  private stopped = false;

  constructor(
    private readonly cache: PublicCache,
    @Inject(INFRA) private readonly infra: ServiceInfra,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.subscribe();
    this.loop = this.follow();
    void this.watchConnection();
  }

  async onModuleDestroy(): Promise<void> {
    this.stopped = true;
    this.messages?.stop();
    await this.loop;
  }

  private async subscribe(): Promise<void> {
    const consumer = await jetstream(this.infra.nats).consumers.get(Streams.events.name, {
      filter_subjects: ['events.article.>', 'events.media.>'],
      deliver_policy: DeliverPolicy.New,
    });
    this.messages = await consumer.consume();
  }

  private async follow(): Promise<void> {
    while (!this.stopped) {
      try {
        for await (const m of this.messages!) {
          if (this.stopped) return;
          this.apply(m.subject, m.json<EventEnvelope<{ storyId?: string; mediaId?: string }>>());
        }
      } catch (err) {
        this.logger.warn({ err: (err as Error).message }, 'public cache consumer failed; resubscribing');
      }
      if (this.stopped) return;
      this.cache.clear();
      await new Promise((r) => setTimeout(r, 500));
      await this.subscribe().catch((err: Error) => this.logger.warn({ err: err.message }, 'resubscribe failed'));
    }
  }

  private apply(subject: string, event: EventEnvelope<{ storyId?: string; mediaId?: string }>): void {
    const { storyId, mediaId } = event.data ?? {};
    if (subject.startsWith('events.article.')) {
      this.cache.invalidate(storyId ? [`story:${storyId}`, ARTICLES_TAG] : [ARTICLES_TAG]);
    } else if (mediaId) {
      this.cache.invalidate([`media:${mediaId}`]);
    }
  }

  private async watchConnection(): Promise<void> {
    for await (const s of this.infra.nats.status()) {
      if (this.stopped) return;
      if (s.type === 'reconnect') this.cache.clear();
    }
  }
}
