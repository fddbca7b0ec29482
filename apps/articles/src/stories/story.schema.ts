import { z } from 'zod';
import { LanguageSchema, VersionStatusSchema } from '@khao/contracts';
import { defineCollection, outboxField, type DocInput } from '@khao/persistence';

const SeoSchema = z.object({
  title: z.string().optional(),
  description: z.string().optional(),
  keywords: z.array(z.string()).optional(),
});

export const VersionSchema = z.object({
  language: LanguageSchema,
  title: z.string(),
  summary: z.string().default(''),
  body: z.string().default(''),
  seo: SeoSchema.default({}),
  slug: z.string(),
  status: VersionStatusSchema,
  revision: z.number().int(),
  scheduledAt: z.date().nullable().default(null),
  publishedAt: z.date().nullable().default(null),
  updatedAt: z.date(),
  updatedBy: z.string(),
  translationOf: LanguageSchema.nullable().default(null),
});

/** The editable fields every version shares (also a revision's snapshot). */
export const StoryFieldsSchema = z.object({
  dateline: z.object({ place: z.string().optional(), province: z.string().optional() }).default({}),
  /** UTC instants; a whole-day event (`allDay`) is stored at the newsroom's midnight of each date. */
  eventDate: z
    .object({ start: z.date(), end: z.date().optional(), allDay: z.literal(true).optional() })
    .nullable()
    .default(null),
  categories: z.array(z.string()).default([]),
  tags: z.array(z.string()).default([]),
  byline: z.string().default(''),
  coverMediaId: z.string().nullable().default(null),
  galleryMediaIds: z.array(z.string()).default([]),
});

const HistoryEntrySchema = z.object({ revision: z.number().int(), action: z.string(), at: z.date(), by: z.string() });

const PublicTermsSchema = z.object({ language: LanguageSchema, tokens: z.array(z.string()), searchText: z.string() });

const StorySchema = StoryFieldsSchema.extend({
  /** A 24-hex id kept as a string: FerretDB's SQLite backend finds string ids by index, ObjectIds by scanning. */
  _id: z.string(),
  revision: z.number().int(),
  sourceLanguage: LanguageSchema,
  versions: z.array(VersionSchema),
  createdBy: z.string(),
  createdAt: z.date(),
  updatedAt: z.date(),
  deletedAt: z.date().nullable().default(null),
  /** Who saved which revision, when and how; the snapshots are in the revisions collection. */
  history: z.array(HistoryEntrySchema).default([]),
  // Derived on every save (derive()), for the in-memory index and queries FerretDB can answer without $elemMatch:
  /** `<lang>:<slug>` of every slug a version ever had (old ones answer with a redirect). */
  slugs: z.array(z.string()).default([]),
  /** Segmented words of every version, lowercased: Thai-aware search. */
  tokens: z.array(z.string()).default([]),
  /** The same text, normalised, for phrase checks within the stories the tokens selected. */
  searchText: z.string().default(''),
  /**
   * Per published version: the words and text of that version with the shared fields', what the public search
   * matches (a draft's words never show through). Missing on stories last saved before it existed.
   */
  publicTerms: z.array(PublicTermsSchema).optional(),
  /**
   * Per version: its search fields already analysed (`analyzeFields`), so that loading the index at boot does not
   * cut every story again. Missing on stories last saved before it existed (they are cut at load).
   */
  searchTerms: z.array(z.object({ language: LanguageSchema, fields: z.array(z.string()) })).optional(),
  /** `<lang>:<status>` per version. */
  langStatus: z.array(z.string()).default([]),
  eventStart: z.date().nullable().default(null),
  /** The earliest scheduled publish time of any version, for the scheduler. */
  nextScheduledAt: z.date().nullable().default(null),
  ...outboxField,
});

/** Queries are by `_id` only (see StoryRepository); search and slugs are served by the in-memory StoryIndex. */
export const Stories = defineCollection({ name: 'stories', schema: StorySchema });

export type StoryDoc = z.output<typeof StorySchema>;
export type VersionDoc = z.output<typeof VersionSchema>;
export type SeoDoc = z.output<typeof SeoSchema>;
export type StoryFieldsDoc = z.output<typeof StoryFieldsSchema>;
export type HistoryEntry = z.output<typeof HistoryEntrySchema>;
export type PublicTermsDoc = z.output<typeof PublicTermsSchema>;

/** A story not yet saved, its bookkeeping fields at their defaults (the writer and derive() fill them). */
export function newStory(fields: DocInput<typeof StorySchema>): StoryDoc {
  return StorySchema.parse(fields);
}
