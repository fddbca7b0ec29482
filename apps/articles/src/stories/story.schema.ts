import { Schema, type Connection, type Model } from 'mongoose';
import { baseSchemaOptions, modelFor, outboxField, type OutboxEntry } from '@khao/persistence';
import type { Language, VersionStatus } from '@khao/contracts';

export interface SeoDoc {
  title?: string;
  description?: string;
  keywords?: string[];
}

export interface VersionDoc {
  language: Language;
  title: string;
  summary: string;
  body: string;
  seo: SeoDoc;
  slug: string;
  status: VersionStatus;
  revision: number;
  scheduledAt: Date | null;
  publishedAt: Date | null;
  updatedAt: Date;
  updatedBy: string;
  translationOf: Language | null;
}

export interface StoryFieldsDoc {
  dateline: { place?: string; province?: string };
  /** UTC instants; a whole-day event (`allDay`) is stored at the newsroom's midnight of each date. */
  eventDate: { start: Date; end?: Date; allDay?: true } | null;
  categories: string[];
  tags: string[];
  byline: string;
  coverMediaId: string | null;
  galleryMediaIds: string[];
}

export interface HistoryEntry {
  revision: number;
  action: string;
  at: Date;
  by: string;
}

export interface PublicTermsDoc {
  language: Language;
  tokens: string[];
  searchText: string;
}

export interface StoryDoc extends StoryFieldsDoc {
  /** A 24-hex id kept as a string: FerretDB's SQLite backend finds string ids by index, ObjectIds by scanning. */
  _id: string;
  revision: number;
  sourceLanguage: Language;
  versions: VersionDoc[];
  createdBy: string;
  createdAt: Date;
  updatedAt: Date;
  deletedAt: Date | null;
  /** Who saved which revision, when and how; the snapshots are in the revisions collection. */
  history: HistoryEntry[];
  // Derived on every save, for queries FerretDB can answer without $elemMatch:
  /** `<lang>:<slug>` of every slug a version ever had (old ones answer with a redirect). */
  slugs: string[];
  /** Segmented words of every version, lowercased: Thai-aware search. */
  tokens: string[];
  /** The same text, normalised, for phrase checks within the stories the tokens selected. */
  searchText: string;
  /**
   * Per published version: the words and text of that version with the shared fields', what the public search
   * matches (a draft's words never show through). Missing on stories last saved before it existed.
   */
  publicTerms?: PublicTermsDoc[];
  /**
   * Per version: its search fields already analysed (`analyzeFields`), so that loading the index at boot does not
   * cut every story again. Missing on stories last saved before it existed (they are cut at load).
   */
  searchTerms?: { language: Language; fields: string[] }[];
  /** `<lang>:<status>` per version. */
  langStatus: string[];
  eventStart: Date | null;
  /** The earliest scheduled publish time of any version, for the scheduler. */
  nextScheduledAt: Date | null;
  outbox: OutboxEntry[];
}

const VersionSchema = new Schema<VersionDoc>(
  {
    language: { type: String, required: true },
    title: { type: String, required: true },
    summary: { type: String, default: '' },
    body: { type: String, default: '' },
    seo: { type: Schema.Types.Mixed, default: {} },
    slug: { type: String, required: true },
    status: { type: String, required: true },
    revision: { type: Number, required: true },
    scheduledAt: { type: Date, default: null },
    publishedAt: { type: Date, default: null },
    updatedAt: { type: Date, required: true },
    updatedBy: { type: String, required: true },
    translationOf: { type: String, default: null },
  },
  { _id: false },
);

const StorySchema = new Schema<StoryDoc>(
  {
    _id: { type: String, required: true },
    revision: { type: Number, required: true },
    sourceLanguage: { type: String, required: true },
    dateline: { type: Schema.Types.Mixed, default: {} },
    eventDate: { type: Schema.Types.Mixed, default: null },
    categories: { type: [String], default: [] },
    tags: { type: [String], default: [] },
    byline: { type: String, default: '' },
    coverMediaId: { type: String, default: null },
    galleryMediaIds: { type: [String], default: [] },
    versions: { type: [VersionSchema], default: [] },
    createdBy: { type: String, required: true },
    deletedAt: { type: Date, default: null },
    history: { type: Schema.Types.Mixed, default: [] },
    slugs: { type: [String], default: [] },
    tokens: { type: [String], default: [] },
    searchText: { type: String, default: '' },
    publicTerms: { type: Schema.Types.Mixed }, // no default: missing means "cut them from the versions"
    searchTerms: { type: Schema.Types.Mixed }, // no default: missing means "analyse the versions at load"
    langStatus: { type: [String], default: [] },
    eventStart: { type: Date, default: null },
    nextScheduledAt: { type: Date, default: null },
    ...outboxField,
  },
  { ...baseSchemaOptions, timestamps: false, collection: 'stories' },
);
// Queries are by _id only (see StoryRepository); search and slugs are served by the in-memory StoryIndex.

export type StoryModel = Model<StoryDoc>;

export function storyModel(conn: Connection): StoryModel {
  return modelFor(conn, 'Story', StorySchema);
}
