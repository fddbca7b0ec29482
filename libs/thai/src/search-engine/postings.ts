import { Slabs } from './slabs.js';

/**
 * One term's postings, compact: (slot, packed counts) pairs side by side in one typed array, in slot order (slots
 * only grow, compaction keeps their order), so that a lookup is a binary search and 50,000 stories cost 8 bytes a
 * posting, not two boxed arrays' worth. Beside them, the term's positions in each document, one run per posting in
 * the same order (16-bit until a document is longer than that): a phrase check walks them forward with the postings,
 * in memory order, instead of jumping into each document's own array. A pair's top ten bits hold how many positions
 * it has (COUNT_FULL and `longRuns` past that), and where each BLOCK-th posting's run begins is kept, so that finding
 * a run adds at most BLOCK - 1 counts.
 */
export class Postings {
  private pairs = small.u32(4);
  private positions: Uint16Array | Uint32Array = NO_POSITIONS;
  /** Where posting `BLOCK × b`'s positions begin, from the second block on (the first begins at 0). */
  private blocks: Uint32Array = NO_BLOCKS;
  /** Positions held. */
  private used = 0;
  /** The runs of COUNT_FULL positions or more, by posting. */
  private longRuns: Map<number, number> | undefined;
  /** Pairs held, removed documents' included until the index compacts. */
  length = 0;
  /** Live documents holding the term. */
  df = 0;

  /**
   * Adds a document's posting: its slot (above every slot so far), packed counts (below 2^COUNT_SHIFT) and the term's
   * positions there, ascending: `at[from..to)`.
   */
  push(slot: number, packed: number, at: ArrayLike<number>, from: number, to: number): void {
    const n = this.length;
    // Doubled while small, by a quarter once large (a common term's pairs are megabytes at 50,000 documents).
    if (n * 2 === this.pairs.length) this.pairs = grown(this.pairs, n < 512 ? n * 4 : 2 * Math.ceil(n * 1.25));
    const count = to - from;
    if (count >= COUNT_FULL) (this.longRuns ??= new Map()).set(n, count);
    this.pairs[n * 2] = slot;
    this.pairs[n * 2 + 1] = (packed | (Math.min(count, COUNT_FULL) << COUNT_SHIFT)) >>> 0;
    if (n % BLOCK === 0 && n > 0) {
      const b = n / BLOCK - 1;
      if (b === this.blocks.length) this.blocks = grown(this.blocks, Math.max(4, b * 2));
      this.blocks[b] = this.used;
    }
    const need = this.used + count;
    const wide = count > 0 && at[to - 1] > 0xffff;
    if (need > this.positions.length || (wide && this.positions instanceof Uint16Array)) {
      const Store = wide || this.positions instanceof Uint32Array ? Uint32Array : Uint16Array;
      // Grown by a quarter once large: the positions are most of a common term's memory.
      const size = this.positions.length;
      // A term's first positions are cut from shared buffers: most terms are in one document or a few.
      const next =
        size === 0 && Store === Uint16Array
          ? small.u16(need)
          : new Store(Math.max(need, size < 1024 ? size * 2 : Math.ceil(size * 1.25)));
      next.set(this.positions.subarray(0, this.used));
      this.positions = next;
    }
    for (let i = from; i < to; i++) this.positions[this.used + i - from] = at[i];
    this.used = need;
    this.length++;
  }

  slot(i: number): number {
    return this.pairs[i * 2];
  }

  /** The packed counts the posting was put with (and its count of positions above them). */
  packed(i: number): number {
    return this.pairs[i * 2 + 1];
  }

  /** How many positions posting `i` has. */
  count(i: number): number {
    const c = this.pairs[i * 2 + 1] >>> COUNT_SHIFT;
    return c === COUNT_FULL ? this.longRuns!.get(i)! : c;
  }

  /** Where posting `i`'s positions begin in `positionsOf()` (they run for `count(i)`). */
  start(i: number): number {
    const first = i - (i % BLOCK);
    let at = first ? this.blocks[first / BLOCK - 1] : 0;
    for (let j = first; j < i; j++) at += this.count(j);
    return at;
  }

  /** Every posting's positions, ascending within each run. */
  positionsOf(): Uint16Array | Uint32Array {
    return this.positions;
  }

  /** Which posting holds `slot`, or -1 when the term is not in that document. */
  indexOf(slot: number): number {
    const pairs = this.pairs;
    let lo = 0;
    let hi = this.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const s = pairs[mid * 2];
      if (s === slot) return mid;
      if (s < slot) lo = mid + 1;
      else hi = mid - 1;
    }
    return -1;
  }

  /**
   * The first pair at or after `from` whose slot is at least `slot` (`length` when none): galloping forward, so that
   * walking ascending slots through the postings costs about the steps between them, not a search each time.
   */
  seek(slot: number, from: number): number {
    const pairs = this.pairs;
    let step = 1;
    let lo = from;
    while (lo + step < this.length && pairs[(lo + step) * 2] < slot) {
      lo += step;
      step *= 2;
    }
    let hi = Math.min(lo + step, this.length);
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (pairs[mid * 2] < slot) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** Drops the room kept for growth: the arrays shrink to what they hold (after a load, say). */
  fit(): void {
    const pairs = Math.max(4, this.length * 2);
    if (this.pairs.length > pairs) this.pairs = small.copyOf(this.pairs, pairs);
    if (this.positions.length > this.used) this.positions = small.copyOf(this.positions, this.used);
    const blocks = this.length > 0 ? Math.floor((this.length - 1) / BLOCK) : 0;
    if (this.blocks.length > blocks) this.blocks = blocks ? small.copyOf(this.blocks, blocks) : NO_BLOCKS;
  }

  /** Keeps the pairs whose slot `renumber` maps (to its new slot), dropping the rest; the storage shrinks to fit. */
  renumber(to: Int32Array): void {
    const [pairs, positions, length] = [this.pairs, this.positions, this.length];
    const counts = Array.from({ length }, (_, i) => this.count(i));
    this.pairs = small.u32(4);
    this.positions = NO_POSITIONS;
    this.blocks = NO_BLOCKS;
    this.used = 0;
    this.longRuns = undefined;
    this.length = 0;
    let from = 0;
    for (let i = 0; i < length; i++) {
      const slot = to[pairs[i * 2]];
      if (slot >= 0) this.push(slot, pairs[i * 2 + 1] & PACKED, positions, from, from + counts[i]);
      from += counts[i];
    }
    this.fit();
  }
}

/** Postings per block of `Postings.blocks`. */
const BLOCK = 16;
/** Where a pair's count of positions begins; the bits below are the caller's. */
const COUNT_SHIFT = 22;
const PACKED = (1 << COUNT_SHIFT) - 1;
const COUNT_FULL = 1023;
const NO_POSITIONS = new Uint16Array(0);
const NO_BLOCKS = new Uint32Array(0);
/** Where every term's first pairs and positions come from. */
const small = new Slabs();

/** A copy of `a` with room for `size` values. */
function grown(a: Uint32Array, size: number): Uint32Array<ArrayBuffer> {
  const b = new Uint32Array(size);
  b.set(a);
  return b;
}
