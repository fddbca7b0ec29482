export interface MirrorRow {
  id: string;
}

/** Whether two rows hold the same fields (rows are flat: ids, strings, numbers, booleans). */
export function sameRow<R extends MirrorRow>(a: R | undefined, b: R): boolean {
  if (!a) return false;
  const keys = Object.keys(b) as (keyof R)[];
  return keys.length === Object.keys(a).length && keys.every((k) => a[k] === b[k]);
}

/** Rows in one total order, found by id: a put or a removal is a binary search and one splice. */
export class SortedRows<R extends MirrorRow> {
  private readonly byId = new Map<string, R>();
  private list: R[] = [];

  constructor(private readonly compare: (a: R, b: R) => number) {}

  /** From rows in any order (one sort, not one splice each); a repeated id keeps its last row. */
  static of<R extends MirrorRow>(rows: R[], compare: (a: R, b: R) => number): SortedRows<R> {
    const out = new SortedRows(compare);
    for (const r of rows) out.byId.set(r.id, r);
    out.list = [...out.byId.values()].sort(compare);
    return out;
  }

  get size(): number {
    return this.list.length;
  }

  get(id: string): R | undefined {
    return this.byId.get(id);
  }

  all(): readonly R[] {
    return this.list;
  }

  put(row: R): void {
    this.remove(row.id);
    this.list.splice(this.indexOf(row), 0, row);
    this.byId.set(row.id, row);
  }

  remove(id: string): void {
    const current = this.byId.get(id);
    if (!current) return;
    const at = this.indexOf(current);
    if (this.list[at] === current) this.list.splice(at, 1);
    else this.list = this.list.filter((r) => r !== current); // never expected: the order held when it was put
    this.byId.delete(id);
  }

  page(past: ((r: R) => boolean) | undefined, keep: (r: R) => boolean, limit: number): R[] {
    const out: R[] = [];
    for (let i = past ? this.firstNot(past) : 0; i < this.list.length && out.length < limit; i++) {
      if (keep(this.list[i])) out.push(this.list[i]);
    }
    return out;
  }

  /** The index of the first row where `before` is false (it holds for a prefix of the order). */
  private firstNot(before: (r: R) => boolean): number {
    let lo = 0;
    let hi = this.list.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (before(this.list[mid])) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** Where `row` goes (or is): the first row not before it. */
  private indexOf(row: R): number {
    return this.firstNot((r) => this.compare(r, row) < 0);
  }
}
