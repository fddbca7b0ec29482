import { Inject, Injectable } from '@nestjs/common';
import {
  ArticlesPublicRpc,
  DomainError,
  ErrorCode,
  MediaRpc,
  type Language,
  type PublicListItem,
  type PublicListQuery,
  type PublicSearchHit,
  type PublicSearchQuery,
  type PublicSearchReply,
  type PublicStory,
  type PublicTranslation,
  type ResolvedImage,
} from '@khao/contracts';
import type { Logger } from '@khao/logging';
import { RpcClient } from '@khao/messaging';
import type { GatewayConfig } from '../config.js';
import { CONFIG, LOGGER } from '../tokens.js';
import { ImageCache } from './image-cache.js';
import { PublicUrls } from './public-urls.js';
import { shareLinks, type ShareLinks } from './share-links.js';

/** Image ids per media resolve from the sitemaps. */
const RESOLVE_SLICE = 200;

export type LinkedTranslation = PublicTranslation & { url: string };

/** A published story as the public API and the page show it. */
export interface StoryView extends Omit<PublicStory, 'translations'> {
  url: string;
  translations: LinkedTranslation[];
  images: { cover: ResolvedImage | null; gallery: ResolvedImage[] };
  shareLinks: ShareLinks;
}

export interface ListItemView extends Omit<PublicListItem, 'translations'> {
  url: string;
  translations: LinkedTranslation[];
  cover: ResolvedImage | null;
}

export interface SearchHitView extends Omit<PublicSearchHit, 'translations'> {
  url: string;
  translations: LinkedTranslation[];
}

export type SearchView = Omit<PublicSearchReply, 'items'> & { items: SearchHitView[] };

export type StoryLookup =
  | { kind: 'story'; view: StoryView; imagesComplete: boolean }
  | { kind: 'moved'; slug: string }
  | { kind: 'gone' }
  | { kind: 'missing' };

/**
 * Gathers what readers see: published versions from the articles service, images from the media service. Images
 * are an extra: when the media service does not answer, the story comes without them (and the caller caches that
 * only briefly) — a page never fails for want of a photo.
 */
@Injectable()
export class PublicContentService {
  readonly urls: PublicUrls;

  constructor(
    private readonly rpc: RpcClient,
    private readonly imageCache: ImageCache,
    @Inject(CONFIG) private readonly config: GatewayConfig,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {
    this.urls = new PublicUrls(config.PUBLIC_BASE_URL);
  }

  async story(language: Language, slug: string): Promise<StoryLookup> {
    let reply;
    try {
      reply = await this.rpc.request(ArticlesPublicRpc.get, { language, slug });
    } catch (err) {
      if (err instanceof DomainError && err.code === ErrorCode.NotFound) return { kind: 'missing' };
      throw err;
    }
    if (reply.kind !== 'story') return reply;
    return this.view(reply.story, language);
  }

  /** Any version of a story as its page would show it (the draft preview); null when it has no such version. */
  async preview(storyId: string, language: Language): Promise<Extract<StoryLookup, { kind: 'story' }> | null> {
    try {
      const { story } = await this.rpc.request(ArticlesPublicRpc.preview, { storyId, language });
      return await this.view(story, language);
    } catch (err) {
      if (err instanceof DomainError && err.code === ErrorCode.NotFound) return null;
      throw err;
    }
  }

  private async view(s: PublicStory, language: Language): Promise<Extract<StoryLookup, { kind: 'story' }>> {
    const ids = [...(s.coverMediaId ? [s.coverMediaId] : []), ...s.galleryMediaIds];
    const images = await this.images(ids, language);
    const url = this.urls.story(language, s.slug);
    const view: StoryView = {
      ...s,
      url,
      translations: this.linked(s.translations),
      images: {
        cover: (s.coverMediaId && images?.get(s.coverMediaId)) || null,
        gallery: s.galleryMediaIds.flatMap((id) => images?.get(id) ?? []),
      },
      shareLinks: shareLinks({ url, title: s.title, summary: s.summary }),
    };
    return { kind: 'story', view, imagesComplete: images !== null };
  }

  async list(
    query: PublicListQuery,
  ): Promise<{ items: ListItemView[]; nextCursor: string | null; imagesComplete: boolean }> {
    const page = await this.rpc.request(ArticlesPublicRpc.list, query);
    const covers = [...new Set(page.items.flatMap((i) => (i.coverMediaId ? [i.coverMediaId] : [])))];
    // One resolve per language (captions and alt differ), asked at once rather than one after the other.
    const languages = [...new Set(page.items.map((i) => i.language))];
    const byLanguage = new Map<Language, Map<string, ResolvedImage> | null>(
      await Promise.all(
        languages.map(async (lang) => {
          const ids = covers.filter((id) => page.items.some((i) => i.language === lang && i.coverMediaId === id));
          return [lang, await this.images(ids, lang)] as const;
        }),
      ),
    );
    return {
      items: page.items.map((i) => ({
        ...i,
        url: this.urls.story(i.language, i.slug),
        translations: this.linked(i.translations),
        cover: (i.coverMediaId && byLanguage.get(i.language)?.get(i.coverMediaId)) || null,
      })),
      nextCursor: page.nextCursor,
      imagesComplete: [...byLanguage.values()].every((m) => m !== null),
    };
  }

  /** The months with publications per language (the sitemap index). */
  async sitemapMonths() {
    return (await this.rpc.request(ArticlesPublicRpc.sitemapMonths, {})).months;
  }

  /** One page of a month's publications with their photos resolved (null: the media service did not answer). */
  async sitemapPage(language: Language, month: string, page: number) {
    const { items } = await this.rpc.request(ArticlesPublicRpc.sitemapPage, { language, month, page });
    const ids = [...new Set(items.flatMap((i) => i.mediaIds))];
    const images = new Map<string, ResolvedImage>();
    // In slices, so that a month of many photos stays far below a NATS message's size.
    for (let i = 0; i < ids.length; i += RESOLVE_SLICE) {
      const part = await this.images(ids.slice(i, i + RESOLVE_SLICE), language);
      if (!part) return { items, images: null };
      for (const [id, img] of part) images.set(id, img);
    }
    return { items, images };
  }

  /** Published versions of one language matching a text query, best first, with snippets (no images). */
  async search(query: PublicSearchQuery): Promise<SearchView> {
    const reply = await this.rpc.request(ArticlesPublicRpc.search, query);
    return {
      ...reply,
      items: reply.items.map((i) => ({
        ...i,
        url: this.urls.story(i.language, i.slug),
        translations: this.linked(i.translations),
      })),
    };
  }

  private linked(translations: PublicTranslation[]): LinkedTranslation[] {
    return translations.map((t) => ({ ...t, url: this.urls.story(t.language, t.slug) }));
  }

  /** Images by id in one language, from the image cache or else the media service; null when it did not answer. */
  private async images(ids: string[], language: Language): Promise<Map<string, ResolvedImage> | null> {
    const { found, missing, token } = this.imageCache.lookup(ids, language);
    if (missing.length === 0) return found;
    try {
      const { items } = await this.rpc.request(
        MediaRpc.resolve,
        { ids: missing, language },
        { timeoutMs: this.config.MEDIA_RESOLVE_TIMEOUT_MS },
      );
      this.imageCache.store(items, language, token);
      for (const i of items) found.set(i.id, i);
      return found;
    } catch (err) {
      this.logger.warn({ err: (err as Error).message }, 'media did not resolve; rendering without images');
      return null;
    }
  }
}
