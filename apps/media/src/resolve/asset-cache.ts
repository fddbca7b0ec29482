import type { AssetDoc } from '../assets/asset.schema.js';

/**
 * Ready assets by id, in memory, for `media.resolve.v1` (every public page and social post asks for its images).
 * Bounded, least recently used out. Entries are forgotten when this replica writes an asset and when any replica's
 * media event says one changed (AssetCacheSync); a read that such a change overtook is answered but not kept, so an
 * entry can never be older than the last event about its asset.
 */
export class AssetCache {
  private readonly docs = new Map<string, AssetDoc>();
  private generation = 0;

  constructor(private readonly maxEntries: number) {}

  get size(): number {
    return this.docs.size;
  }

  async get(id: string, load: (id: string) => Promise<AssetDoc | null>): Promise<AssetDoc | null> {
    const hit = this.docs.get(id);
    if (hit) {
      // Re-inserted: a Map iterates in insertion order, so the first key is the least recently used.
      this.docs.delete(id);
      this.docs.set(id, hit);
      return hit;
    }
    const generation = this.generation;
    const doc = await load(id);
    if (doc?.status === 'ready' && this.maxEntries > 0 && generation === this.generation) {
      this.docs.set(id, { ...doc, outbox: [] });
      if (this.docs.size > this.maxEntries) this.docs.delete(this.docs.keys().next().value as string);
    }
    return doc;
  }

  forget(id: string): void {
    this.generation++;
    this.docs.delete(id);
  }

  clear(): void {
    this.generation++;
    this.docs.clear();
  }
}
