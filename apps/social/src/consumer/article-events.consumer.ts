import { Inject, Injectable } from '@nestjs/common';
import { ArticleEvents, isImportedPublish } from '@khao/contracts';
import { EventConsumer, INFRA, type ServiceInfra } from '@khao/messaging';
import type { SocialConfig } from '../config.js';
import { CONFIG } from '../tokens.js';
import { FollowThrough } from './follow-through.js';
import { PostQueue } from './post-queue.js';

/**
 * The durable consumer of the article events (`EVENTS_CONSUMER`, shared by the replicas): published → queue one
 * post per matching channel (not for an imported story); updated → correct the posts; unpublished/deleted → take them down. Events of stories
 * this service has no channel for are nothing to do.
 */
@Injectable()
export class ArticleEventsConsumer {
  private readonly consumers: EventConsumer[] = [];

  constructor(
    private readonly queue: PostQueue,
    private readonly follow: FollowThrough,
    @Inject(CONFIG) private readonly config: SocialConfig,
    @Inject(INFRA) private readonly infra: ServiceInfra,
  ) {}

  /**
   * `SOCIAL_EVENT_HANDLERS` pullers on the one durable: events are handled concurrently (as they are across
   * replicas). Events of one story may therefore be handled out of order; revisions settle it (see PostQueue and
   * FollowThrough): an older event never undoes a newer one.
   */
  async onApplicationBootstrap(): Promise<void> {
    for (let i = 0; i < this.config.SOCIAL_EVENT_HANDLERS; i++) this.consumers.push(this.consumer());
    for (const c of this.consumers) await c.start();
  }

  async onModuleDestroy(): Promise<void> {
    await Promise.all(this.consumers.map((c) => c.stop()));
  }

  private consumer(): EventConsumer {
    return (
      new EventConsumer({
        nc: this.infra.nats,
        jsm: this.infra.jsm,
        publisher: this.infra.publisher,
        inbox: this.infra.inbox,
        logger: this.infra.logger,
        durable: this.config.EVENTS_CONSUMER,
        // A story imported from an archive was published years ago: posting it now would flood every channel.
        skip: (e) => (isImportedPublish(e) ? 'imported' : undefined),
        maxDeliveries: this.config.EVENT_MAX_DELIVERIES,
        backoffMs: this.config.EVENT_BACKOFF_MS,
      })
        .on(ArticleEvents.versionPublished, (e) => this.queue.published(e.data, new Date(e.occurredAt)))
        // Imported ones are skipped before they get here.
        .on(ArticleEvents.versionPublishedV2, (e) => this.queue.published(e.data, new Date(e.occurredAt)))
        .on(ArticleEvents.versionUpdated, (e) => this.follow.corrected(e.data))
        .on(ArticleEvents.versionUnpublished, ({ data: v, occurredAt }) =>
          this.follow.takenDown(v.storyId, [v.language], v.revision, new Date(occurredAt)),
        )
        .on(ArticleEvents.deleted, ({ data: d, occurredAt }) =>
          this.follow.takenDown(
            d.storyId,
            d.versions.map((v) => v.language),
            d.revision,
            new Date(occurredAt),
          ),
        )
    );
  }
}
