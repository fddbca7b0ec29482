import { promisify } from 'node:util';
import { deserialize, serialize } from 'node:v8';
import { gunzip, gzip } from 'node:zlib';
import { z } from 'zod';
import {
  BinaryField,
  bson,
  collectionOf,
  defineCollection,
  newObjectId,
  type Database,
  type DocCollection,
} from '@khao/persistence';

const HEAD = 'head';
/** Rows a chunk holds: well under a megabyte compressed for rows of a few short fields, far below 16 MB. */
export const CHUNK_ROWS = 25_000;

const gzipAsync = promisify(gzip);
const gunzipAsync = promisify(gunzip);

export interface ListSnapshotHead {
  _id: typeof HEAD;
  format: number;
  /** The chunks are `<generation>:<n>`, n from 0 to chunks − 1. */
  generation: string;
  chunks: number;
  rows: number;
  /** Every notice stored in the stream before this instant is in the rows. */
  watermark: Date;
  takenAt: Date;
}

/** A snapshot that cannot be read whole: the list loads from its collection instead. */
export class ListSnapshotUnreadable extends Error {}

const schema = z.object({
  _id: z.string(),
  format: z.number().int().optional(),
  generation: z.string().optional(),
  chunks: z.number().int().optional(),
  rows: z.number().int().optional(),
  watermark: z.date().optional(),
  takenAt: z.date().optional(),
  data: BinaryField.optional(),
});

/**
 * A ListMirror's rows saved in the service's own database, for a replica to boot from instead of streaming (and
 * FerretDB decoding) the whole collection: one head document names the current generation, each chunk document
 * holds up to CHUNK_ROWS rows as gzipped V8 serialization. Every read and write is by `_id`.
 *
 * Writes are idempotent, so any replica may write at any time without a lock: each writes a generation of its own,
 * then swaps the head in one findAndModify and deletes the generation that swap replaced (every generation is
 * deleted once, by whoever replaced it). Two replicas writing at once cost one wasted write, never a broken head.
 */
export class ListSnapshots<R> {
  private readonly docs: DocCollection<typeof schema>;

  /** `format` is the rows' shape and encoding: a head of another format is never read (bump it when they change). */
  constructor(
    db: Database,
    collection: string,
    private readonly format: number,
  ) {
    this.docs = collectionOf(db, defineCollection({ name: collection, schema }));
  }

  /** The current snapshot's head, if there is one of this format. */
  async head(): Promise<ListSnapshotHead | null> {
    const head = (await this.docs.findById(HEAD)) as ListSnapshotHead | null;
    return head?.format === this.format ? head : null;
  }

  async write(rows: readonly R[], watermark: Date): Promise<{ rows: number; bytes: number }> {
    const generation = newObjectId();
    let chunks = 0;
    let bytes = 0;
    try {
      for (let at = 0; at < rows.length; at += CHUNK_ROWS) {
        const data = await gzipAsync(serialize(rows.slice(at, at + CHUNK_ROWS)), { level: 1 });
        await this.docs.insertOne({ _id: `${generation}:${chunks}`, data: bson.binary(data) });
        chunks++;
        bytes += data.length;
      }
    } catch (err) {
      // Nothing names this generation yet: its chunks go, so a failed write leaves nothing behind.
      await this.drop(generation, chunks).catch(() => undefined);
      throw err;
    }
    const head: Omit<ListSnapshotHead, '_id'> = {
      format: this.format,
      generation,
      chunks,
      rows: rows.length,
      watermark,
      takenAt: new Date(),
    };
    const replaced = await this.docs.findOneAndUpdate(
      { _id: HEAD },
      { $set: head },
      { upsert: true, returnDocument: 'before' },
    );
    if (replaced?.generation && replaced.generation !== generation)
      await this.drop(replaced.generation, replaced.chunks ?? 0);
    return { rows: rows.length, bytes };
  }

  /**
   * Every row of the head's chunks, each checked by `revive` (undefined: malformed). Throws ListSnapshotUnreadable
   * when a chunk is missing (a newer snapshot replaced this one meanwhile), does not decode, or the count is wrong.
   */
  async read(head: ListSnapshotHead, revive: (row: unknown) => R | undefined): Promise<R[]> {
    const out: R[] = [];
    // The chunks are read and unzipped (off the main thread) at once; they are few.
    const chunks = await Promise.all(Array.from({ length: head.chunks }, (_, n) => this.unzipped(head, n)));
    for (const [n, data] of chunks.entries()) {
      let rows: unknown;
      try {
        rows = deserialize(data);
      } catch (err) {
        throw new ListSnapshotUnreadable(`chunk ${n} does not decode: ${(err as Error).message}`);
      }
      if (!Array.isArray(rows)) throw new ListSnapshotUnreadable(`chunk ${n} holds no rows`);
      for (const r of rows as unknown[]) {
        const row = revive(r);
        if (row === undefined) throw new ListSnapshotUnreadable(`chunk ${n} holds a malformed row`);
        out.push(row);
      }
    }
    if (out.length !== head.rows)
      throw new ListSnapshotUnreadable(`${out.length} rows read, the head says ${head.rows}`);
    return out;
  }

  private async unzipped(head: ListSnapshotHead, n: number): Promise<Buffer> {
    const doc = await this.docs.findById(`${head.generation}:${n}`);
    if (!doc?.data) throw new ListSnapshotUnreadable(`chunk ${n} of ${head.chunks} is missing`);
    try {
      return await gunzipAsync(doc.data.buffer);
    } catch (err) {
      throw new ListSnapshotUnreadable(`chunk ${n} does not unzip: ${(err as Error).message}`);
    }
  }

  private async drop(generation: string, chunks: number): Promise<void> {
    for (let n = 0; n < chunks; n++) await this.docs.deleteOne({ _id: `${generation}:${n}` });
  }
}
