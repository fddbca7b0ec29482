import { promisify } from 'node:util';
import { deserialize, serialize } from 'node:v8';
import { gunzip, gzip } from 'node:zlib';
import { z } from 'zod';
import { collectionOf, defineCollection, type DocCollection } from './collection.js';
import { BinaryField, bson, newObjectId, type Database } from './mongo.js';

const HEAD = 'head';
const gzipAsync = promisify(gzip);
const gunzipAsync = promisify(gunzip);

export interface SnapshotHead {
  _id: typeof HEAD;
  format: number;
  /** The chunks are `<generation>:<n>`, n from 0 to chunks − 1. */
  generation: string;
  chunks: number;
  items: number;
  /** Every event stored in the stream before this instant is in the snapshot. */
  watermark: Date;
  takenAt: Date;
}

/** A snapshot that cannot be read whole: the caller loads from its collection instead. */
export class SnapshotUnreadable extends Error {}

/** A snapshot write abandoned at its deadline: the previous snapshot stays the current one. */
export class SnapshotTooSlow extends Error {}

/** One collection holds the head (`_id` "head") and the chunks (`<generation>:<n>`, their `data`). */
const schema = z.object({
  _id: z.string(),
  format: z.number().int().optional(),
  generation: z.string().optional(),
  chunks: z.number().int().optional(),
  items: z.number().int().optional(),
  watermark: z.date().optional(),
  takenAt: z.date().optional(),
  data: BinaryField.optional(),
});

/**
 * A read model saved in the service's own database, for a replica to boot from instead of reading (and FerretDB
 * decoding) a whole collection: one head document names the current generation, each chunk document holds up to
 * `chunkSize` items as gzipped V8 serialization, so the server stores a few large binaries instead of decoding
 * thousands of documents. Every read and write is by `_id`.
 *
 * Any replica may write at any time without a lock: each writes a generation of its own, then swaps the head in one
 * findAndModify and deletes the generation that the swap replaced (every generation is deleted once, by whoever
 * replaced it). Two replicas writing at once cost one wasted write, never a broken head.
 */
export class ChunkedSnapshots<T> {
  private readonly docs: DocCollection<typeof schema>;

  /** `format` is the items' shape and encoding: a head of another format is never read (bump it when they change). */
  constructor(
    db: Database,
    collection: string,
    private readonly format: number,
    private readonly chunkSize: number,
  ) {
    this.docs = collectionOf(db, defineCollection({ name: collection, schema }));
  }

  /** The current snapshot's head, if there is one of this format. */
  async head(): Promise<SnapshotHead | null> {
    const head = (await this.docs.findById(HEAD)) as SnapshotHead | null;
    return head?.format === this.format ? head : null;
  }

  /**
   * Writes `items` as the new snapshot, chunk by chunk (one chunk's items in memory at a time). Past `deadline` (ms
   * since the epoch) it stops and drops what it wrote, throwing SnapshotTooSlow: the head never names a generation
   * that is not whole.
   */
  async write(items: Iterable<T>, watermark: Date, deadline = Infinity): Promise<{ items: number; bytes: number }> {
    const generation = newObjectId();
    let [chunks, count, bytes] = [0, 0, 0];
    let batch: T[] = [];
    const flush = async () => {
      if (Date.now() > deadline) throw new SnapshotTooSlow(`abandoned after ${chunks} chunks: past its deadline`);
      const data = await gzipAsync(serialize(batch), { level: 1 });
      await this.docs.insertOne({ _id: `${generation}:${chunks}`, data: bson.binary(data) });
      chunks++;
      count += batch.length;
      bytes += data.length;
      batch = [];
    };
    try {
      for (const item of items) {
        batch.push(item);
        if (batch.length === this.chunkSize) await flush();
      }
      if (batch.length) await flush();
    } catch (err) {
      // Nothing names this generation yet: its chunks go, so a failed write leaves nothing behind.
      await this.drop(generation, chunks).catch(() => undefined);
      throw err;
    }
    const head: Omit<SnapshotHead, '_id'> = {
      format: this.format,
      generation,
      chunks,
      items: count,
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
    return { items: count, bytes };
  }

  /**
   * The head's chunks, one at a time, in order, as decoded (the caller checks each item); the next one is read and
   * gunzipped (off the main thread) while the caller takes in the current one. Throws SnapshotUnreadable when a chunk
   * is missing (a newer snapshot replaced this one meanwhile) or does not decode.
   */
  async *chunks(head: SnapshotHead): AsyncGenerator<unknown[]> {
    let next = head.chunks > 0 ? this.unzipped(head, 0) : undefined;
    for (let n = 0; next; n++) {
      const data = await next;
      next = n + 1 < head.chunks ? this.unzipped(head, n + 1) : undefined;
      // Should the caller stop at this chunk, the one read ahead must not fail unheard.
      next?.catch(() => undefined);
      let items: unknown;
      try {
        items = deserialize(data);
      } catch (err) {
        throw new SnapshotUnreadable(`chunk ${n} does not decode: ${(err as Error).message}`);
      }
      if (!Array.isArray(items)) throw new SnapshotUnreadable(`chunk ${n} holds no items`);
      yield items as unknown[];
    }
  }

  private async unzipped(head: SnapshotHead, n: number): Promise<Buffer> {
    const doc = await this.docs.findById(`${head.generation}:${n}`);
    if (!doc?.data) throw new SnapshotUnreadable(`chunk ${n} of ${head.chunks} is missing`);
    try {
      return await gunzipAsync(doc.data.buffer);
    } catch (err) {
      throw new SnapshotUnreadable(`chunk ${n} does not unzip: ${(err as Error).message}`);
    }
  }

  private async drop(generation: string, chunks: number): Promise<void> {
    for (let n = 0; n < chunks; n++) await this.docs.deleteOne({ _id: `${generation}:${n}` });
  }
}
