import { Inject, Injectable } from '@nestjs/common';
import type { EventEnvelope } from '@khao/contracts';
import { EventFollower, INFRA, type ServiceInfra } from '@khao/messaging';
import { StoryIndex } from './story-index.js';
import { StoryRepository } from './story.repository.js';

/**
 * Keeps this replica's StoryIndex in step with every replica's writes: it follows the article events from a little
 * before the initial load, so nothing falls in between (events wait until the load is done); each event reloads its
 * story by `_id`. Should an event slip past, the whole index is reloaded. Searches wait until the initial load is
 * done.
 */
@Injectable()
export class StoryIndexSync {
  private follower?: EventFollower;
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
    this.follower = new EventFollower({
      nats: this.infra.nats,
      subjects: ['events.article.>'],
      logger: this.infra.logger.child({ component: 'story-index' }),
      startAt: new Date(Date.now() - 5000),
      onEvent: (_subject, event) => this.apply(event),
      onGap: () => this.reload(),
    });
    await this.follower.start();
    const started = Date.now();
    for await (const doc of this.stories.scanLive()) this.index.put(doc);
    this.infra.logger.info({ stories: this.index.size, ms: Date.now() - started }, 'story index loaded');
    this.markReady();
  }

  async onModuleDestroy(): Promise<void> {
    await this.follower?.stop();
  }

  private async apply(event: EventEnvelope): Promise<void> {
    await this.ready;
    const { storyId, revision } = (event.data ?? {}) as { storyId?: string; revision?: number };
    if (!storyId) return;
    // This replica's own writes are in the index already.
    if (revision !== undefined && (this.index.revisionOf(storyId) ?? 0) >= revision) return;
    try {
      const doc = await this.stories.findLive(storyId);
      if (doc) this.index.put(doc);
      else this.index.remove(storyId);
    } catch (err) {
      this.infra.logger.warn({ err: (err as Error).message }, 'story index update failed; the next event retries');
    }
  }

  /** Every live story read again; what is no longer live goes, unless an event changed it meanwhile. */
  private async reload(): Promise<void> {
    await this.ready;
    const before = new Map(this.index.ids().map((id) => [id, this.index.revisionOf(id)]));
    const live = new Set<string>();
    for await (const doc of this.stories.scanLive()) {
      live.add(doc._id);
      if ((this.index.revisionOf(doc._id) ?? -1) <= doc.revision) this.index.put(doc);
    }
    for (const [id, revision] of before) {
      if (!live.has(id) && this.index.revisionOf(id) === revision) this.index.remove(id);
    }
    this.infra.logger.info({ stories: this.index.size }, 'story index reloaded after a gap in the events');
  }
}
