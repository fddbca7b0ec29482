import { z } from 'zod';
import { RenditionFormatSchema, SourceFormatSchema } from '@khao/contracts';
import { defineCollection, outboxField } from '@khao/persistence';

/** `deleting`: its objects are being removed (a retried DELETE finishes it); `deleted` records keep their outbox. */
const AssetStatusSchema = z.enum(['pending', 'processing', 'ready', 'failed', 'deleting', 'deleted']);
export type AssetStatus = z.output<typeof AssetStatusSchema>;

const RenditionSchema = z.object({
  format: RenditionFormatSchema,
  width: z.number(),
  height: z.number(),
  bytes: z.number(),
  /** Object key under `public/`. */
  key: z.string(),
});
export type RenditionDoc = z.output<typeof RenditionSchema>;

const PerLanguage = z.object({ th: z.string().optional(), en: z.string().optional() });

const AssetSchema = z.object({
  /** 24-hex id as a string: FerretDB's SQLite backend finds string ids by index. */
  _id: z.string(),
  status: AssetStatusSchema,
  /** The upload in progress: a presigned PUT, or the gateway's multipart stream. */
  upload: z
    .object({ kind: z.enum(['put', 'stream']), uploadId: z.string().optional(), expiresAt: z.date() })
    .nullable()
    .default(null),
  /** The private original's key. */
  originalKey: z.string(),
  filename: z.string().nullable().default(null),
  format: SourceFormatSchema.nullable().default(null),
  bytes: z.number().nullable().default(null),
  width: z.number().nullable().default(null),
  height: z.number().nullable().default(null),
  sha256: z.string().nullable().default(null),
  blurhash: z.string().nullable().default(null),
  focalPoint: z.object({ x: z.number(), y: z.number() }).default({ x: 0.5, y: 0.5 }),
  captions: PerLanguage.default({}),
  alt: PerLanguage.default({}),
  credit: z.string().default(''),
  renditions: z.array(RenditionSchema).default([]),
  share: z.object({ key: z.string(), width: z.number(), height: z.number() }).nullable().default(null),
  failure: z.string().nullable().default(null),
  /** Processing attempts so far (a crash mid-processing counts). */
  attempts: z.number().int().default(0),
  createdBy: z.string(),
  createdAt: z.date(),
  updatedAt: z.date(),
  ...outboxField,
});

/**
 * Reads and writes are by `_id` only (FerretDB's SQLite backend scans for anything else); dedupe goes through the
 * `hashes` collection, keyed by sha256, and background work through the small `media_tasks` collection.
 */
export const Assets = defineCollection({ name: 'assets', schema: AssetSchema });
export type AssetDoc = z.output<typeof AssetSchema>;

/** sha256 of an original → the asset that holds it. */
export const Hashes = defineCollection({
  name: 'hashes',
  schema: z.object({
    _id: z.string(),
    assetId: z.string(),
    /** A fresh id each time the hash changes hands (what a handover names; '' for hashes stored before it). */
    holding: z.string().default(''),
  }),
});
