import { Inject, Injectable } from '@nestjs/common';
import {
  DomainError,
  ErrorCode,
  LanguageSchema,
  type Language,
  type PublicListQuery,
  SITEMAP_PAGE_SIZE,
  storyPath,
  type PublicSearchQuery,
} from '@khao/contracts';
import type { GatewayConfig } from '../config.js';
import { CONFIG } from '../tokens.js';
import { SecurityHeaders } from '../common/security-headers.js';
import { buildFeed } from './feeds.js';
import { buildHomeSitemap, buildSitemapIndex, buildStorySitemap } from './sitemaps.js';
import { articlePage } from './pages/article-page.js';
import { errorPage } from './pages/error-page.js';
import { homePage } from './pages/home-page.js';
import { searchPage } from './pages/search-page.js';
import type { SiteInfo } from './pages/layout.js';
import { PublicContentService, type ListItemView } from './public-content.service.js';
import type { Rendered } from './public-cache.js';
import { ARTICLES_TAG, SITEMAP_INDEX_TAG, sitemapMonthTag } from './public-cache.sync.js';

const LANGUAGES: Language[] = LanguageSchema.options;
/** A response rendered without images (media did not answer) is rebuilt this soon. */
const DEGRADED_TTL_MS = 5000;
const HTML = 'text/html; charset=utf-8';
const JSON_TYPE = 'application/json; charset=utf-8';
const XML = 'application/xml; charset=utf-8';
const FEED_SIZE = 50;
const SEARCH_PAGE_SIZE = 10;
const PREVIEW_ROBOTS = 'noindex, nofollow';

/** A preview page as sent: never cached, so not a {@link Rendered}. */
export interface PreviewPage {
  status: number;
  body: string;
  headers: Record<string, string>;
}

/** Builds every public response (status, body, headers, cache tags); PublicCache keeps them, controllers send them. */
@Injectable()
export class PublicResponses {
  readonly site: SiteInfo & { xHandle?: string };
  readonly sitemapUrl: string;
  private readonly pageSize: number;
  private readonly fresh: string;
  private readonly short = 'public, max-age=10';
  /** The front pages' sitemap changes only with the configuration, i.e. with a restart. */
  private readonly startedAt = Date.now();

  constructor(
    private readonly content: PublicContentService,
    private readonly security: SecurityHeaders,
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
      ...this.page(searchPage(this.site, language, q, result, limit, links), new Date()),
      tags: [ARTICLES_TAG],
    };
  }

  async articleHtml(language: Language, slug: string): Promise<Rendered> {
    const r = await this.content.story(language, slug);
    switch (r.kind) {
      case 'story':
        return {
          ...this.page(await articlePage(this.site, r.view), new Date(r.view.updatedAt)),
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

  /**
   * A version as its public page will look (the article page, the same renderer), for a preview link: not indexed,
   * never stored by a cache (the link is the only key), no referrer sent on (it would carry the link).
   */
  async previewHtml(storyId: string, language: Language): Promise<PreviewPage> {
    const r = await this.content.preview(storyId, language);
    if (!r) return this.previewError(language, 404);
    const body = await articlePage(this.site, r.view, { robots: PREVIEW_ROBOTS });
    return { status: 200, body, headers: this.previewHeaders(body) };
  }

  /**
   * A refused preview: 403 when the link's signature is wrong, 410 when it expired, 404 when the story is gone, 503
   * when the articles service does not answer.
   */
  previewError(language: Language, status: 403 | 404 | 410 | 503): PreviewPage {
    const kinds = { 403: 'previewInvalid', 404: 'notFound', 410: 'previewExpired', 503: 'unavailable' } as const;
    const body = errorPage(this.site, language, kinds[status]);
    const headers = this.previewHeaders(body);
    return { status, body, headers: status === 503 ? { ...headers, 'retry-after': '5' } : headers };
  }

  private previewHeaders(body: string): Record<string, string> {
    return {
      'content-type': HTML,
      'cache-control': 'private, no-store',
      'x-robots-tag': PREVIEW_ROBOTS,
      'referrer-policy': 'no-referrer',
      'content-security-policy': this.security.pagePolicy(body),
    };
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
      ...this.page(await homePage(this.site, language, page.items, others, older), lastModified(page.items)),
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

  /** sitemap.xml: an index of the child sitemaps, from the articles service's count of months (no walk). */
  async sitemapIndex(): Promise<Rendered> {
    const urls = this.content.urls;
    const months = await this.content.sitemapMonths();
    const children = [{ url: urls.childSitemap('home'), lastmod: new Date(this.startedAt).toISOString() }];
    for (const m of months) {
      for (let page = 1; (page - 1) * SITEMAP_PAGE_SIZE < m.count; page++) {
        children.push({ url: urls.childSitemap({ language: m.language, month: m.month, page }), lastmod: m.lastmod });
      }
    }
    return { ...this.ok(XML, buildSitemapIndex(children), new Date()), tags: [SITEMAP_INDEX_TAG] };
  }

  homeSitemap(): Rendered {
    return { ...this.ok(XML, buildHomeSitemap(this.content.urls, LANGUAGES), new Date(this.startedAt)), tags: [] };
  }

  /**
   * One child sitemap. It carries the tag of every story and photo in it, so an article or media event drops just
   * the sitemaps that list that story (in each language) and not the rest of the archive; the month's own tag lets
   * a newly published version enter it.
   */
  async storySitemap(language: Language, month: string, page: number): Promise<Rendered> {
    const { items, images } = await this.content.sitemapPage(language, month, page);
    if (items.length === 0) return this.sitemapMissing();
    const tags = [
      sitemapMonthTag(language, month),
      ...items.flatMap((i) => [`story:${i.storyId}`, ...i.mediaIds.map((id) => `media:${id}`)]),
    ];
    const newest = items.reduce((max, i) => (i.updatedAt > max ? i.updatedAt : max), items[0].updatedAt);
    return {
      ...this.ok(XML, buildStorySitemap(items, this.content.urls, images), new Date(newest)),
      tags,
      ttlMs: images ? undefined : DEGRADED_TTL_MS,
    };
  }

  sitemapMissing(): Rendered {
    return {
      status: 404,
      body: 'no such sitemap: see /sitemap.xml for the current ones',
      contentType: 'text/plain; charset=utf-8',
      cacheControl: this.short,
      tags: [SITEMAP_INDEX_TAG],
    };
  }

  errorHtml(language: Language, status: 400 | 404 | 410 | 503): Rendered {
    const kinds = { 400: 'badQuery', 404: 'notFound', 410: 'gone', 503: 'unavailable' } as const;
    const kind = kinds[status];
    const body = errorPage(this.site, language, kind);
    const csp = { 'content-security-policy': this.security.pagePolicy(body) };
    return {
      status,
      body,
      contentType: HTML,
      cacheControl: status === 503 ? 'no-store' : this.short,
      headers: status === 503 ? { ...csp, 'retry-after': '5' } : csp,
      tags: [ARTICLES_TAG],
    };
  }

  /** An HTML page with the policy that allows its own inline blocks, computed now and cached with it. */
  private page(body: string, modified: Date): Omit<Rendered, 'tags'> {
    return {
      ...this.ok(HTML, body, modified),
      headers: { 'content-security-policy': this.security.pagePolicy(body) },
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
