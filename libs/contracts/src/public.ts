import { z } from 'zod';
import { LanguageSchema, ObjectIdSchema, SeoSchema, SnippetSchema } from './articles.js';
import { defineRpc } from './rpc.js';

/**
 * What readers may see: published language versions only, served by the articles service without an actor (the
 * gateway's public routes call these). Everything not published stays invisible here.
 */

const label = z.string().max(80, 'must be at most 80 characters').trim().min(1, 'must not be empty');

export const PublicListQuerySchema = z
  .object({
    lang: LanguageSchema.optional(),
    tag: label.optional(),
    category: label.optional(),
    province: label.optional(),
    /** Thai-aware text query (segmented like the admin search). */
    q: z.string().max(200, 'must be at most 200 characters').trim().optional(),
    cursor: z.string().max(200).optional(),
    /** Up to 1000 for the gateway's feeds and sitemap; the HTTP API allows less. */
    limit: z.coerce.number().int().min(1).max(1000).default(20),
  })
  .strict();
export type PublicListQuery = z.input<typeof PublicListQuerySchema>;

/** Another published language version of the same story. */
export const PublicTranslationSchema = z.object({ language: LanguageSchema, slug: z.string(), title: z.string() });
export type PublicTranslation = z.infer<typeof PublicTranslationSchema>;

const shared = {
  storyId: z.string(),
  language: LanguageSchema,
  sourceLanguage: LanguageSchema,
  slug: z.string(),
  title: z.string(),
  summary: z.string(),
  publishedAt: z.string(),
  /** When this version or the story's shared fields last changed (Last-Modified). */
  updatedAt: z.string(),
  /** The story revision: changes on every save. */
  revision: z.number().int(),
  dateline: z.object({ place: z.string().optional(), province: z.string().optional() }),
  eventDate: z.object({ start: z.string(), end: z.string().optional() }).nullable(),
  /** The event date in this language's calendar: Buddhist Era in Thai, CE in English. */
  dateText: z.string().nullable(),
  categories: z.array(z.string()),
  tags: z.array(z.string()),
  byline: z.string(),
  coverMediaId: z.string().nullable(),
  /** The other languages in which this story is published. */
  translations: z.array(PublicTranslationSchema),
};

export const PublicListItemSchema = z.object(shared);
export type PublicListItem = z.infer<typeof PublicListItemSchema>;

export const PublicStorySchema = z.object({
  ...shared,
  /** Sanitized HTML (allow-list applied on input by the articles service). */
  body: z.string(),
  seo: SeoSchema,
  galleryMediaIds: z.array(z.string()),
});
export type PublicStory = z.infer<typeof PublicStorySchema>;

export const PublicGetReplySchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('story'), story: PublicStorySchema }),
  /** An old slug: the reader is sent to the current one (301). */
  z.object({ kind: z.literal('moved'), slug: z.string() }),
  /** The slug is known but the version is not published (any more): 410 for pages. */
  z.object({ kind: z.literal('gone') }),
]);
export type PublicGetReply = z.infer<typeof PublicGetReplySchema>;

/** A month of publications in one language (UTC): `YYYY-MM`. */
export const SitemapMonthSchema = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'must be a month like 2017-04');

/** How many URLs one child sitemap holds at most (the protocol allows 50,000 and 50 MB; images make entries long). */
export const SITEMAP_PAGE_SIZE = 10_000;

/** One published version as a sitemap lists it. */
export const SitemapItemSchema = z.object({
  storyId: z.string(),
  language: LanguageSchema,
  sourceLanguage: LanguageSchema,
  slug: z.string(),
  updatedAt: z.string(),
  translations: z.array(PublicTranslationSchema),
  /** The cover, then the gallery in order. */
  mediaIds: z.array(z.string()),
});
export type SitemapItem = z.infer<typeof SitemapItemSchema>;

export const PublicSearchQuerySchema = z
  .object({
    lang: LanguageSchema,
    q: z.string().trim().min(1, 'must not be empty').max(200, 'must be at most 200 characters'),
    page: z.coerce.number().int().min(1).max(50, 'must be at most 50').default(1),
    limit: z.coerce.number().int().min(1).max(50, 'must be at most 50').default(10),
  })
  .strict();
export type PublicSearchQuery = z.input<typeof PublicSearchQuerySchema>;

export const PublicSearchHitSchema = PublicListItemSchema.extend({ snippet: SnippetSchema, score: z.number() });
export type PublicSearchHit = z.infer<typeof PublicSearchHitSchema>;

export const PublicSearchReplySchema = z.object({
  items: z.array(PublicSearchHitSchema),
  /** How many published versions match in all. */
  total: z.number().int(),
  page: z.number().int(),
  /** When nothing matched: the query with unknown words replaced by the nearest indexed ones. */
  suggestion: z.string().optional(),
});
export type PublicSearchReply = z.infer<typeof PublicSearchReplySchema>;

export const ArticlesPublicRpc = {
  /** Published versions of one language matching a text query, best match first, by page. */
  search: defineRpc('articles.public-search.v1', PublicSearchQuerySchema, PublicSearchReplySchema),
  /** Published versions, newest publication first, cursor-paginated. */
  list: defineRpc(
    'articles.public-list.v1',
    PublicListQuerySchema,
    z.object({ items: z.array(PublicListItemSchema), nextCursor: z.string().nullable() }),
  ),
  /** The months in which versions were published, per language, with how many and the newest change (sitemap index). */
  sitemapMonths: defineRpc(
    'articles.public-sitemap-months.v1',
    z.object({}).strict(),
    z.object({
      months: z.array(
        z.object({ language: LanguageSchema, month: SitemapMonthSchema, count: z.number().int(), lastmod: z.string() }),
      ),
    }),
  ),
  /** One page (SITEMAP_PAGE_SIZE, from 1) of the versions published in a month, newest first. */
  sitemapPage: defineRpc(
    'articles.public-sitemap-page.v1',
    z.object({ language: LanguageSchema, month: SitemapMonthSchema, page: z.number().int().min(1) }).strict(),
    z.object({ items: z.array(SitemapItemSchema) }),
  ),
  /**
   * One version as its public page would show it, whatever its status (a draft's preview). No actor: the gateway
   * answers it only for a preview link it signed. Unknown story or language → NOT_FOUND.
   */
  preview: defineRpc(
    'articles.public-preview.v1',
    z.object({ storyId: ObjectIdSchema, language: LanguageSchema }).strict(),
    z.object({ story: PublicStorySchema }),
  ),
  /** One published version by language and slug (current or old). Unknown → NOT_FOUND. */
  get: defineRpc(
    'articles.public-get.v1',
    z.object({ language: LanguageSchema, slug: z.string().min(1).max(300) }).strict(),
    PublicGetReplySchema,
  ),
};
