import { Inject, Injectable } from '@nestjs/common';
import {
  DomainError,
  ErrorCode,
  VersionStatusSchema,
  type Actor,
  type Language,
  type MediaUsage,
  type SearchItem,
  type SearchQuery,
  type SearchQuerySchema,
} from '@khao/contracts';
import { endOfNewsroomDay, isDateOnly, parseQuery, startOfNewsroomDay, suggest, type ParsedQuery } from '@khao/thai';
import type { z } from 'zod';
import { CONFIG } from '../tokens.js';
import type { ArticlesConfig } from '../config.js';
import { toSummary } from './story.mapper.js';
import { StoryIndex, type IndexFilter, type StoryHit } from './story-index.js';
import { StoryIndexSync } from './story-index.sync.js';
import { storySnippet } from './story-snippet.js';
import { StoryRepository } from './story.repository.js';

/**
 * Admin search. Thai has no spaces, so stories are indexed by segmented words and the query is cut the same way
 * (`@khao/thai`'s search engine: forgiving of abbreviation dots, digits, calendars, mark order, English forms).
 * With a text query, best match first (`sort=relevance`, paged by offset); without one, or with `sort=updated`,
 * newest change first with a cursor of the last item's key. Served by the in-memory StoryIndex.
 */
@Injectable()
export class SearchService {
  constructor(
    private readonly index: StoryIndex,
    private readonly sync: StoryIndexSync,
    private readonly stories: StoryRepository,
    @Inject(CONFIG) private readonly config: ArticlesConfig,
  ) {}

  async search(
    actor: Actor,
    query: SearchQuery,
  ): Promise<{ items: SearchItem[]; nextCursor: string | null; suggestion?: string }> {
    const q = query as z.output<typeof SearchQuerySchema>;
    const langs: Language[] = q.lang ? [q.lang] : this.config.LANGUAGES;
    const statuses = q.status ? [q.status] : VersionStatusSchema.options;
    const filtered = q.lang !== undefined || q.status !== undefined;
    const parsed = q.q ? parseQuery(q.q) : undefined;
    if (parsed && parsed.groups.length === 0) return { items: [], nextCursor: null };
    const sort = q.sort ?? (parsed ? 'relevance' : 'updated');
    const filter: IndexFilter = {
      createdBy: actor.role === 'author' ? actor.id : undefined,
      langStatus: filtered ? langs.flatMap((l) => statuses.map((s) => `${l}:${s}`)) : undefined,
      tag: q.tag,
      category: q.category,
      province: q.province,
      // A date bound includes the whole of that day in the newsroom's zone.
      eventFrom: q.from ? (isDateOnly(q.from) ? startOfNewsroomDay(q.from) : new Date(q.from)) : undefined,
      eventTo: q.to ? (isDateOnly(q.to) ? endOfNewsroomDay(q.to) : new Date(q.to)) : undefined,
    };
    await this.sync.ready;
    if (parsed && sort === 'relevance') return this.ranked(parsed, filter, q, langs, statuses, filtered);
    const page = this.index.query({
      ...filter,
      matching: parsed,
      after: q.cursor ? decodeCursor(q.cursor) : undefined,
      limit: q.limit,
    });
    return {
      items: page.items.map((s) => toSummary(s)),
      nextCursor: page.more && page.lastKey ? Buffer.from(page.lastKey).toString('base64url') : null,
      ...(parsed && page.items.length === 0 && !q.cursor ? this.suggestion(parsed) : {}),
    };
  }

  private async ranked(
    parsed: ParsedQuery,
    filter: IndexFilter,
    q: z.output<typeof SearchQuerySchema>,
    langs: Language[],
    statuses: readonly string[],
    filtered: boolean,
  ) {
    const offset = q.cursor ? decodeOffset(q.cursor) : 0;
    // With a language or status filter, the matching version itself must be of that language and status.
    const { hits } = this.index.textSearch(
      parsed,
      filter,
      filtered ? (v) => langs.includes(v.language) && statuses.includes(v.status) : undefined,
      offset + q.limit + 1,
    );
    const page = hits.slice(offset, offset + q.limit);
    const more = hits.length > offset + q.limit;
    return {
      items: await Promise.all(page.map((h) => this.withSnippet(h, parsed))),
      nextCursor: more ? Buffer.from(`rank:${offset + q.limit}`).toString('base64url') : null,
      ...(hits.length === 0 ? this.suggestion(parsed) : {}),
    };
  }

  /** The hit with its best version's text around the matched words (drafts too: editors search their drafts). */
  private async withSnippet(hit: StoryHit, parsed: ParsedQuery): Promise<SearchItem> {
    const doc = await this.stories.findLive(hit.story._id);
    const version = doc?.versions.find((v) => v.language === hit.language);
    const indexed = hit.story.versions.find((v) => v.language === hit.language);
    const snippet = storySnippet(version ?? { body: '', summary: indexed?.summary ?? '' }, parsed);
    return { ...toSummary(hit.story), match: { language: hit.language, snippet } };
  }

  private suggestion(parsed: ParsedQuery): { suggestion?: string } {
    const words = this.index.words;
    const s = suggest(
      parsed,
      () => words.vocabulary(),
      (w) => words.documentFrequency(w) > 0,
    );
    return s ? { suggestion: s } : {};
  }

  /** The story behind a slug; an old slug answers with the current one so the public side can redirect. */
  async resolveSlug(language: Language, slug: string): Promise<{ storyId: string; slug: string; current: boolean }> {
    await this.sync.ready;
    const story = this.index.bySlug(language, slug);
    const v = story?.versions.find((x) => x.language === language);
    if (!story || !v) throw new DomainError(ErrorCode.NotFound, `no ${language} story with slug '${slug}'`);
    return { storyId: story._id, slug: v.slug, current: v.slug === slug };
  }

  /** Which stories show an image, and in which languages they are live (published or scheduled). */
  async mediaUsage(mediaId: string): Promise<MediaUsage> {
    await this.sync.ready;
    return {
      stories: this.index.usingMedia(mediaId).map((s) => ({
        storyId: s._id,
        as: [
          ...(s.coverMediaId === mediaId ? (['cover'] as const) : []),
          ...(s.galleryMediaIds.includes(mediaId) ? (['gallery'] as const) : []),
        ],
        live: s.versions.filter((v) => v.status === 'published' || v.status === 'scheduled').map((v) => v.language),
      })),
    };
  }
}

const badCursor = () =>
  new DomainError(ErrorCode.InvalidArgument, 'cursor: not a cursor this API returned; start again without it');

/** A ranked page's cursor: how many hits the pages before it showed. */
function decodeOffset(cursor: string): number {
  const m = /^rank:(\d{1,6})$/u.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  if (!m) throw badCursor();
  return Number(m[1]);
}

function decodeCursor(cursor: string): string {
  const key = Buffer.from(cursor, 'base64url').toString('utf8');
  if (!/^\d{4}-\d\d-\d\dT[\d:.]+Z\|[0-9a-f]{24}$/.test(key)) {
    throw new DomainError(ErrorCode.InvalidArgument, 'cursor: not a cursor this API returned; start again without it');
  }
  return key;
}
