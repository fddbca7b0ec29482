import { Inject, Injectable, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { ArticleEvents, isImportedPublish, type VersionEvent } from '@khao/contracts';
import { EventConsumer, INFRA, type ServiceInfra } from '@khao/messaging';
import { z } from 'zod';
import type { TranslationConfig } from '../config.js';
import { RefreshService } from '../jobs/refresh.service.js';
import { CONFIG } from '../tokens.js';
import { StoryFetch } from './story-fetch.js';
import { triggerEvents, triggers } from './trigger.js';

const StoryOf = z.object({ storyId: z.string() });

/**
 * Article events → jobs, through a durable consumer (EVENTS_CONSUMER) shared by the replicas. Events carry no body:
 * the source version is fetched from the articles service (StoryFetch). A story that does not exist is not ours
 * (the stream carries every platform's events in tests; or it was deleted since): acknowledged, nothing to do.
 */
@Injectable()
export class ArticleEventsConsumer implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly consumer: EventConsumer;

  constructor(
    private readonly refresh: RefreshService,
    private readonly fetch: StoryFetch,
    @Inject(CONFIG) private readonly config: TranslationConfig,
    @Inject(INFRA) infra: ServiceInfra,
  ) {
    this.consumer = new EventConsumer({
      nc: infra.nats,
      jsm: infra.jsm,
      publisher: infra.publisher,
      inbox: infra.inbox,
      logger: infra.logger,
      durable: config.EVENTS_CONSUMER,
      // Several stories at once (each event waits mostly on the articles service and the database); one story's
      // events still one after another, in stream order.
      concurrency: config.TRANSLATION_EVENT_HANDLERS,
      keyOf: (e) => StoryOf.safeParse(e.data).data?.storyId ?? e.id,
      // An archive's stories were published as they were: machine-translating years of them is nobody's request.
      skip: (e) => (isImportedPublish(e) ? 'imported' : undefined),
      maxDeliveries: config.EVENT_MAX_DELIVERIES,
      backoffMs: config.EVENT_BACKOFF_MS,
    })
      .on(ArticleEvents.deleted, (e) => this.refresh.deleteStory(e.data.storyId))
      // Imported ones are skipped before they get here.
      .on(ArticleEvents.versionPublishedV2, (e) => this.versionChanged(e.data));
    for (const d of triggerEvents(config.TRANSLATION_TRIGGER)) {
      if (d !== ArticleEvents.versionPublishedV2) this.consumer.on(d, (e) => this.versionChanged(e.data));
    }
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.consumer.start();
  }

  async onModuleDestroy(): Promise<void> {
    await this.consumer.stop();
  }

  private async versionChanged(v: VersionEvent): Promise<void> {
    // Translations' own saves, and statuses this trigger ignores, start nothing.
    if (v.language !== v.sourceLanguage || !triggers(this.config.TRANSLATION_TRIGGER, v.status)) return;
    await this.fetch.fetchAndRefresh(v.storyId);
  }
}
