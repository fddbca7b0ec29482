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
import type { IndexedStory } from './story-index.js';

/**
 * Bumped whenever what a chunk holds changes: a snapshot of another format is ignored (the index loads in full).
 * 2: gzipped V8 serialization (dates stay dates; decoding took a quarter of BSON's), compacted stories.
 */
const FORMAT = 2;
const HEAD = 'head';
/** Stories a chunk holds: about 1 MB compressed for stories of six paragraphs, far below a document's 16 MB. */
export const CHUNK_STORIES = 1000;

const gzipAsync = promisify(gzip);
const gunzipAsync = promisify(gunzip);

export interface SnapshotEntry {
  story: IndexedStory;
  /** Per version, in order: its search fields already analysed. */
  analyzed: string[][];
}

export interface SnapshotHead {
  _id: typeof HEAD;
  format: number;
  /** The chunks are `<generation>:<n>`, n from 0 to chunks − 1. */
  generation: string;
  chunks: number;
  stories: number;
  /** Every article event stored in the stream before this instant is in the snapshot. */
  watermark: Date;
  takenAt: Date;
}

/** One collection holds the head (`_id` "head") and the chunks (`<generation>:<n>`, their `data`). */
const Snapshots = defineCollection({
  name: 'story_index_snapshots',
  schema: z.object({
    _id: z.string(),
    format: z.number().int().optional(),
    generation: z.string().optional(),
    chunks: z.number().int().optional(),
    stories: z.number().int().optional(),
    watermark: z.date().optional(),
    takenAt: z.date().optional(),
    data: BinaryField.optional(),
  }),
});

/** A snapshot that cannot be read whole: the caller loads the index from the stories instead. */
export class SnapshotUnreadable extends Error {}

/** A snapshot write abandoned at its deadline: the previous snapshot stays the current one. */
export class SnapshotTooSlow extends Error {}

/**
 * The StoryIndex's snapshot in the service's own database, for a replica to boot from without reading (and FerretDB
 * decoding) every whole story. One head document names the current generation; each chunk holds up to
 * CHUNK_STORIES stories (their indexed fields and analysed search fields) as gzipped V8 serialization, so the server
 * stores a few large binaries instead of decoding thousands of nested documents. Every read and write is by `_id`.
 *
 * Replicas may write at once: each writes its own generation, then swaps the head in one findAndModify and deletes
 * the generation that the swap replaced, so every generation is deleted exactly once, by whoever replaced it.
 */
export class StoryIndexSnapshots {
  private readonly docs: DocCollection<typeof Snapshots.schema>;

  constructor(db: Database) {
    this.docs = collectionOf(db, Snapshots);
  }

  /** The current snapshot's head, if there is one this code can read. */
  async head(): Promise<SnapshotHead | null> {
    const head = (await this.docs.findById(HEAD)) as SnapshotHead | null;
    return head?.format === FORMAT ? head : null;
  }

  /**
   * Writes `entries` as the new snapshot, chunk by chunk (one chunk's stories in memory at a time). Past `deadline`
   * (ms since the epoch) it stops and drops what it wrote, throwing SnapshotTooSlow: the head is never left naming
   * a generation that is not whole.
   */
  async write(
    entries: Iterable<SnapshotEntry>,
    watermark: Date,
    deadline = Infinity,
  ): Promise<{ stories: number; bytes: number }> {
    const generation = newObjectId();
    let chunks = 0;
    let stories = 0;
    let bytes = 0;
    let batch: SnapshotEntry[] = [];
    const flush = async () => {
      if (Date.now() > deadline) throw new SnapshotTooSlow(`abandoned after ${chunks} chunks: past its deadline`);
      const data = await gzipAsync(serialize(batch), { level: 1 });
      await this.docs.insertOne({ _id: `${generation}:${chunks}`, data: bson.binary(data) });
      chunks++;
      stories += batch.length;
      bytes += data.length;
      batch = [];
    };
    try {
      for (const e of entries) {
        batch.push(e);
        if (batch.length === CHUNK_STORIES) await flush();
      }
      if (batch.length) await flush();
    } catch (err) {
      // Nothing names this generation yet: its chunks go, so a failed write leaves nothing behind.
      await this.drop(generation, chunks).catch(() => undefined);
      throw err;
    }
    const head: Omit<SnapshotHead, '_id'> = {
      format: FORMAT,
      generation,
      chunks,
      stories,
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
    return { stories, bytes };
  }

  /**
   * The head's chunks, one at a time, in order; the next one is read and gunzipped (off the main thread) while the
   * caller takes in the current one. Throws SnapshotUnreadable when a chunk is missing (a newer snapshot replaced
   * this one meanwhile) or does not decode.
   */
  async *chunks(head: SnapshotHead): AsyncGenerator<SnapshotEntry[]> {
    let next = head.chunks > 0 ? this.unzipped(head, 0) : undefined;
    for (let n = 0; next; n++) {
      const data = await next;
      next = n + 1 < head.chunks ? this.unzipped(head, n + 1) : undefined;
      // Should the caller stop at this chunk, the one read ahead must not fail unheard.
      next?.catch(() => undefined);
      let entries: unknown;
      try {
        entries = deserialize(data);
      } catch (err) {
        throw new SnapshotUnreadable(`chunk ${n} does not decode: ${(err as Error).message}`);
      }
      if (!Array.isArray(entries)) throw new SnapshotUnreadable(`chunk ${n} holds no stories`);
      yield entries as SnapshotEntry[];
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
