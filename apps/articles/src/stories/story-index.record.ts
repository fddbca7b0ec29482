import type { StoryDoc, VersionDoc } from './story.schema.js';

/** What the index keeps of a language version: what listings, slugs and filters read; not its body, SEO or saver. */
export type IndexedVersion = Omit<VersionDoc, 'body' | 'seo' | 'updatedBy'>;

/**
 * What the index keeps of a story: everything a listing shows or a filter tests, without bodies, the outbox, the
 * history, the search words (the text index has them) or what only the database's copy needs (deletedAt: the index
 * holds live stories only; nextScheduledAt: the scheduler reads the database).
 */
export type IndexedStory = Omit<
  StoryDoc,
  | 'outbox'
  | 'versions'
  | 'tokens'
  | 'searchText'
  | 'publicTerms'
  | 'searchTerms'
  | 'history'
  | 'deletedAt'
  | 'nextScheduledAt'
> & {
  versions: IndexedVersion[];
};

/**
 * One copy of each string that repeats across stories (languages, statuses, tags, categories, places, bylines,
 * authors): every story read from the database or a snapshot brings its own copy of each. Only for fields with few
 * distinct values: the pool keeps every value it saw until the index is cleared.
 */
export class StringPool {
  private readonly strings = new Map<string, string>();

  of<T extends string | null | undefined>(s: T): T {
    if (typeof s !== 'string') return s;
    const kept = this.strings.get(s);
    if (kept !== undefined) return kept as T;
    this.strings.set(s, s);
    return s;
  }

  /** A list's strings shared; a list a story lacks (saved before the field existed) is empty. */
  all<T extends string>(list: T[] | undefined): T[] {
    return list ? list.map((s) => this.of(s)) : [];
  }

  clear(): void {
    this.strings.clear();
  }
}

/**
 * The index's record of a story (from the database or a snapshot): only the fields of IndexedStory, in one property
 * order (one object shape for every story), with the repeated strings shared.
 */
export function indexedRecord(s: IndexedStory, pool: StringPool): IndexedStory {
  const { place, province } = s.dateline ?? {};
  return {
    _id: s._id,
    revision: s.revision,
    sourceLanguage: pool.of(s.sourceLanguage),
    dateline: {
      ...(place !== undefined ? { place: pool.of(place) } : {}),
      ...(province !== undefined ? { province: pool.of(province) } : {}),
    },
    eventDate: s.eventDate,
    categories: pool.all(s.categories),
    tags: pool.all(s.tags),
    byline: pool.of(s.byline),
    coverMediaId: s.coverMediaId,
    galleryMediaIds: s.galleryMediaIds,
    createdBy: pool.of(s.createdBy),
    createdAt: s.createdAt,
    updatedAt: s.updatedAt,
    slugs: s.slugs,
    langStatus: pool.all(s.langStatus),
    eventStart: s.eventStart,
    versions: s.versions.map((v) => ({
      language: pool.of(v.language),
      title: v.title,
      summary: v.summary,
      slug: slugOf(v, s.slugs),
      status: pool.of(v.status),
      revision: v.revision,
      scheduledAt: v.scheduledAt,
      publishedAt: v.publishedAt,
      updatedAt: v.updatedAt,
      translationOf: pool.of(v.translationOf),
    })),
  };
}

/**
 * A version's slug as a part of its `<lang>:<slug>` key in the story's slugs, when it is there (it is, but for a story
 * saved before): V8 keeps a slice of a long string as a reference into it, so the slug is not held twice.
 */
function slugOf(v: Pick<IndexedVersion, 'language' | 'slug'>, slugs: string[]): string {
  const key = slugs.find((k) => k.length === v.language.length + 1 + v.slug.length && k.endsWith(v.slug));
  return key?.startsWith(`${v.language}:`) ? key.slice(v.language.length + 1) : v.slug;
}
