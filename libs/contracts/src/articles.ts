import { z } from 'zod';
import { defineEvent } from './events.js';
import { ActorSchema, defineRpc } from './rpc.js';

/** Languages a story can have; the configured subset (LANGUAGES) is checked by the articles service. */
export const LanguageSchema = z.enum(['th', 'en'], { error: "must be 'th' or 'en'" });
export type Language = z.infer<typeof LanguageSchema>;

/**
 * A story version's public address, the one definition every service uses (events, pages, feeds, sitemaps and the
 * text posted to social channels): `/<lang>/news/<slug>`, the slug percent-encoded so a Thai slug is one valid URL.
 */
export function storyPath(language: Language, slug: string): string {
  return `/${language}/news/${encodeURIComponent(slug)}`;
}

/** {@link storyPath} under the site's public base URL (a trailing slash on the base is ignored). */
export function storyUrl(publicBaseUrl: string, language: Language, slug: string): string {
  return `${publicBaseUrl.replace(/\/+$/, '')}${storyPath(language, slug)}`;
}

export const ObjectIdSchema = z.string().regex(/^[0-9a-f]{24}$/, 'must be a 24-character hexadecimal id');

export const VersionStatusSchema = z.enum(['draft', 'in_review', 'scheduled', 'published', 'unpublished']);
export type VersionStatus = z.infer<typeof VersionStatusSchema>;

const text = (max: number) => z.string().max(max, `must be at most ${max} characters`).trim();
const label = z.string().max(80, 'must be at most 80 characters').trim().min(1, 'must not be empty');
export const IsoDateTimeSchema = z.iso.datetime({
  offset: true,
  error: 'must be an ISO 8601 date-time, e.g. 2017-04-10T09:00:00+07:00',
});
const isoDate = IsoDateTimeSchema;
/** A calendar date without a time: a whole-day event (`2017-04-10`). */
export const IsoDateSchema = z.iso.date({ error: 'must be a date, e.g. 2017-04-10' });
/** An event's start or end: a whole day, or a date-time. */
const eventPoint = z.union([IsoDateSchema, IsoDateTimeSchema], {
  error: 'must be an ISO 8601 date-time (2017-04-10T09:00:00+07:00) or, for a whole day, a date (2017-04-10)',
});
const dateOnly = (value: string) => value.length === 10;

export const SeoSchema = z
  .object({
    title: text(120).optional(),
    description: text(300).optional(),
    keywords: z.array(label).max(20).optional(),
  })
  .strict();

export const VersionInputSchema = z
  .object({
    title: z.string().max(300, 'must be at most 300 characters').trim().min(1, 'title must not be empty'),
    summary: text(1000).default(''),
    /** HTML; sanitized against an allow-list by the articles service. */
    body: z.string().max(500_000, 'must be at most 500000 characters').default(''),
    seo: SeoSchema.default({}),
  })
  .strict();
export type VersionInput = z.input<typeof VersionInputSchema>;

export const DatelineSchema = z.object({ place: text(120).optional(), province: text(80).optional() }).strict();

/** Whole days (`{ start: '2017-04-10', end: '2017-04-11' }`, shown without a time) or date-times; not a mix. */
export const EventDateSchema = z
  .object({ start: eventPoint, end: eventPoint.optional() })
  .strict()
  .refine((d) => !d.end || dateOnly(d.start) === dateOnly(d.end), {
    message: 'start and end must both be dates (whole days) or both date-times',
    path: ['end'],
  })
  .refine((d) => !d.end || dateOnly(d.start) !== dateOnly(d.end) || Date.parse(d.end) >= Date.parse(d.start), {
    message: 'end must not be before start',
    path: ['end'],
  });

const unique = <T>(a: T[]) => new Set(a).size === a.length;

/** The fields a story's language versions share. */
export const StoryFieldsSchema = z
  .object({
    dateline: DatelineSchema.default({}),
    eventDate: EventDateSchema.nullable().default(null),
    categories: z.array(label).max(20).default([]),
    tags: z.array(label).max(50).default([]),
    byline: text(200).default(''),
    coverMediaId: ObjectIdSchema.nullable().default(null),
    galleryMediaIds: z
      .array(ObjectIdSchema)
      .max(100)
      .default([])
      .refine(unique, 'must not list the same media id twice')
      .meta({ uniqueItems: true }),
  })
  .strict();

export const StoryInputSchema = StoryFieldsSchema.extend({
  sourceLanguage: LanguageSchema,
  version: VersionInputSchema,
}).strict();
export type StoryInput = z.input<typeof StoryInputSchema>;

/** A PATCH of the shared fields: only what is sent changes. */
export const StoryPatchSchema = z
  .object({
    dateline: DatelineSchema.optional(),
    eventDate: EventDateSchema.nullable().optional(),
    categories: StoryFieldsSchema.shape.categories.unwrap().optional(),
    tags: StoryFieldsSchema.shape.tags.unwrap().optional(),
    byline: text(200).optional(),
    coverMediaId: ObjectIdSchema.nullable().optional(),
    galleryMediaIds: z
      .array(ObjectIdSchema)
      .max(100)
      .refine(unique, 'must not list the same media id twice')
      .meta({ uniqueItems: true })
      .optional(),
  })
  .strict()
  .refine((p) => Object.keys(p).length > 0, 'send at least one field to change')
  .meta({ minProperties: 1 });
export type StoryPatch = z.input<typeof StoryPatchSchema>;

export const VersionSchema = z.object({
  language: LanguageSchema,
  title: z.string(),
  summary: z.string(),
  body: z.string(),
  seo: SeoSchema,
  slug: z.string(),
  status: VersionStatusSchema,
  /** The story revision at which this version last changed. */
  revision: z.number().int(),
  scheduledAt: z.string().nullable(),
  publishedAt: z.string().nullable(),
  updatedAt: z.string(),
  updatedBy: z.string(),
  /** For a translation: the language it was translated from. */
  translationOf: LanguageSchema.nullable(),
  /** The event date in this language's calendar: Buddhist Era in Thai ("10–11 เมษายน 2560"), CE in English. */
  dateText: z.string().nullable(),
});
export type Version = z.infer<typeof VersionSchema>;

export const StorySchema = z.object({
  id: z.string(),
  /** Increases on every save; the ETag. Send it back in If-Match to update. */
  revision: z.number().int(),
  sourceLanguage: LanguageSchema,
  dateline: z.object({ place: z.string().optional(), province: z.string().optional() }),
  /** Dates (`2017-04-10`) for a whole-day event, date-times otherwise. */
  eventDate: z.object({ start: z.string(), end: z.string().optional() }).nullable(),
  categories: z.array(z.string()),
  tags: z.array(z.string()),
  byline: z.string(),
  coverMediaId: z.string().nullable(),
  galleryMediaIds: z.array(z.string()),
  versions: z.array(VersionSchema),
  createdBy: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Story = z.infer<typeof StorySchema>;

export const StorySummarySchema = StorySchema.omit({ versions: true }).extend({
  versions: z.array(VersionSchema.pick({ language: true, title: true, summary: true, slug: true, status: true })),
});
export type StorySummary = z.infer<typeof StorySummarySchema>;

export const TransitionSchema = z.enum(['submit', 'return', 'publish', 'unpublish']);
export type Transition = z.infer<typeof TransitionSchema>;

export const SearchQuerySchema = z
  .object({
    q: z.string().max(200).trim().optional(),
    lang: LanguageSchema.optional(),
    status: VersionStatusSchema.optional(),
    tag: label.optional(),
    category: label.optional(),
    province: label.optional(),
    /** Event date range (inclusive; a date means the whole of that day). */
    from: eventPoint.optional(),
    to: eventPoint.optional(),
    /** `relevance` (the default with `q`: best match first) or `updated` (the default without: newest change first). */
    sort: z.enum(['relevance', 'updated']).optional(),
    cursor: z.string().max(200).optional(),
    limit: z.coerce.number().int().min(1).max(100).default(20),
  })
  .strict();
export type SearchQuery = z.input<typeof SearchQuerySchema>;

/** One language version of an archived story: its content and when it first went live (not in the future). */
export const ImportVersionSchema = VersionInputSchema.extend({
  language: LanguageSchema,
  publishedAt: IsoDateTimeSchema,
}).strict();

/** A story brought in from an archive: already published, each version with its original publication time. */
export const ImportStorySchema = StoryFieldsSchema.extend({
  sourceLanguage: LanguageSchema,
  versions: z.array(ImportVersionSchema).min(1, 'send at least one version').max(2),
})
  .strict()
  .refine((s) => unique(s.versions.map((v) => v.language)), {
    message: 'must not list the same language twice',
    path: ['versions'],
  })
  .refine((s) => s.versions.some((v) => v.language === s.sourceLanguage), {
    message: 'must include the version in the source language',
    path: ['versions'],
  });
export type ImportStory = z.input<typeof ImportStorySchema>;

/** The most stories one import call takes: a batch stays well inside the request body and message limits. */
export const IMPORT_BATCH_MAX = 100;

export const ImportBatchSchema = z
  .object({
    stories: z
      .array(ImportStorySchema)
      .min(1, 'send at least one story')
      .max(IMPORT_BATCH_MAX, `must be at most ${IMPORT_BATCH_MAX} stories a call`),
  })
  .strict();
export type ImportBatch = z.input<typeof ImportBatchSchema>;

export const ImportReplySchema = z.object({
  /** In the order sent. */
  items: z.array(
    z.object({
      id: z.string(),
      revision: z.number().int(),
      versions: z.array(z.object({ language: LanguageSchema, slug: z.string(), publishedAt: z.string() })),
    }),
  ),
});
export type ImportReply = z.infer<typeof ImportReplySchema>;

export const RevisionSchema = z.object({
  revision: z.number().int(),
  action: z.string(),
  at: z.string(),
  by: z.string(),
});

/** One revision's whole content (the snapshot a restore brings back), to compare any two revisions. */
export const RevisionContentSchema = RevisionSchema.extend({
  fields: StorySchema.pick({
    dateline: true,
    eventDate: true,
    categories: true,
    tags: true,
    byline: true,
    coverMediaId: true,
    galleryMediaIds: true,
  }),
  versions: z.array(
    VersionSchema.pick({ language: true, title: true, summary: true, body: true, seo: true, status: true }),
  ),
});
export type RevisionContent = z.infer<typeof RevisionContentSchema>;
/** A snippet of the story around the matched words: marks are [start, end) UTF-16 offsets into `text`. */
export const SnippetSchema = z.object({
  text: z.string(),
  marks: z.array(z.tuple([z.number().int(), z.number().int()])),
});
export type Snippet = z.infer<typeof SnippetSchema>;

/** A listed story; with a text query ranked by relevance, which version matched best and its text around the words. */
export const SearchItemSchema = StorySummarySchema.extend({
  match: z.object({ language: LanguageSchema, snippet: SnippetSchema }).optional(),
});
export type SearchItem = z.infer<typeof SearchItemSchema>;

export const SearchReplySchema = z.object({
  items: z.array(SearchItemSchema),
  nextCursor: z.string().nullable(),
  /** When a text query found nothing: the query with unknown words replaced by the nearest indexed ones. */
  suggestion: z.string().optional(),
});

const withActor = <T extends z.ZodRawShape>(shape: T) => z.object({ actor: ActorSchema, ...shape }).strict();
// Any revision the client sent: one that is not current (0 never is) is a 412 from the service, not a 400 here.
const target = { id: ObjectIdSchema, expectedRevision: z.number().int().nonnegative().optional() };

export const ArticlesRpc = {
  create: defineRpc('articles.create.v1', withActor({ story: StoryInputSchema }), StorySchema),
  get: defineRpc('articles.get.v1', withActor({ id: ObjectIdSchema }), StorySchema),
  update: defineRpc('articles.update.v1', withActor({ ...target, patch: StoryPatchSchema }), StorySchema),
  putVersion: defineRpc(
    'articles.put-version.v1',
    withActor({
      ...target,
      language: LanguageSchema,
      version: VersionInputSchema,
      translationOf: LanguageSchema.optional(),
    }),
    StorySchema,
  ),
  transition: defineRpc(
    'articles.transition.v1',
    withActor({ ...target, language: LanguageSchema, action: TransitionSchema, at: isoDate.optional() }),
    StorySchema,
  ),
  delete: defineRpc('articles.delete.v1', withActor(target), z.object({ id: z.string(), deleted: z.literal(true) })),
  revisions: defineRpc('articles.revisions.v1', withActor({ id: ObjectIdSchema }), z.array(RevisionSchema)),
  revision: defineRpc(
    'articles.revision.v1',
    withActor({ id: ObjectIdSchema, revision: z.number().int().positive() }),
    RevisionContentSchema,
  ),
  restore: defineRpc(
    'articles.restore.v1',
    withActor({ ...target, revision: z.number().int().positive() }),
    StorySchema,
  ),
  /** Admins: a batch of archived stories, written already published; their events say `imported` (see events). */
  import: defineRpc('articles.import.v1', withActor(ImportBatchSchema.shape), ImportReplySchema),
  search: defineRpc('articles.search.v1', withActor({ query: SearchQuerySchema }), SearchReplySchema),
  /** For the public side: the story behind a slug, current or old (an old one answers with the current slug). */
  resolveSlug: defineRpc(
    'articles.resolve-slug.v1',
    z.object({ language: LanguageSchema, slug: z.string().min(1).max(300) }).strict(),
    z.object({ storyId: z.string(), slug: z.string(), current: z.boolean() }),
  ),
};

/** What consumers of a language version need without calling back. */
export const VersionEventSchema = z.object({
  storyId: z.string(),
  language: LanguageSchema,
  sourceLanguage: LanguageSchema,
  translationOf: LanguageSchema.nullable(),
  slug: z.string(),
  title: z.string(),
  summary: z.string(),
  url: z.string(),
  coverMediaId: z.string().nullable(),
  revision: z.number().int(),
  status: VersionStatusSchema,
  publishedAt: z.string().nullable(),
  by: z.string(),
});
export type VersionEvent = z.infer<typeof VersionEventSchema>;

/** A published version's payload from v2 on: `imported` is true for a story brought in from an archive. */
export const PublishedEventSchema = VersionEventSchema.extend({ imported: z.boolean() });
export type PublishedEvent = z.infer<typeof PublishedEventSchema>;

export const ArticleEvents = {
  /** A version was saved (created or edited) while not published; the translation trigger "save" listens here. */
  versionSaved: defineEvent('article.version.saved.v1', VersionEventSchema),
  /** A version was submitted for review. */
  versionSubmitted: defineEvent('article.version.submitted.v1', VersionEventSchema),
  /** A version went live (now, or at its scheduled time). */
  versionPublished: defineEvent('article.version.published.v1', VersionEventSchema),
  /**
   * The same fact as v1, with `imported`. Only imports are published as v2 today (`imported: true`): consumers that
   * act on a new publication (social posts, machine translation) skip them, while caches, sitemaps and search take
   * them like any publish. A consumer that knows only v1 never sees an import, which is the safe side.
   */
  versionPublishedV2: defineEvent('article.version.published.v2', PublishedEventSchema),
  /** A published version changed (a correction). */
  versionUpdated: defineEvent('article.version.updated.v1', VersionEventSchema),
  versionUnpublished: defineEvent('article.version.unpublished.v1', VersionEventSchema),
  deleted: defineEvent(
    'article.deleted.v1',
    z.object({
      storyId: z.string(),
      revision: z.number().int(),
      versions: z.array(z.object({ language: LanguageSchema, slug: z.string(), status: VersionStatusSchema })),
      by: z.string(),
    }),
  ),
};

/**
 * Whether an event announces a story imported from an archive (published.v2 with `imported: true`): years of
 * stories are neither posted to every channel nor machine-translated, so social and translation skip it.
 */
export const isImportedPublish = (e: { type: string; data: unknown }): boolean =>
  e.type === ArticleEvents.versionPublishedV2.type && (e.data as { imported?: unknown } | null)?.imported === true;

/** Stories that show an image (as cover or in the gallery), for the media service's delete check. */
export const MediaUsageSchema = z.object({
  stories: z.array(
    z.object({
      storyId: z.string(),
      as: z.array(z.enum(['cover', 'gallery'])),
      /** Languages whose version is published, or scheduled to be. */
      live: z.array(LanguageSchema),
    }),
  ),
});
export type MediaUsage = z.infer<typeof MediaUsageSchema>;

export const ArticlesMediaRpc = {
  /** Answered from the articles service's in-memory index (every live story), not from its database. */
  mediaUsage: defineRpc('articles.media-usage.v1', z.object({ mediaId: ObjectIdSchema }).strict(), MediaUsageSchema),
};
