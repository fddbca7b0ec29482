import { Injectable } from '@nestjs/common';
import type { Language } from '@khao/contracts';
import { parseQuery, SearchIndex, type ParsedQuery, type SearchDoc, type SearchHit } from '@khao/thai';
import { indexedRecord, StringPool, type IndexedStory, type IndexedVersion } from './story-index.record.js';
import { searchDocOf } from './story-search.js';
import type { StoryDoc } from './story.schema.js';

export type { IndexedStory, IndexedVersion } from './story-index.record.js';

interface Entry {
  story: IndexedStory;
  sortKey: string; // updatedAt ISO + id: one string compare orders newest first
}

/** What the text index keeps with each version's document. */
interface VersionRef {
  story: IndexedStory;
  version: IndexedVersion;
}

/** What a search's version test may read (each pair is a facet of the text index, tested without the document). */
type VersionFacet = Pick<IndexedVersion, 'language' | 'status'>;

/** A story found by a text query: its best-matching version's hit. */
export interface StoryHit {
  story: IndexedStory;
  language: Language;
  hit: SearchHit<VersionRef>;
}

/** Told of every change to the index, so a read model derived from it can follow one story at a time. */
export interface IndexListener {
  /** A story was put (`after`) or removed (`after` undefined); `before` is what the index held until then. */
  changed(before: IndexedStory | undefined, after: IndexedStory | undefined): void;
  /** Everything was dropped (a reload starts). */
  cleared(): void;
}

export interface IndexFilter {
  createdBy?: string;
  /** `<lang>:<status>` keys, any of which matches. */
  langStatus?: string[];
  tag?: string;
  category?: string;
  province?: string;
  eventFrom?: Date;
  eventTo?: Date;
}

export interface IndexQuery extends IndexFilter {
  /** Words (and unspaced phrases) every listed story must have, the order staying newest first. */
  tokens?: string[];
  phrases?: string[];
  /** A text query every listed story must match, the order staying newest first. */
  matching?: ParsedQuery;
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
  /** One document per language version (`<storyId>:<lang>`), drafts included: ranked text search. */
  private text = new SearchIndex<VersionRef>();
  private readonly strings = new StringPool();
  private readonly listeners: IndexListener[] = [];
  /** Each version's language and status as a facet number of the text index, and back. */
  private readonly facetIds = new Map<string, number>();
  private readonly facets: VersionFacet[] = [];

  /** `listener` hears of every later put, remove and clear. */
  listen(listener: IndexListener): void {
    this.listeners.push(listener);
  }

  get size(): number {
    return this.entries.size;
  }

  put(doc: StoryDoc): void {
    this.insert(
      indexedRecord(doc, this.strings),
      doc.versions.map((v) => searchDocOf(doc, v)),
    );
  }

  /** A story as a snapshot keeps it: its indexed fields and each version's analysed search fields, in order. */
  putIndexed(entry: IndexedStory, analyzed: string[][]): void {
    const story = indexedRecord(entry, this.strings);
    const time = new Date(story.updatedAt).getTime();
    this.insert(
      story,
      story.versions.map((v, i) => ({
        key: `${story._id}:${v.language}`,
        title: '',
        summary: '',
        body: '',
        extra: '',
        analyzed: analyzed[i],
        time,
      })),
    );
  }

  /** Every indexed story with its versions' analysed search fields, for a snapshot ({@link putIndexed} reads it). */
  *indexed(): IterableIterator<{ story: IndexedStory; analyzed: string[][] }> {
    for (const { story } of this.entries.values()) {
      const analyzed = story.versions.map((v) => this.text.analyzedOf(`${story._id}:${v.language}`) ?? []);
      yield { story, analyzed };
    }
  }

  /** A bulk load is in: the text index gives back the room its arrays kept for growth. */
  loaded(): void {
    this.text.fit();
  }

  /** Everything dropped: a load starts over. */
  clear(): void {
    this.entries.clear();
    this.slugs.clear();
    this.strings.clear();
    this.sorted = [];
    this.dirty = false;
    this.changeCount++;
    this.text = new SearchIndex<VersionRef>();
    for (const l of this.listeners) l.cleared();
  }

  private insert(story: IndexedStory, docs: SearchDoc[]): void {
    const id = story._id;
    const before = this.entries.get(id);
    for (const v of before?.story.versions ?? []) {
      if (!story.versions.some((x) => x.language === v.language)) this.text.remove(`${id}:${v.language}`);
    }
    for (const [i, d] of docs.entries()) {
      const version = story.versions[i];
      this.text.put({ ...d, ref: { story, version }, facet: this.facetOf(version) });
    }
    this.dirty = true;
    this.changeCount++;
    this.entries.set(id, { story, sortKey: `${new Date(story.updatedAt).toISOString()}|${id}` });
    for (const key of story.slugs) this.slugs.set(key, id);
    for (const l of this.listeners) l.changed(before?.story, story);
  }

  private facetOf({ language, status }: VersionFacet): number {
    const key = `${language}:${status}`;
    let id = this.facetIds.get(key);
    if (id === undefined) {
      id = this.facets.push({ language, status }) - 1;
      this.facetIds.set(key, id);
    }
    return id;
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
    for (const v of e.story.versions) this.text.remove(`${id}:${v.language}`);
    this.dirty = true;
    this.changeCount++;
    for (const key of e.story.slugs) if (this.slugs.get(key) === id) this.slugs.delete(key);
    for (const l of this.listeners) l.changed(e.story, undefined);
  }

  /** Newest change first; `after` is the sortKey of the previous page's last item. */
  query(q: IndexQuery): { items: IndexedStory[]; lastKey: string | null; more: boolean } {
    const sorted = this.newestFirst();
    const text = q.matching ?? (q.tokens?.length ? legacyQuery(q.tokens, q.phrases ?? []) : undefined);
    const having = text ? this.matching(text) : undefined;
    // Walk from the cursor in order and stop one past the page: a listing reads `limit + 1` entries, a search
    // only as far as its matches reach.
    const hits: Entry[] = [];
    for (
      let i = q.after ? firstAfter(sorted, q.after, (e) => e.sortKey) : 0;
      i < sorted.length && hits.length <= q.limit;
      i++
    ) {
      if (matches(sorted[i].story, q) && (!having || having.has(sorted[i].story._id))) hits.push(sorted[i]);
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
   * Stories whose versions match a text query, best first: one hit per story (its best version), versions limited to
   * `versionOk` (language, status) and stories to the filter; at least `atLeast` stories when that many match.
   * `total` counts the matching versions.
   */
  textSearch(
    query: ParsedQuery,
    filter: IndexFilter,
    versionOk?: (v: VersionFacet) => boolean,
    atLeast = Infinity,
  ): { hits: StoryHit[]; total: number } {
    const open = Object.values(filter).every((v) => v === undefined);
    const accept = open ? undefined : (r: VersionRef) => matches(r.story, filter);
    // The version test by facet: once per language and status, not once per matching document.
    const facet = versionOk && ((f: number) => f < this.facets.length && versionOk(this.facets[f]));
    // A story has a document per version: ask for enough documents to make `atLeast` stories, more if needed.
    for (let limit = atLeast * 2; ; limit *= 2) {
      const { hits, total } = this.text.search(query, { accept, facet, limit });
      const out: StoryHit[] = [];
      const seen = new Set<string>();
      for (const hit of hits) {
        const { story, version } = hit.ref;
        if (seen.has(story._id)) continue;
        seen.add(story._id);
        out.push({ story, language: version.language, hit });
      }
      if (out.length >= atLeast || hits.length >= total) return { hits: out, total };
    }
  }

  /**
   * Whether the published `language` version of a story (with the fields all versions share) has every query word
   * and phrase: what readers can see, never a draft of it or of another language, which the match would betray.
   */
  matchesPublished(id: string, language: Language, tokens: string[], phrases: string[]): boolean {
    const v = this.entries.get(id)?.story.versions.find((x) => x.language === language);
    if (v?.status !== 'published' || tokens.length === 0) return false;
    const accept = (r: VersionRef) => r.story._id === id && r.version.language === language;
    return this.text.match(legacyQuery(tokens, phrases), accept).length > 0;
  }

  /** `<storyId>:<lang>` of the published versions (of `language`, if given) matching a text query. */
  publishedMatches(query: ParsedQuery, language?: Language): Set<string> {
    const accept = (r: VersionRef) =>
      r.version.status === 'published' && (!language || r.version.language === language);
    return new Set(this.text.match(query, accept).map((h) => h.key));
  }

  private matching(query: ParsedQuery): Set<string> {
    return new Set(this.text.match(query).map((h) => h.ref.story._id));
  }

  /** The index's words, for "did you mean". */
  get words(): Pick<SearchIndex, 'vocabulary' | 'documentFrequency'> {
    return this.text;
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

/** Words and unspaced phrases already cut, as one query: the phrases when there are any, else the words. */
const legacyQuery = (tokens: string[], phrases: string[]): ParsedQuery =>
  parseQuery((phrases.length ? phrases : tokens).join(' '));

function matches(s: IndexedStory, q: IndexFilter): boolean {
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
  return true;
}
