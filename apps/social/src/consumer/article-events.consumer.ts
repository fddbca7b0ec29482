import { Inject, Injectable } from '@nestjs/common';
import {
  ArticleEvents,
  isImportedPublish,
  PublishedEventSchema,
  VersionEventSchema,
  type EventEnvelope,
} from '@khao/contracts';
import { EventConsumer, INFRA, type ServiceInfra } from '@khao/messaging';
import type { SocialConfig } from '../config.js';
import { CONFIG } from '../tokens.js';
import { FollowThrough } from './follow-through.js';
import { PostQueue } from './post-queue.js';

const DeletedSchema = ArticleEvents.deleted.data;

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
    return new EventConsumer({
      nc: this.infra.nats,
      jsm: this.infra.jsm,
      publisher: this.infra.publisher,
      inbox: this.infra.inbox,
      logger: this.infra.logger,
      durable: this.config.EVENTS_CONSUMER,
      subjects: [
        ArticleEvents.versionPublished.subject,
        ArticleEvents.versionPublishedV2.subject,
        ArticleEvents.versionUpdated.subject,
        ArticleEvents.versionUnpublished.subject,
        ArticleEvents.deleted.subject,
      ],
      // A story imported from an archive was published years ago: posting it now would flood every channel.
      skip: (e) => (isImportedPublish(e) ? 'imported' : undefined),
      handler: (e) => this.handle(e),
      maxDeliveries: this.config.EVENT_MAX_DELIVERIES,
      backoffMs: this.config.EVENT_BACKOFF_MS,
    });
  }

  private async handle(e: EventEnvelope): Promise<void> {
    switch (e.type) {
      case ArticleEvents.versionPublished.type:
        return this.queue.published(VersionEventSchema.parse(e.data), new Date(e.occurredAt));
      case ArticleEvents.versionPublishedV2.type:
        // Imported ones are skipped before they get here.
        return this.queue.published(PublishedEventSchema.parse(e.data), new Date(e.occurredAt));
      case ArticleEvents.versionUpdated.type:
        return this.follow.corrected(VersionEventSchema.parse(e.data));
      case ArticleEvents.versionUnpublished.type: {
        const v = VersionEventSchema.parse(e.data);
        return this.follow.takenDown(v.storyId, [v.language], v.revision, new Date(e.occurredAt));
      }
      case ArticleEvents.deleted.type: {
        const d = DeletedSchema.parse(e.data);
        return this.follow.takenDown(
          d.storyId,
          d.versions.map((v) => v.language),
          d.revision,
          new Date(e.occurredAt),
        );
      }
      default:
        return;
    }
  }
}
