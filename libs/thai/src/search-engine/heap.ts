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
