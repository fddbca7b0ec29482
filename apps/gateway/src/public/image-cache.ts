import { LanguageSchema, type Language, type ResolvedImage } from '@khao/contracts';

/**
 * Resolved images (renditions, captions and alt text in one language) kept by each gateway replica for the public
 * responses it builds, so a response that is not cached asks only the articles service, not the media service too.
 * Dropped by the same media events as the response cache (PublicCacheSync), and whole when an event may have been
 * missed. Only images the media service resolved are kept: one that is not ready yet is asked again next time.
 */
export class ImageCache {
  private readonly entries = new Map<string, ResolvedImage>();
  /** Raised by every drop: a resolve that a drop overtook is used but not kept. */
  private generation = 0;

  /** `maxEntries` 0 turns the cache off. */
  constructor(private readonly maxEntries: number) {}

  get size(): number {
    return this.entries.size;
  }

  /** The images known for `ids`, and the ids to ask the media service for; `token` is handed back to `store`. */
  lookup(ids: string[], language: Language): { found: Map<string, ResolvedImage>; missing: string[]; token: number } {
    const found = new Map<string, ResolvedImage>();
    const missing: string[] = [];
    for (const id of ids) {
      const hit = this.entries.get(key(id, language));
      if (hit) found.set(id, hit);
      else missing.push(id);
    }
    return { found, missing, token: this.generation };
  }

  store(images: ResolvedImage[], language: Language, token: number): void {
    if (this.maxEntries === 0 || token !== this.generation) return;
    for (const image of images) {
      const k = key(image.id, language);
      this.entries.delete(k);
      this.entries.set(k, image);
    }
    // Oldest first out (a Map iterates in insertion order and every store re-inserts).
    for (const oldest of this.entries.keys()) {
      if (this.entries.size <= this.maxEntries) break;
      this.entries.delete(oldest);
    }
  }

  /** An image changed or went away: every language of it is dropped. */
  forget(mediaId: string): void {
    this.generation++;
    for (const language of LanguageSchema.options) this.entries.delete(key(mediaId, language));
  }

  clear(): void {
    this.generation++;
    this.entries.clear();
  }
}

const key = (id: string, language: Language) => `${id}:${language}`;
