/**
 * One term's postings, compact: (slot, packed counts) pairs side by side in one typed array, in slot order (slots
 * only grow, compaction keeps their order), so that a lookup is a binary search and 50,000 stories cost 8 bytes a
 * posting, not two boxed arrays' worth.
 */
export class Postings {
  private pairs = new Uint32Array(4);
  /** Pairs held, removed documents' included until the index compacts. */
  length = 0;
  /** Live documents holding the term. */
  df = 0;

  push(slot: number, packed: number): void {
    if (this.length * 2 === this.pairs.length) {
      const grown = new Uint32Array(this.pairs.length * 2);
      grown.set(this.pairs);
      this.pairs = grown;
    }
    this.pairs[this.length * 2] = slot;
    this.pairs[this.length * 2 + 1] = packed;
    this.length++;
  }

  slot(i: number): number {
    return this.pairs[i * 2];
  }

  packed(i: number): number {
    return this.pairs[i * 2 + 1];
  }

  /** The packed counts of `slot`, or -1 when the term is not in that document. */
  find(slot: number): number {
    const pairs = this.pairs;
    let lo = 0;
    let hi = this.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const s = pairs[mid * 2];
      if (s === slot) return pairs[mid * 2 + 1];
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

  /** Keeps the pairs whose slot `renumber` maps (to its new slot), dropping the rest; the storage shrinks to fit. */
  renumber(to: Int32Array): void {
    let n = 0;
    for (let i = 0; i < this.length; i++) {
      const slot = to[this.pairs[i * 2]];
      if (slot < 0) continue;
      this.pairs[n * 2] = slot;
      this.pairs[n * 2 + 1] = this.pairs[i * 2 + 1];
      n++;
    }
    this.length = n;
    this.pairs = this.pairs.slice(0, Math.max(4, n * 2));
  }
}
