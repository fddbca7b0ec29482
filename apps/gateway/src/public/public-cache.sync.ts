import { Inject, Injectable } from '@nestjs/common';
import { EventFamilies, inFamily, type EventEnvelope } from '@khao/contracts';
import type { Logger } from '@khao/logging';
import { EventFollower, INFRA, type ServiceInfra } from '@khao/messaging';
import { LOGGER } from '../tokens.js';
import { ImageCache } from './image-cache.js';
import { PublicCache } from './public-cache.js';

/** Every public response that lists or looks up stories (listings, feeds, slugs) carries this tag. */
export const ARTICLES_TAG = 'articles';
/** The sitemap index (its months and their lastmod): dropped by every article event. */
export const SITEMAP_INDEX_TAG = 'sitemap-index';
/** A language's month of publications (UTC): a version published then enters that month's sitemap. */
export const sitemapMonthTag = (language: string, month: string) => `sitemap:${language}:${month}`;

/**
 * Keeps this gateway's PublicCache honest: it follows the article and media events from the moment the gateway
 * starts (its cache starts empty). An article event drops the pages of its story and every listing; a media event
 * drops what shows that image. Events arrive within milliseconds of the write, so a correction or a take-down shows
 * at once. Whenever an event may have slipped past, everything is dropped.
 */
@Injectable()
export class PublicCacheSync {
  private readonly follower: EventFollower;

  constructor(
    private readonly cache: PublicCache,
    private readonly images: ImageCache,
    @Inject(INFRA) infra: ServiceInfra,
    @Inject(LOGGER) logger: Logger,
  ) {
    this.follower = new EventFollower({
      nats: infra.nats,
      families: [EventFamilies.article, EventFamilies.media],
      logger: logger.child({ component: 'public-cache' }),
      onEvent: (subject, event) => this.apply(subject, event),
      onGap: () => {
        cache.clear();
        images.clear();
      },
    });
  }

  onApplicationBootstrap(): Promise<void> {
    return this.follower.start();
  }

  onModuleDestroy(): Promise<void> {
    return this.follower.stop();
  }

  private apply(subject: string, event: EventEnvelope): void {
    const { storyId, mediaId, language, publishedAt } = (event.data ?? {}) as {
      storyId?: string;
      mediaId?: string;
      language?: string;
      publishedAt?: string | null;
    };
    if (inFamily(subject, EventFamilies.article)) {
      const tags = [ARTICLES_TAG, SITEMAP_INDEX_TAG];
      if (storyId) tags.push(`story:${storyId}`);
      // The sitemaps that list the story carry its tag; a version just published is not in one yet.
      if (language && publishedAt)
        tags.push(sitemapMonthTag(language, new Date(publishedAt).toISOString().slice(0, 7)));
      this.cache.invalidate(tags);
    } else if (mediaId) {
      this.images.forget(mediaId);
      this.cache.invalidate([`media:${mediaId}`]);
    }
  }
}
