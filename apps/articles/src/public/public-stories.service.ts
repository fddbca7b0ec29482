import { Injectable } from '@nestjs/common';
import {
  DomainError,
  ErrorCode,
  type Language,
  type PublicGetReply,
  type PublicListItem,
  type PublicListQuerySchema,
  type PublicStory,
  LanguageSchema,
  SITEMAP_PAGE_SIZE,
  type SitemapItem,
  type PublicSearchQuerySchema,
  type PublicSearchReply,
} from '@khao/contracts';
import { parseQuery, suggest } from '@khao/thai';
import type { z } from 'zod';
import { dateTextOf, eventDateView } from '../stories/story.mapper.js';
import { firstAfter, StoryIndex, type IndexedStory } from '../stories/story-index.js';
import { type MonthSummary, nextMonth, type Published, PublishedLists } from './published-lists.js';
import { StoryIndexSync } from '../stories/story-index.sync.js';
import { StoryRepository } from '../stories/story.repository.js';
import { storySnippet } from '../stories/story-snippet.js';
import type { StoryDoc } from '../stories/story.schema.js';

type IndexedVersion = IndexedStory['versions'][number];

const iso = (d: Date | string) => new Date(d).toISOString();
/** How many recently read stories (with bodies) the public side keeps in memory. */
const RECENT_STORIES = 300;

/**
 * What readers may see: published versions only. Listings come from the in-memory StoryIndex (a newest-published
 * list per language, rebuilt after the index changed); one story is its index entry plus one load by `_id` for the
 * body. Never-published versions are simply unknown (404); taken-down ones are `gone` (410).
 */
@Injectable()
export class PublicStoriesService {
  private readonly lists: PublishedLists;
  /** Recently read stories with their bodies, by id; an entry serves only while the index has the same revision. */
  private readonly recent = new Map<string, StoryDoc>();

  constructor(
    private readonly index: StoryIndex,
    private readonly sync: StoryIndexSync,
    private readonly stories: StoryRepository,
  ) {
    this.lists = new PublishedLists(index);
  }

  async list(
    q: z.output<typeof PublicListQuerySchema>,
  ): Promise<{ items: PublicListItem[]; nextCursor: string | null }> {
    await this.sync.ready;
    const parsed = q.q ? parseQuery(q.q) : undefined;
    if (parsed && parsed.groups.length === 0) return { items: [], nextCursor: null };
    const matched = parsed ? this.index.publishedMatches(parsed, q.lang) : undefined;
    const all = this.lists.of(q.lang ?? '*');
    const hits: Published[] = [];
    for (
      let i = q.cursor ? firstAfter(all, decodeCursor(q.cursor), (p) => p.key) : 0;
      i < all.length && hits.length <= q.limit;
      i++
    ) {
      const p = all[i];
      const s = p.story;
      if (q.tag && !s.tags.includes(q.tag)) continue;
      if (q.category && !s.categories.includes(q.category)) continue;
      if (q.province && s.dateline?.province !== q.province) continue;
      if (matched && !matched.has(`${s._id}:${p.version.language}`)) continue;
      hits.push(p);
    }
    const page = hits.slice(0, q.limit);
    const last = page.at(-1);
    return {
      items: page.map((p) => toItem(p.story, p.version)),
      nextCursor: hits.length > q.limit && last ? Buffer.from(last.key).toString('base64url') : null,
    };
  }

  /**
   * Published versions of one language matching a text query, best first, a page at a time, each with a snippet of
   * its text around the matched words (the body; the summary when the words are only there or in the title).
   */
  async search(q: z.output<typeof PublicSearchQuerySchema>): Promise<PublicSearchReply> {
    await this.sync.ready;
    const parsed = parseQuery(q.q);
    const { hits, total } = parsed.groups.length
      ? this.index.textSearch(parsed, {}, (v) => v.language === q.lang && v.status === 'published', q.page * q.limit)
      : { hits: [], total: 0 };
    const page = hits.slice((q.page - 1) * q.limit, q.page * q.limit);
    const items = await Promise.all(
      page.map(async ({ story, hit }) => {
        const doc = await this.load(story._id, story.revision);
        const full = doc?.versions.find((v) => v.language === q.lang);
        const v = story.versions.find((x) => x.language === q.lang)!;
        return {
          ...toItem(story, v),
          snippet: storySnippet(full ?? { body: '', summary: v.summary }, parsed),
          score: hit.score,
        };
      }),
    );
    const words = this.index.words;
    const suggestion =
      total === 0
        ? suggest(
            parsed,
            () => words.vocabulary(),
            (w) => words.documentFrequency(w) > 0,
          )
        : undefined;
    return { items, total, page: q.page, ...(suggestion ? { suggestion } : {}) };
  }

  async get(language: Language, slug: string): Promise<PublicGetReply> {
    await this.sync.ready;
    const indexed = this.index.bySlug(language, slug);
    const v = indexed?.versions.find((x) => x.language === language);
    if (!indexed || !v) throw notFound(language, slug);
    if (v.status !== 'published') {
      if (v.status === 'unpublished' || v.publishedAt) return { kind: 'gone' };
      throw notFound(language, slug);
    }
    if (v.slug !== slug) return { kind: 'moved', slug: v.slug };
    const doc = await this.load(indexed._id, indexed.revision);
    const full = doc?.versions.find((x) => x.language === language);
    if (!doc || !full) throw notFound(language, slug);
    if (full.status !== 'published') return { kind: 'gone' };
    if (full.slug !== slug) return { kind: 'moved', slug: full.slug };
    return {
      kind: 'story',
      story: { ...toItem(doc, full), body: full.body, seo: full.seo ?? {}, galleryMediaIds: doc.galleryMediaIds },
    };
  }

  /**
   * A version as its public page would show it, whatever its status: the draft preview. Read from the database (a
   * draft is not in the published lists), so the preview shows the last save. A never-published version shows
   * today as its publication time, a published one its own.
   */
  async preview(storyId: string, language: Language): Promise<{ story: PublicStory }> {
    const doc = await this.stories.findLive(storyId);
    const v = doc?.versions.find((x) => x.language === language);
    if (!doc || !v) throw new DomainError(ErrorCode.NotFound, `the story has no ${language} version`);
    const item = toItem(doc, v.publishedAt ? v : { ...v, publishedAt: new Date() });
    return { story: { ...item, body: v.body, seo: v.seo ?? {}, galleryMediaIds: doc.galleryMediaIds } };
  }

  /** Per language, the months with publications (UTC, from the newest), each with its count and newest change. */
  async sitemapMonths(): Promise<{ months: MonthSummary[] }> {
    await this.sync.ready;
    return { months: LanguageSchema.options.flatMap((language) => this.lists.monthsOf(language)) };
  }

  /** A page of one month's publications in one language, newest first: a binary search, not a walk. */
  async sitemapPage(language: Language, month: string, page: number): Promise<{ items: SitemapItem[] }> {
    await this.sync.ready;
    const all = this.lists.of(language);
    const start = firstAfter(all, nextMonth(month), (p) => p.key);
    const end = firstAfter(all, month, (p) => p.key);
    const from = start + (page - 1) * SITEMAP_PAGE_SIZE;
    return {
      items: all.slice(from, Math.min(end, from + SITEMAP_PAGE_SIZE)).map(({ story: s, version: v }) => ({
        storyId: s._id,
        language: v.language,
        sourceLanguage: s.sourceLanguage,
        slug: v.slug,
        updatedAt: iso(s.updatedAt),
        translations: publishedTranslations(s, v),
        mediaIds: [...(s.coverMediaId ? [s.coverMediaId] : []), ...s.galleryMediaIds],
      })),
    };
  }

  /** Every save raises the revision, so a copy at the index's revision is the current one: no invalidation needed. */
  private async load(id: string, revision: number): Promise<StoryDoc | null> {
    const hit = this.recent.get(id);
    if (hit?.revision === revision) return hit;
    const doc = await this.stories.findLive(id);
    this.recent.delete(id);
    if (doc) {
      this.recent.set(id, doc);
      if (this.recent.size > RECENT_STORIES) this.recent.delete(this.recent.keys().next().value as string);
    }
    return doc;
  }
}

function toItem(s: IndexedStory | StoryDoc, v: IndexedVersion): PublicListItem {
  return {
    storyId: s._id,
    language: v.language,
    sourceLanguage: s.sourceLanguage,
    slug: v.slug,
    title: v.title,
    summary: v.summary,
    publishedAt: iso(v.publishedAt ?? v.updatedAt),
    updatedAt: iso(s.updatedAt),
    revision: s.revision,
    dateline: s.dateline ?? {},
    eventDate: eventDateView(s.eventDate),
    dateText: dateTextOf(s.eventDate, v.language),
    categories: s.categories,
    tags: s.tags,
    byline: s.byline,
    coverMediaId: s.coverMediaId,
    translations: publishedTranslations(s, v),
  };
}

function publishedTranslations(s: IndexedStory | StoryDoc, v: IndexedVersion) {
  return s.versions
    .filter((o) => o.language !== v.language && o.status === 'published')
    .map((o) => ({ language: o.language, slug: o.slug, title: o.title }));
}

const notFound = (language: Language, slug: string) =>
  new DomainError(ErrorCode.NotFound, `no published ${language} story with slug '${slug}'`);

function decodeCursor(cursor: string): string {
  const key = Buffer.from(cursor, 'base64url').toString('utf8');
  if (!/^\d{4}-\d\d-\d\dT[\d:.]+Z\|[0-9a-f]{24}\|[a-z]{2}$/.test(key)) {
    throw new DomainError(ErrorCode.InvalidArgument, 'cursor: not a cursor this API returned; start again without it');
  }
  return key;
}
