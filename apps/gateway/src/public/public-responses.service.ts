import { Inject, Injectable } from '@nestjs/common';
import {
  DomainError,
  ErrorCode,
  LanguageSchema,
  type Language,
  type PublicListItem,
  type PublicListQuery,
  type PublicSearchQuery,
} from '@khao/contracts';
import type { GatewayConfig } from '../config.js';
import { CONFIG } from '../tokens.js';
import { buildFeed, buildSitemap } from './feeds.js';
import { articlePage } from './pages/article-page.js';
import { errorPage } from './pages/error-page.js';
import { homePage } from './pages/home-page.js';
import { searchPage } from './pages/search-page.js';
import type { SiteInfo } from './pages/layout.js';
import { PublicContentService, type ListItemView } from './public-content.service.js';
import type { Rendered } from './public-cache.js';
import { ARTICLES_TAG } from './public-cache.sync.js';
import { storyPath } from './public-urls.js';

const LANGUAGES: Language[] = LanguageSchema.options;
/** A response rendered without images (media did not answer) is rebuilt this soon. */
const DEGRADED_TTL_MS = 5000;
const HTML = 'text/html; charset=utf-8';
const JSON_TYPE = 'application/json; charset=utf-8';
const FEED_SIZE = 50;
const SEARCH_PAGE_SIZE = 10;

/** Builds every public response (status, body, headers, cache tags); PublicCache keeps them, controllers send them. */
@Injectable()
export class PublicResponses {
  readonly site: SiteInfo & { xHandle?: string };
  readonly sitemapUrl: string;
  private readonly pageSize: number;
  private readonly fresh: string;
  private readonly short = 'public, max-age=10';

  constructor(
    private readonly content: PublicContentService,
    @Inject(CONFIG) config: GatewayConfig,
  ) {
    const urls = content.urls;
    this.sitemapUrl = urls.sitemap();
    this.pageSize = config.PUBLIC_PAGE_SIZE;
    const links = (
      [
        ['facebook', config.ORG_FACEBOOK_URL],
        ['x', config.ORG_X_URL],
        ['video', config.ORG_VIDEO_URL],
        ['intranet', config.ORG_INTRANET_URL],
        ['webmail', config.ORG_WEBMAIL_URL],
      ] as const
    ).flatMap(([key, url]) => (url ? [{ key, url }] : []));
    const xHandle = config.ORG_X_URL
      ? /^https?:\/\/(?:www\.)?(?:x|twitter)\.com\/@?(\w{1,15})/.exec(config.ORG_X_URL)?.[1]
      : undefined;
    this.site = {
      name: config.SITE_NAME,
      links,
      xHandle,
      home: (l) => urls.home(l),
      feeds: (l) => ({ rss: urls.feed(l, 'rss'), atom: urls.feed(l, 'atom') }),
    };
    const m = config.PUBLIC_MAX_AGE_SECONDS;
    this.fresh = `public, max-age=${m}, stale-while-revalidate=${m * 10}`;
  }

  async storyJson(language: Language, slug: string): Promise<Rendered> {
    const r = await this.content.story(language, slug);
    switch (r.kind) {
      case 'story': {
        const { view } = r;
        return {
          ...this.ok(JSON_TYPE, JSON.stringify(view), new Date(view.updatedAt)),
          tags: storyTags(view.storyId, [view.coverMediaId, ...view.galleryMediaIds]),
          ttlMs: r.imagesComplete ? undefined : DEGRADED_TTL_MS,
        };
      }
      case 'moved':
        return this.redirect(`/api/v1/public/articles/${language}/${encodeURIComponent(r.slug)}`);
      case 'gone':
        return this.jsonError(410, `the ${language} story '${slug}' was taken down`);
      case 'missing':
        return this.jsonError(404, `no published ${language} story with slug '${slug}'`);
    }
  }

  async listJson(query: PublicListQuery): Promise<Rendered> {
    const page = await this.content.list(query);
    return {
      ...this.ok(
        JSON_TYPE,
        JSON.stringify({ items: page.items, nextCursor: page.nextCursor }),
        lastModified(page.items),
      ),
      tags: listTags(page.items),
      ttlMs: page.imagesComplete ? undefined : DEGRADED_TTL_MS,
    };
  }

  /** Search results as JSON; listings' tags, so any article event drops them. */
  async searchJson(query: PublicSearchQuery): Promise<Rendered> {
    const result = await this.content.search(query);
    return { ...this.ok(JSON_TYPE, JSON.stringify(result), new Date()), tags: [ARTICLES_TAG] };
  }

  /** The search page: the form alone without a query, else a page of hits. */
  async searchHtml(language: Language, q: string, page: number): Promise<Rendered> {
    const limit = SEARCH_PAGE_SIZE;
    const result = q ? await this.content.search({ lang: language, q, page, limit }) : null;
    const links = {
      search: (l: Language, query?: string, n?: number) => this.content.urls.search(l, query, n),
      others: LANGUAGES.filter((l) => l !== language),
    };
    return {
      ...this.ok(HTML, searchPage(this.site, language, q, result, limit, links), new Date()),
      tags: [ARTICLES_TAG],
    };
  }

  async articleHtml(language: Language, slug: string): Promise<Rendered> {
    const r = await this.content.story(language, slug);
    switch (r.kind) {
      case 'story':
        return {
          ...this.ok(HTML, await articlePage(this.site, r.view), new Date(r.view.updatedAt)),
          tags: storyTags(r.view.storyId, [r.view.coverMediaId, ...r.view.galleryMediaIds]),
          ttlMs: r.imagesComplete ? undefined : DEGRADED_TTL_MS,
        };
      case 'moved':
        return this.redirect(storyPath(language, r.slug));
      case 'gone':
        return this.errorHtml(language, 410);
      case 'missing':
        return this.errorHtml(language, 404);
    }
  }

  /** A front page; `cursor` (from the "older stories" link) continues the list. */
  async homeHtml(language: Language, cursor?: string): Promise<Rendered> {
    let page;
    try {
      page = await this.content.list({ lang: language, limit: this.pageSize, cursor });
    } catch (err) {
      if (err instanceof DomainError && err.code === ErrorCode.InvalidArgument) return this.errorHtml(language, 404);
      throw err;
    }
    const older = page.nextCursor ? `${this.site.home(language)}?page=${encodeURIComponent(page.nextCursor)}` : null;
    const others = LANGUAGES.filter((l) => l !== language).map((l) => ({ language: l, url: this.site.home(l) }));
    return {
      ...this.ok(HTML, await homePage(this.site, language, page.items, others, older), lastModified(page.items)),
      tags: listTags(page.items),
      ttlMs: page.imagesComplete ? undefined : DEGRADED_TTL_MS,
    };
  }

  async feed(language: Language, kind: 'rss' | 'atom'): Promise<Rendered> {
    const page = await this.content.list({ lang: language, limit: FEED_SIZE });
    const feed = buildFeed(this.site.name, language, page.items, this.content.urls);
    return {
      ...this.ok(
        kind === 'rss' ? 'application/rss+xml; charset=utf-8' : 'application/atom+xml; charset=utf-8',
        kind === 'rss' ? feed.rss2() : feed.atom1(),
        lastModified(page.items),
      ),
      tags: listTags(page.items),
      ttlMs: page.imagesComplete ? undefined : DEGRADED_TTL_MS,
    };
  }

  async sitemap(): Promise<Rendered> {
    const items: PublicListItem[] = [];
    for await (const i of this.content.allPublished()) items.push(i);
    return {
      ...this.ok(
        'application/xml; charset=utf-8',
        buildSitemap(items, this.content.urls, LANGUAGES),
        lastModified(items),
      ),
      tags: [ARTICLES_TAG],
    };
  }

  errorHtml(language: Language, status: 400 | 404 | 410 | 503): Rendered {
    const kinds = { 400: 'badQuery', 404: 'notFound', 410: 'gone', 503: 'unavailable' } as const;
    const kind = kinds[status];
    return {
      status,
      body: errorPage(this.site, language, kind),
      contentType: HTML,
      cacheControl: status === 503 ? 'no-store' : this.short,
      ...(status === 503 ? { headers: { 'retry-after': '5' } } : {}),
      tags: [ARTICLES_TAG],
    };
  }

  private ok(contentType: string, body: string, modified: Date): Omit<Rendered, 'tags'> {
    return { status: 200, body, contentType, cacheControl: this.fresh, lastModified: modified };
  }

  private redirect(location: string): Rendered {
    return {
      status: 301,
      body: '',
      contentType: 'text/plain; charset=utf-8',
      cacheControl: this.short,
      headers: { location },
      tags: [ARTICLES_TAG],
    };
  }

  private jsonError(status: 404 | 410, message: string): Rendered {
    const error = status === 404 ? 'Not Found' : 'Gone';
    return {
      status,
      body: JSON.stringify({ statusCode: status, error, message }),
      contentType: JSON_TYPE,
      cacheControl: this.short,
      tags: [ARTICLES_TAG],
    };
  }
}

const storyTags = (storyId: string, media: (string | null)[]) => [
  `story:${storyId}`,
  ...media.flatMap((id) => (id ? [`media:${id}`] : [])),
];

const listTags = (items: ListItemView[]) => [
  ARTICLES_TAG,
  ...items.flatMap((i) => (i.coverMediaId ? [`media:${i.coverMediaId}`] : [])),
];

/**
 * A listing's Last-Modified is when it was built, not its newest item: a take-down removes an item without making
 * anything newer, and an If-Modified-Since must not then call the old copy current.
 */
function lastModified(_items: unknown[]): Date {
  return new Date();
}
