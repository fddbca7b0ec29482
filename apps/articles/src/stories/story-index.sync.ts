import { Inject, Injectable } from '@nestjs/common';
import { DeliverPolicy, jetstream, type ConsumerMessages } from '@nats-io/jetstream';
import { Streams, type EventEnvelope } from '@khao/contracts';
import { INFRA, type ServiceInfra } from '@khao/messaging';
import { StoryIndex } from './story-index.js';
import { StoryRepository } from './story.repository.js';

/**
 * Keeps this replica's StoryIndex in step with every replica's writes: an ordered (non-durable, per-replica)
 * consumer of the article events, started a little before the initial load so nothing falls in between; each
 * event reloads its story by `_id`. Searches wait until the initial load is done.
 */
@Injectable()
export class StoryIndexSync {
  private messages?: ConsumerMessages;
  private loop?: Promise<void>;
  private stopped = false;
  readonly ready: Promise<void>;
  private markReady!: () => void;

  constructor(
    private readonly index: StoryIndex,
    private readonly stories: StoryRepository,
    @Inject(INFRA) private readonly infra: ServiceInfra,
  ) {
    this.ready = new Promise((resolve) => (this.markReady = resolve));
  }

  async onApplicationBootstrap(): Promise<void> {
    const since = new Date(Date.now() - 5000).toISOString();
    const consumer = await jetstream(this.infra.nats).consumers.get(Streams.events.name, {
      filter_subjects: ['events.article.>'],
      deliver_policy: DeliverPolicy.StartTime,
      opt_start_time: since,
    });
    this.messages = await consumer.consume();
    const started = Date.now();
    for await (const doc of this.stories.scanLive()) this.index.put(doc);
    this.infra.logger.info({ stories: this.index.size, ms: Date.now() - started }, 'story index loaded');
    this.markReady();
    this.loop = this.follow();
  }

  async onModuleDestroy(): Promise<void> {
    this.stopped = true;
    this.messages?.stop();
    await this.loop;
  }

  private async follow(): Promise<void> {
    if (!this.messages) return;
    for await (const m of this.messages) {
      if (this.stopped) break;
      try {
        const { data } = m.json<EventEnvelope<{ storyId?: string; revision?: number }>>();
        if (!data.storyId) continue;
        // This replica's own writes are in the index already.
        if (data.revision !== undefined && (this.index.revisionOf(data.storyId) ?? 0) >= data.revision) continue;
        const doc = await this.stories.findLive(data.storyId);
        if (doc) this.index.put(doc);
        else this.index.remove(data.storyId);
      } catch (err) {
        this.infra.logger.warn({ err: (err as Error).message }, 'story index update failed; the next event retries');
      }
    }
  }
}
