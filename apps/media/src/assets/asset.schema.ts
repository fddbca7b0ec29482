import { Schema, type Connection, type Model } from 'mongoose';
import { baseSchemaOptions, modelFor, outboxField, type OutboxEntry } from '@khao/persistence';
import type { RenditionFormat, SourceFormat } from '@khao/contracts';

/** `deleting`: its objects are being removed (a retried DELETE finishes it); `deleted` records keep their outbox. */
export type AssetStatus = 'pending' | 'processing' | 'ready' | 'failed' | 'deleting' | 'deleted';

export interface RenditionDoc {
  format: RenditionFormat;
  width: number;
  height: number;
  bytes: number;
  /** Object key under `public/`. */
  key: string;
}

export interface AssetDoc {
  /** 24-hex id as a string: FerretDB's SQLite backend finds string ids by index. */
  _id: string;
  status: AssetStatus;
  /** The upload in progress: a presigned PUT, or the gateway's multipart stream. */
  upload: { kind: 'put' | 'stream'; uploadId?: string; expiresAt: Date } | null;
  /** The private original's key. */
  originalKey: string;
  filename: string | null;
  format: SourceFormat | null;
  bytes: number | null;
  width: number | null;
  height: number | null;
  sha256: string | null;
  blurhash: string | null;
  focalPoint: { x: number; y: number };
  captions: { th?: string; en?: string };
  alt: { th?: string; en?: string };
  credit: string;
  renditions: RenditionDoc[];
  share: { key: string; width: number; height: number } | null;
  failure: string | null;
  /** Processing attempts so far (a crash mid-processing counts). */
  attempts: number;
  createdBy: string;
  createdAt: Date;
  updatedAt: Date;
  outbox: OutboxEntry[];
}

const AssetSchema = new Schema<AssetDoc>(
  {
    _id: { type: String, required: true },
    status: { type: String, required: true },
    upload: { type: Schema.Types.Mixed, default: null },
    originalKey: { type: String, required: true },
    filename: { type: String, default: null },
    format: { type: String, default: null },
    bytes: { type: Number, default: null },
    width: { type: Number, default: null },
    height: { type: Number, default: null },
    sha256: { type: String, default: null },
    blurhash: { type: String, default: null },
    focalPoint: { type: Schema.Types.Mixed, default: { x: 0.5, y: 0.5 } },
    captions: { type: Schema.Types.Mixed, default: {} },
    alt: { type: Schema.Types.Mixed, default: {} },
    credit: { type: String, default: '' },
    renditions: { type: Schema.Types.Mixed, default: [] },
    share: { type: Schema.Types.Mixed, default: null },
    failure: { type: String, default: null },
    attempts: { type: Number, default: 0 },
    createdBy: { type: String, required: true },
    ...outboxField,
  },
  { ...baseSchemaOptions, timestamps: false, collection: 'assets' },
);
// Reads and writes are by _id only (FerretDB's SQLite backend scans for anything else); dedupe goes through the
// `hashes` collection, keyed by sha256, and background work through the small `media_tasks` collection.

export type AssetModel = Model<AssetDoc>;

export function assetModel(conn: Connection): AssetModel {
  return modelFor(conn, 'Asset', AssetSchema);
}
