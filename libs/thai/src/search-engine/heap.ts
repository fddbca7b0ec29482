/**
 * A binary heap of numbers (document slots) ordered by `first(a, b)`: the top is the item that comes first. As a
 * bounded top-k, ordered worst-first: the top is the one to drop when a better item comes.
 */
export class Heap {
  readonly items: number[];

  constructor(
    private readonly first: (a: number, b: number) => boolean,
    items: number[] = [],
  ) {
    this.items = items;
    for (let i = (items.length >> 1) - 1; i >= 0; i--) this.down(i);
  }

  get size(): number {
    return this.items.length;
  }

  peek(): number {
    return this.items[0];
  }

  push(item: number): void {
    const items = this.items;
    let i = items.push(item) - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.first(items[i], items[parent])) break;
      [items[i], items[parent]] = [items[parent], items[i]];
      i = parent;
    }
  }

  pop(): number {
    const items = this.items;
    const top = items[0];
    const last = items.pop()!;
    if (items.length) {
      items[0] = last;
      this.down(0);
    }
    return top;
  }

  /** Puts `item` in place of the top (push then pop, in one sift). */
  replaceTop(item: number): void {
    this.items[0] = item;
    this.down(0);
  }

  private down(i: number): void {
    const items = this.items;
    const n = items.length;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= n) return;
      const c = l + 1 < n && this.first(items[l + 1], items[l]) ? l + 1 : l;
      if (!this.first(items[c], items[i])) return;
      [items[i], items[c]] = [items[c], items[i]];
      i = c;
    }
  }
}

/**
 * A binary heap of at most `capacity` slots, each with a number: the largest number on top (`largestFirst`) or the
 * smallest. Plain numbers in typed arrays compared inline, for the many thousands of members a ranking bounds.
 */
export class KeyHeap {
  private readonly slots: Uint32Array;
  /** The numbers, negated when the largest comes first (so the top is always the smallest stored). */
  private readonly keys: Float64Array;
  private readonly sign: number;
  size = 0;

  constructor(largestFirst: boolean, capacity: number) {
    this.sign = largestFirst ? -1 : 1;
    this.slots = new Uint32Array(capacity);
    this.keys = new Float64Array(capacity);
  }

  topKey(): number {
    return this.sign * this.keys[0];
  }

  push(slot: number, key: number): void {
    const [slots, keys] = [this.slots, this.keys];
    let i = this.size++;
    const k = this.sign * key;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (keys[parent] <= k) break;
      slots[i] = slots[parent];
      keys[i] = keys[parent];
      i = parent;
    }
    slots[i] = slot;
    keys[i] = k;
  }

  /** Adds without keeping the order: call `heapify` before reading. */
  add(slot: number, key: number): void {
    this.slots[this.size] = slot;
    this.keys[this.size++] = this.sign * key;
  }

  heapify(): void {
    for (let i = (this.size >> 1) - 1; i >= 0; i--) this.down(i, this.slots[i], this.keys[i]);
  }

  pop(): number {
    const top = this.slots[0];
    const last = --this.size;
    if (last > 0) this.down(0, this.slots[last], this.keys[last]);
    return top;
  }

  /** Puts `slot` in place of the top (push then pop, in one sift). */
  replaceTop(slot: number, key: number): void {
    this.down(0, slot, this.sign * key);
  }

  /** Sifts (slot, stored key) down from `i`. */
  private down(i: number, slot: number, key: number): void {
    const [slots, keys, n] = [this.slots, this.keys, this.size];
    for (;;) {
      const l = 2 * i + 1;
      if (l >= n) break;
      const c = l + 1 < n && keys[l + 1] < keys[l] ? l + 1 : l;
      if (keys[c] >= key) break;
      slots[i] = slots[c];
      keys[i] = keys[c];
      i = c;
    }
    slots[i] = slot;
    keys[i] = key;
  }
}
