import { Injectable } from '@nestjs/common';
import type { Language } from '@khao/contracts';
import { publicTermsOf } from './story-state.js';
import type { StoryDoc } from './story.schema.js';

/** What the index keeps of a story: everything a listing shows, without bodies or the outbox. */
export type IndexedStory = Omit<
  StoryDoc,
  'outbox' | 'versions' | 'tokens' | 'searchText' | 'publicTerms' | 'history'
> & {
  versions: Omit<StoryDoc['versions'][number], 'body'>[];
};

/** The words and the normalised text of what one reader-visible version says. */
interface PublishedText {
  tokens: Set<string>;
  searchText: string;
}

interface Entry {
  story: IndexedStory;
  /** Every version, drafts included: the admin search. */
  tokens: Set<string>;
  searchText: string;
  /** Published versions only, by language: the public search. */
  published: Map<Language, PublishedText>;
  sortKey: string; // updatedAt ISO + id: one string compare orders newest first
}

export interface IndexQuery {
  createdBy?: string;
  tokens: string[];
  phrases: string[];
  /** `<lang>:<status>` keys, any of which matches. */
  langStatus?: string[];
  tag?: string;
  category?: string;
  province?: string;
  eventFrom?: Date;
  eventTo?: Date;
  /** The sort key of the last item of the previous page. */
  after?: string;
  limit: number;
}

/**
 * The articles service's read model for search, listings and slugs, in memory. FerretDB's SQLite backend reads
 * the whole collection for any query not by `_id`, so these are answered here: built from the database at boot,
 * updated by this replica's own writes at once and by every replica's article events (StoryIndexSync).
 */
@Injectable()
export class StoryIndex {
  private readonly entries = new Map<string, Entry>();
  private readonly slugs = new Map<string, string>();
  /** Entries newest first, rebuilt on the first query after a change. */
  private sorted: Entry[] = [];
  private dirty = false;
  private changeCount = 0;

  get size(): number {
    return this.entries.size;
  }

  put(doc: StoryDoc): void {
    const id = doc._id;
    const { outbox: _o, tokens, searchText, publicTerms, history: _h, versions, ...rest } = doc; // eslint-disable-line @typescript-eslint/no-unused-vars
    const story: IndexedStory = { ...rest, versions: versions.map(({ body: _b, ...v }) => v) };
    // Stories last saved before the public words were kept have them cut here, once per load.
    const published = new Map<Language, PublishedText>(
      (publicTerms ?? publicTermsOf(doc)).map((t) => [
        t.language,
        { tokens: new Set(t.tokens), searchText: t.searchText },
      ]),
    );
    this.dirty = true;
    this.changeCount++;
    this.entries.set(id, {
      story,
      tokens: new Set(tokens),
      searchText,
      published,
      sortKey: `${new Date(doc.updatedAt).toISOString()}|${id}`,
    });
    for (const key of doc.slugs) this.slugs.set(key, id);
  }

  ids(): string[] {
    return [...this.entries.keys()];
  }

  revisionOf(id: string): number | undefined {
    return this.entries.get(id)?.story.revision;
  }

  remove(id: string): void {
    const e = this.entries.get(id);
    if (!e) return;
    this.entries.delete(id);
    this.dirty = true;
    this.changeCount++;
    for (const key of e.story.slugs) if (this.slugs.get(key) === id) this.slugs.delete(key);
  }

  /** Newest change first; `after` is the sortKey of the previous page's last item. */
  query(q: IndexQuery): { items: IndexedStory[]; lastKey: string | null; more: boolean } {
    const sorted = this.newestFirst();
    // Walk from the cursor in order and stop one past the page: a listing reads `limit + 1` entries, a search
    // only as far as its matches reach.
    const hits: Entry[] = [];
    for (
      let i = q.after ? firstAfter(sorted, q.after, (e) => e.sortKey) : 0;
      i < sorted.length && hits.length <= q.limit;
      i++
    ) {
      if (matches(sorted[i], q)) hits.push(sorted[i]);
    }
    const page = hits.slice(0, q.limit);
    return { items: page.map((e) => e.story), lastKey: page.at(-1)?.sortKey ?? null, more: hits.length > q.limit };
  }

  private newestFirst(): Entry[] {
    if (this.dirty) {
      this.sorted = [...this.entries.values()].sort((a, b) =>
        a.sortKey < b.sortKey ? 1 : a.sortKey > b.sortKey ? -1 : 0,
      );
      this.dirty = false;
    }
    return this.sorted;
  }

  /** Grows on every put or remove: read models derived from the index (public listings) rebuild when it moved. */
  get changes(): number {
    return this.changeCount;
  }

  /** Every indexed story, in no particular order. */
  *stories(): IterableIterator<IndexedStory> {
    for (const e of this.entries.values()) yield e.story;
  }

  /**
   * Whether the published `language` version of a story (with the fields all versions share) has every query word
   * and phrase: what readers can see, never a draft of it or of another language, which the match would betray.
   */
  matchesPublished(id: string, language: Language, tokens: string[], phrases: string[]): boolean {
    const t = this.entries.get(id)?.published.get(language);
    return !!t && tokens.every((w) => t.tokens.has(w)) && phrases.every((p) => t.searchText.includes(p));
  }

  /** Stories whose cover or gallery is `mediaId` (a scan: deletes of images are rare). */
  usingMedia(mediaId: string): IndexedStory[] {
    const out: IndexedStory[] = [];
    for (const { story } of this.entries.values()) {
      if (story.coverMediaId === mediaId || story.galleryMediaIds.includes(mediaId)) out.push(story);
    }
    return out;
  }

  bySlug(language: Language, slug: string): IndexedStory | undefined {
    const id = this.slugs.get(`${language}:${slug}`);
    return id ? this.entries.get(id)?.story : undefined;
  }
}

/** Index of the first entry strictly older than `key` in a newest-first list (binary search). */
export function firstAfter<T>(sorted: T[], key: string, keyOf: (entry: T) => string): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (keyOf(sorted[mid]) >= key) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function matches(e: Entry, q: IndexQuery): boolean {
  const s = e.story;
  if (q.createdBy && s.createdBy !== q.createdBy) return false;
  if (q.tag && !s.tags.includes(q.tag)) return false;
  if (q.category && !s.categories.includes(q.category)) return false;
  if (q.province && s.dateline.province !== q.province) return false;
  if (q.langStatus && !s.langStatus.some((k) => q.langStatus!.includes(k))) return false;
  if (q.eventFrom || q.eventTo) {
    if (!s.eventStart) return false;
    const t = new Date(s.eventStart).getTime();
    if (q.eventFrom && t < q.eventFrom.getTime()) return false;
    if (q.eventTo && t > q.eventTo.getTime()) return false;
  }
  for (const t of q.tokens) if (!e.tokens.has(t)) return false;
  for (const p of q.phrases) if (!e.searchText.includes(p)) return false;
  return true;
}
