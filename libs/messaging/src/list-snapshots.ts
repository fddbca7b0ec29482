import { ChunkedSnapshots, SnapshotUnreadable, type Database, type SnapshotHead } from '@khao/persistence';

/** Rows a chunk holds: well under a megabyte compressed for rows of a few short fields, far below 16 MB. */
export const CHUNK_ROWS = 25_000;

/**
 * A ListMirror's rows saved in the service's own database (see ChunkedSnapshots), for a replica to boot from instead
 * of streaming (and FerretDB decoding) the whole collection.
 */
export class ListSnapshots<R> extends ChunkedSnapshots<R> {
  /** `format` is the rows' shape and encoding: a head of another format is never read (bump it when they change). */
  constructor(db: Database, collection: string, format: number) {
    super(db, collection, format, CHUNK_ROWS);
  }

  /**
   * Every row of the head's chunks, each checked by `revive` (undefined: malformed). Throws SnapshotUnreadable when a
   * chunk is missing (a newer snapshot replaced this one meanwhile), does not decode, or the count is wrong.
   */
  async read(head: SnapshotHead, revive: (row: unknown) => R | undefined): Promise<R[]> {
    const out: R[] = [];
    let n = 0;
    for await (const rows of this.chunks(head)) {
      for (const r of rows) {
        const row = revive(r);
        if (row === undefined) throw new SnapshotUnreadable(`chunk ${n} holds a malformed row`);
        out.push(row);
      }
      n++;
    }
    if (out.length !== head.items) throw new SnapshotUnreadable(`${out.length} rows read, the head says ${head.items}`);
    return out;
  }
}
