import { type Language, LanguageSchema } from '@khao/contracts';
import { firstAfter, type IndexedStory, type IndexListener, type StoryIndex } from '../stories/story-index.js';

type IndexedVersion = IndexedStory['versions'][number];

export interface Published {
  /** `<publishedAt ISO>|<storyId>|<lang>`: one string compare orders newest publication first. */
  key: string;
  story: IndexedStory;
  version: IndexedVersion;
}

/** A language's month of publications (UTC), as the sitemap index lists it. */
export interface MonthSummary {
  language: Language;
  month: string;
  count: number;
  /** The newest `updatedAt` of the stories listed that month. */
  lastmod: string;
}

const iso = (d: Date | string) => new Date(d).toISOString();
const keyOf = (p: Published) => p.key;

/**
 * The published versions, newest publication first, per language and all together, with a count and newest change
 * per language and month (the sitemap index). Built from the StoryIndex on first use, then kept in step one story
 * at a time (a binary search and a splice per version), so a publish on a 50,000-story archive neither sorts the
 * archive again nor walks it to count its months. A reload of the index drops them until the next use.
 */
export class PublishedLists implements IndexListener {
  private lists: Map<Language | '*', Published[]> | null = null;
  private months = new Map<Language, Map<string, MonthSummary>>();

  constructor(private readonly index: StoryIndex) {
    index.listen(this);
  }

  /** Newest publication first: one language's versions, or every language's (`*`). */
  of(language: Language | '*'): Published[] {
    return this.built().get(language) ?? [];
  }

  /** Per language, its months with publications, newest first: as many entries as months, whatever the archive. */
  monthsOf(language: Language): MonthSummary[] {
    this.built();
    return [...(this.months.get(language)?.values() ?? [])].sort((a, b) => (a.month < b.month ? 1 : -1));
  }

  changed(before: IndexedStory | undefined, after: IndexedStory | undefined): void {
    if (!this.lists) return;
    for (const p of publishedOf(before)) this.remove(p);
    for (const p of publishedOf(after)) this.add(p);
  }

  cleared(): void {
    this.lists = null;
    this.months.clear();
  }

  private built(): Map<Language | '*', Published[]> {
    if (this.lists) return this.lists;
    const lists = new Map<Language | '*', Published[]>([['*', []]]);
    for (const l of LanguageSchema.options) lists.set(l, []);
    for (const story of this.index.stories()) {
      for (const p of publishedOf(story)) {
        lists.get('*')!.push(p);
        lists.get(p.version.language)?.push(p);
      }
    }
    for (const list of lists.values()) list.sort((a, b) => (a.key < b.key ? 1 : a.key > b.key ? -1 : 0));
    this.lists = lists;
    this.months.clear();
    for (const l of LanguageSchema.options) for (const p of lists.get(l)!) this.count(p, 1);
    return lists;
  }

  private add(p: Published): void {
    for (const list of this.listsOf(p)) list.splice(firstAfter(list, p.key, keyOf), 0, p);
    this.count(p, 1);
  }

  private remove(p: Published): void {
    for (const list of this.listsOf(p)) {
      const i = firstAfter(list, p.key, keyOf) - 1;
      if (i >= 0 && list[i].key === p.key) list.splice(i, 1);
    }
    this.count(p, -1);
  }

  private listsOf(p: Published): Published[][] {
    const lists = this.lists!;
    const own = lists.get(p.version.language);
    return own ? [lists.get('*')!, own] : [lists.get('*')!];
  }

  /** Adds or removes `p` in its month's summary; a removal of the month's newest change looks the month over again. */
  private count(p: Published, delta: 1 | -1): void {
    const language = p.version.language;
    const month = p.key.slice(0, 7);
    let byMonth = this.months.get(language);
    if (!byMonth) this.months.set(language, (byMonth = new Map<string, MonthSummary>()));
    const updated = iso(p.story.updatedAt);
    const m = byMonth.get(month);
    if (delta === 1) {
      if (!m) byMonth.set(month, { language, month, count: 1, lastmod: updated });
      else {
        m.count++;
        if (updated > m.lastmod) m.lastmod = updated;
      }
      return;
    }
    if (!m) return;
    if (--m.count <= 0) byMonth.delete(month);
    else if (updated >= m.lastmod) m.lastmod = this.newestIn(language, month);
  }

  /** The newest change among a language's publications of one month: a walk of that month alone. */
  private newestIn(language: Language, month: string): string {
    const list = this.lists!.get(language) ?? [];
    let newest = '';
    for (let i = firstAfter(list, nextMonth(month), keyOf); i < list.length && list[i].key.startsWith(month); i++) {
      const updated = iso(list[i].story.updatedAt);
      if (updated > newest) newest = updated;
    }
    return newest;
  }
}

function publishedOf(story: IndexedStory | undefined): Published[] {
  if (!story) return [];
  return story.versions
    .filter((v) => v.status === 'published')
    .map((version) => ({
      key: `${iso(version.publishedAt ?? version.updatedAt)}|${story._id}|${version.language}`,
      story,
      version,
    }));
}

/** The month after `YYYY-MM`. */
export function nextMonth(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
}
