import { Inject, Injectable, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { z } from 'zod';
import { DomainError, ErrorCode } from '@khao/contracts';
import type { Logger } from '@khao/logging';
import { INFRA, PeriodicPass, type ServiceInfra } from '@khao/messaging';
import { DueMarkers, dueMarkers } from '@khao/persistence';
import { ArticlesClient } from '../articles/articles.client.js';
import type { TranslationConfig } from '../config.js';
import { RefreshService } from '../jobs/refresh.service.js';
import { CONFIG } from '../tokens.js';
import { triggers } from './trigger.js';

/** A story whose event arrived while the articles service could not answer: fetched again from `dueAt` on. */
const StoryFetches = dueMarkers('story_fetches', { attempts: z.number().int(), lastError: z.string() });

/**
 * Turns "this story's source changed" into jobs: fetches the story (as the reader actor), checks the trigger on its
 * source version, refreshes the jobs. When the articles service does not answer, the story id is kept in the small
 * `story_fetches` collection and fetched again with the TRANSLATION_RETRY_MS backoff, for as long as it takes: the
 * event is acknowledged, so an outage of the articles service never sends article events to the dead letters.
 */
@Injectable()
export class StoryFetch implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly pending: DueMarkers<(typeof StoryFetches)['schema']['shape']>;
  private readonly log: Logger;
  private readonly retries: PeriodicPass;

  constructor(
    private readonly articles: ArticlesClient,
    private readonly refresh: RefreshService,
    @Inject(CONFIG) private readonly config: TranslationConfig,
    @Inject(INFRA) infra: ServiceInfra,
  ) {
    this.pending = new DueMarkers(infra.mongo, StoryFetches);
    this.log = infra.logger.child({ component: 'story-fetch' });
    this.retries = new PeriodicPass({
      what: 'retrying story fetches',
      everyMs: config.TRANSLATION_POLL_MS,
      logger: this.log,
      pass: () => this.retryDue(),
    });
  }

  /** Also retries at once what was due when the process stopped. */
  onApplicationBootstrap(): void {
    this.retries.start();
  }

  /** Waits for a retry pass in flight, so a fetch is never cut off between the story and its jobs. */
  onModuleDestroy(): Promise<void> {
    return this.retries.stop();
  }

  /** Fetches the story and refreshes its jobs, or keeps it for later when the articles service is unavailable. */
  async fetchAndRefresh(storyId: string): Promise<void> {
    try {
      const story = await this.articles.find(storyId);
      if (!story) {
        this.log.debug({ storyId }, 'story not found here; nothing to translate');
      } else {
        const source = story.versions.find((x) => x.language === story.sourceLanguage);
        if (source && triggers(this.config.TRANSLATION_TRIGGER, source.status)) await this.refresh.refreshStory(story);
      }
      await this.pending.done(storyId);
    } catch (err) {
      if (!(err instanceof DomainError && err.code === ErrorCode.Unavailable)) throw err;
      await this.later(storyId, err.message);
    }
  }

  private async later(storyId: string, error: string): Promise<void> {
    const prev = await this.pending.get(storyId);
    const attempts = (prev?.attempts ?? 0) + 1;
    const delays = this.config.TRANSLATION_RETRY_MS;
    const delay = delays[Math.min(attempts - 1, delays.length - 1)] ?? 60_000;
    await this.pending.schedule(storyId, new Date(Date.now() + delay), { attempts, lastError: error });
    this.log.warn({ storyId, attempts, retryInMs: delay, err: error }, 'articles unavailable; story kept for later');
  }

  private async retryDue(): Promise<void> {
    for (const p of await this.pending.due(new Date(), Infinity)) {
      if (this.retries.isStopped) return;
      await this.fetchAndRefresh(p._id);
    }
  }
}
