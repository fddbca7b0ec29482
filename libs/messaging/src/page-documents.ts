import { sameRow, type MirrorRow } from './sorted-rows.js';

export interface PageDocumentsOptions<R extends MirrorRow, T> {
  /** The documents of `ids`, read by `_id`; those gone are left out. */
  read: (ids: string[]) => Promise<T[]>;
  /** The row a document makes: a kept document serves a page only while its row is the one shown. */
  rowOf: (doc: T) => R;
  /** Documents kept, the least recently shown dropped first. */
  max: number;
  /** How long a kept document serves without being read again, whatever the rows say. */
  ttlMs: number;
}

/**
 * The documents of a list's pages, kept per replica by `_id`: a page reads only the documents whose row changed
 * since they were kept (a notice or this replica's write moved the row), or that were kept longer than `ttlMs`.
 *
 * What that does to a page's check against its documents (ListMirror.confirm): a kept document agrees with its row
 * by construction, so only the documents read again can correct a row. A row left behind by a lost notice is
 * corrected when its document is next read: at most `ttlMs` after it was kept, as a list without this cache corrected
 * it at the next page showing it.
 */
export class PageDocuments<R extends MirrorRow, T> {
  private readonly kept = new Map<string, { doc: T; row: R; at: number }>();

  constructor(private readonly o: PageDocumentsOptions<R, T>) {}

  get size(): number {
    return this.kept.size;
  }

  /** The documents of `rows`, in their order (those gone left out): kept ones that still match, the rest read. */
  async of(rows: readonly R[]): Promise<T[]> {
    const now = Date.now();
    const missing: string[] = [];
    const found = new Map<string, T>();
    for (const row of rows) {
      const k = this.kept.get(row.id);
      if (k && now - k.at < this.o.ttlMs && sameRow(k.row, row)) {
        found.set(row.id, k.doc);
        // Most recently shown last: the first in the map goes when it is full.
        this.kept.delete(row.id);
        this.kept.set(row.id, k);
      } else missing.push(row.id);
    }
    if (missing.length) {
      for (const doc of await this.o.read(missing)) {
        const row = this.o.rowOf(doc);
        found.set(row.id, doc);
        this.kept.delete(row.id);
        this.kept.set(row.id, { doc, row, at: now });
      }
      for (const id of this.kept.keys()) {
        if (this.kept.size <= this.o.max) break;
        this.kept.delete(id);
      }
    }
    return rows.flatMap((r) => (found.has(r.id) ? [found.get(r.id)!] : []));
  }

  /** Drops a kept document (this replica changed it, or it is gone). */
  drop(id: string): void {
    this.kept.delete(id);
  }
}
