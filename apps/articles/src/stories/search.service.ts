import { Inject, Injectable } from '@nestjs/common';
import {
  DomainError,
  ErrorCode,
  VersionStatusSchema,
  type Actor,
  type Language,
  type SearchQuery,
  type SearchQuerySchema,
  type StorySummary,
} from '@khao/contracts';
import { queryPhrases, queryTokens } from '@khao/thai';
import type { z } from 'zod';
import { CONFIG } from '../tokens.js';
import type { ArticlesConfig } from '../config.js';
import { toSummary } from './story.mapper.js';
import { StoryRepository } from './story.repository.js';

/**
 * Admin search. Thai has no spaces, so stories are indexed by segmented words and the query is segmented the same
 * way: a word found inside an unspaced run matches. The indexed words select; each unspaced run of the query must
 * then also appear as written. Newest change first, with an opaque cursor.
 */
@Injectable()
export class SearchService {
  constructor(
    private readonly stories: StoryRepository,
    @Inject(CONFIG) private readonly config: ArticlesConfig,
  ) {}

  async search(actor: Actor, query: SearchQuery): Promise<{ items: StorySummary[]; nextCursor: string | null }> {
    const q = query as z.output<typeof SearchQuerySchema>;
    const langs: Language[] = q.lang ? [q.lang] : this.config.LANGUAGES;
    const statuses = q.status ? [q.status] : VersionStatusSchema.options;
    const filtered = q.lang !== undefined || q.status !== undefined;
    const tokens = q.q ? queryTokens(q.q) : [];
    const phrases = q.q ? queryPhrases(q.q) : [];
    if (q.q && tokens.length === 0) return { items: [], nextCursor: null };
    const docs = await this.stories.search({
      createdBy: actor.role === 'author' ? actor.id : undefined,
      tokens,
      phrases,
      langStatus: filtered ? langs.flatMap((l) => statuses.map((s) => `${l}:${s}`)) : undefined,
      tag: q.tag,
      category: q.category,
      province: q.province,
      eventFrom: q.from ? new Date(q.from) : undefined,
      eventTo: q.to ? new Date(q.to) : undefined,
      after: q.cursor ? decodeCursor(q.cursor) : undefined,
      limit: q.limit + 1,
    });
    const page = docs.slice(0, q.limit);
    const last = page.at(-1);
    return {
      items: page.map(toSummary),
      nextCursor: docs.length > q.limit && last ? encodeCursor(new Date(last.updatedAt), last._id.toHexString()) : null,
    };
  }

  /** The story behind a slug; an old slug answers with the current one so the public side can redirect. */
  async resolveSlug(language: Language, slug: string): Promise<{ storyId: string; slug: string; current: boolean }> {
    const doc = await this.stories.findBySlug(language, slug);
    const v = doc?.versions.find((x) => x.language === language);
    if (!doc || !v) throw new DomainError(ErrorCode.NotFound, `no ${language} story with slug '${slug}'`);
    return { storyId: doc._id.toHexString(), slug: v.slug, current: v.slug === slug };
  }
}

function encodeCursor(updatedAt: Date, id: string): string {
  return Buffer.from(JSON.stringify([updatedAt.toISOString(), id])).toString('base64url');
}

function decodeCursor(cursor: string): { updatedAt: Date; id: string } {
  try {
    const [at, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as [string, string];
    const updatedAt = new Date(at);
    if (Number.isNaN(updatedAt.getTime()) || !/^[0-9a-f]{24}$/.test(id)) throw new Error('bad');
    return { updatedAt, id };
  } catch {
    throw new DomainError(ErrorCode.InvalidArgument, 'cursor: not a cursor this API returned; start again without it');
  }
}
