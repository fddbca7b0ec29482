import { Inject, Injectable } from '@nestjs/common';
import {
  DomainError,
  ErrorCode,
  VersionStatusSchema,
  type Actor,
  type Language,
  type MediaUsage,
  type SearchQuery,
  type SearchQuerySchema,
  type StorySummary,
} from '@khao/contracts';
import { endOfNewsroomDay, isDateOnly, queryPhrases, queryTokens, startOfNewsroomDay } from '@khao/thai';
import type { z } from 'zod';
import { CONFIG } from '../tokens.js';
import type { ArticlesConfig } from '../config.js';
import { toSummary } from './story.mapper.js';
import { StoryIndex } from './story-index.js';
import { StoryIndexSync } from './story-index.sync.js';

/**
 * Admin search. Thai has no spaces, so stories are indexed by segmented words and the query is segmented the same
 * way: a word found inside an unspaced run matches. The indexed words select; each unspaced run of the query must
 * then also appear as written. Newest change first, with an opaque cursor. Served by the in-memory StoryIndex.
 */
@Injectable()
export class SearchService {
  constructor(
    private readonly index: StoryIndex,
    private readonly sync: StoryIndexSync,
    @Inject(CONFIG) private readonly config: ArticlesConfig,
  ) {}

  async search(actor: Actor, query: SearchQuery): Promise<{ items: StorySummary[]; nextCursor: string | null }> {
    const q = query as z.output<typeof SearchQuerySchema>;
    const langs: Language[] = q.lang ? [q.lang] : this.config.LANGUAGES;
    const statuses = q.status ? [q.status] : VersionStatusSchema.options;
    const filtered = q.lang !== undefined || q.status !== undefined;
    const tokens = q.q ? queryTokens(q.q) : [];
    if (q.q && tokens.length === 0) return { items: [], nextCursor: null };
    const after = q.cursor ? decodeCursor(q.cursor) : undefined;
    await this.sync.ready;
    const page = this.index.query({
      createdBy: actor.role === 'author' ? actor.id : undefined,
      tokens,
      phrases: q.q ? queryPhrases(q.q) : [],
      langStatus: filtered ? langs.flatMap((l) => statuses.map((s) => `${l}:${s}`)) : undefined,
      tag: q.tag,
      category: q.category,
      province: q.province,
      // A date bound includes the whole of that day in the newsroom's zone.
      eventFrom: q.from ? (isDateOnly(q.from) ? startOfNewsroomDay(q.from) : new Date(q.from)) : undefined,
      eventTo: q.to ? (isDateOnly(q.to) ? endOfNewsroomDay(q.to) : new Date(q.to)) : undefined,
      after,
      limit: q.limit,
    });
    return {
      items: page.items.map((s) => toSummary(s)),
      nextCursor: page.more && page.lastKey ? Buffer.from(page.lastKey).toString('base64url') : null,
    };
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

function decodeCursor(cursor: string): string {
  const key = Buffer.from(cursor, 'base64url').toString('utf8');
  if (!/^\d{4}-\d\d-\d\dT[\d:.]+Z\|[0-9a-f]{24}$/.test(key)) {
    throw new DomainError(ErrorCode.InvalidArgument, 'cursor: not a cursor this API returned; start again without it');
  }
  return key;
}
