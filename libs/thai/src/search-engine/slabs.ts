/**
 * Small typed arrays cut from shared buffers. An index holds a few arrays per document and per term, most of them a
 * few dozen values long: each with its own buffer costs V8 an ArrayBuffer object and a native backing store besides
 * the values, more than the values themselves. A slab is freed once nothing cut from it is left; what a replaced
 * array leaves in its slab stays until then (an index's compaction copies its arrays into new slabs).
 */
export class Slabs {
  private u16Slab = new Uint16Array(0);
  private u16Used = 0;
  private u32Slab = new Uint32Array(0);
  private u32Used = 0;

  /** A zeroed 16-bit array of `length` values. */
  u16(length: number): Uint16Array {
    if (length > SLAB_VALUES / 16) return new Uint16Array(length);
    if (this.u16Used + length > this.u16Slab.length) [this.u16Slab, this.u16Used] = [new Uint16Array(SLAB_VALUES), 0];
    return this.u16Slab.subarray(this.u16Used, (this.u16Used += length));
  }

  /** A zeroed 32-bit array of `length` values. */
  u32(length: number): Uint32Array {
    if (length > SLAB_VALUES / 16) return new Uint32Array(length);
    if (this.u32Used + length > this.u32Slab.length) [this.u32Slab, this.u32Used] = [new Uint32Array(SLAB_VALUES), 0];
    return this.u32Slab.subarray(this.u32Used, (this.u32Used += length));
  }

  /** The first `length` values of `a` in an array of exactly that size. */
  copyOf<T extends Uint16Array | Uint32Array>(a: T, length: number): T {
    const b = (a instanceof Uint16Array ? this.u16(length) : this.u32(length)) as T;
    b.set(a.subarray(0, length));
    return b;
  }
}

/** Values a slab holds: 128 or 256 KiB, large enough that the buffer's own cost vanishes. */
const SLAB_VALUES = 65_536;
