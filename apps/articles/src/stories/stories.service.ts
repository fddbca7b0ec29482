import { Inject, Injectable } from '@nestjs/common';
import {
  DomainError,
  ErrorCode,
  type Actor,
  type ImportReply,
  type ImportStory,
  type Language,
  type RevisionContent,
  type Story,
  type StoryInput,
  type StoryPatch,
  type Transition,
  type VersionInput,
} from '@khao/contracts';
import { isDateOnly, startOfNewsroomDay } from '@khao/thai';
import { RevisionsRepository } from '../revisions/revisions.repository.js';
import { sanitizeBody } from '../content/sanitize.js';
import { CONFIG } from '../tokens.js';
import type { ArticlesConfig } from '../config.js';
import { eventDateView, toStory } from './story.mapper.js';
import { policy } from './policy.js';
import { deletedEvent } from './story-events.js';
import { StoryRepository } from './story.repository.js';
import { versionOf } from './story-state.js';
import { newStory, type StoryDoc, type StoryFieldsDoc, type VersionDoc } from './story.schema.js';
import { StoryWriter } from './story-writer.js';
import { applyTransition, publishNow } from './workflow.js';
import type { z } from 'zod';
import type { ImportStorySchema, StoryInputSchema, VersionInputSchema } from '@khao/contracts';

type ParsedStoryInput = z.output<typeof StoryInputSchema>;
type ParsedVersion = z.output<typeof VersionInputSchema>;
type ParsedImportStory = z.output<typeof ImportStorySchema>;

/** The use cases of stories and their language versions. Every change goes through {@link StoryWriter}. */
@Injectable()
export class StoriesService {
  constructor(
    private readonly stories: StoryRepository,
    private readonly writer: StoryWriter,
    private readonly revisions: RevisionsRepository,
    @Inject(CONFIG) private readonly config: ArticlesConfig,
  ) {}

  async create(actor: Actor, input: StoryInput): Promise<Story> {
    policy.create(actor);
    const i = input as ParsedStoryInput;
    this.checkLanguage(i.sourceLanguage);
    const now = new Date();
    const story = newStory({
      _id: this.stories.newId(),
      revision: 1,
      sourceLanguage: i.sourceLanguage,
      ...fields(i),
      versions: [newVersion(i.sourceLanguage, i.version, actor, 1, now, null)],
      createdBy: actor.id,
      createdAt: now,
      updatedAt: now,
    });
    return toStory(await this.writer.insert(story, actor));
  }

  /**
   * A batch of archived stories, written as they were: every version published at its original time. Nothing is
   * posted or machine-translated for them (their events say `imported`); feeds, sitemaps and search take them in.
   */
  async import(actor: Actor, input: ImportStory[]): Promise<ImportReply> {
    policy.import(actor);
    const now = new Date();
    const stories = (input as ParsedImportStory[]).map((i, n) => {
      this.checkLanguage(i.sourceLanguage);
      const _id = this.stories.newId();
      const versions = i.versions.map((v, k) => {
        this.checkLanguage(v.language);
        const publishedAt = new Date(v.publishedAt);
        if (publishedAt.getTime() > now.getTime()) {
          throw new DomainError(
            ErrorCode.InvalidArgument,
            `stories[${n}].versions[${k}].publishedAt (${v.publishedAt}) is in the future: an import brings in what was already published`,
          );
        }
        const translationOf = v.language === i.sourceLanguage ? null : i.sourceLanguage;
        const doc = newVersion(v.language, v, actor, 1, publishedAt, translationOf);
        publishNow(doc, publishedAt);
        return doc;
      });
      const times = versions.map((v) => v.publishedAt!.getTime());
      return newStory({
        _id,
        revision: 1,
        sourceLanguage: i.sourceLanguage,
        ...fields(i),
        versions,
        createdBy: actor.id,
        createdAt: new Date(Math.min(...times)),
        updatedAt: new Date(Math.max(...times)),
      });
    });
    await this.writer.importMany(stories, actor);
    return {
      items: stories.map((s) => ({
        id: s._id,
        revision: s.revision,
        versions: s.versions.map((v) => ({
          language: v.language,
          slug: v.slug,
          publishedAt: v.publishedAt!.toISOString(),
        })),
      })),
    };
  }

  async get(actor: Actor, id: string): Promise<Story> {
    const doc = await this.writer.load(id);
    policy.read(actor, doc);
    return toStory(doc);
  }

  async update(actor: Actor, id: string, patch: StoryPatch, expectedRevision?: number): Promise<Story> {
    const p = patch;
    const doc = await this.writer.write({
      actor,
      id,
      expectedRevision,
      action: 'update',
      change: (next) => {
        policy.editFields(actor, next);
        if (p.dateline !== undefined) next.dateline = p.dateline;
        if (p.eventDate !== undefined) next.eventDate = p.eventDate ? toEventDate(p.eventDate) : null;
        if (p.categories !== undefined) next.categories = p.categories;
        if (p.tags !== undefined) next.tags = p.tags;
        if (p.byline !== undefined) next.byline = p.byline;
        if (p.coverMediaId !== undefined) next.coverMediaId = p.coverMediaId;
        if (p.galleryMediaIds !== undefined) next.galleryMediaIds = p.galleryMediaIds;
      },
    });
    return toStory(doc);
  }

  /** Creates or replaces one language version's content; its status stays (a published version stays live). */
  async putVersion(
    actor: Actor,
    id: string,
    language: Language,
    input: VersionInput,
    opts: { expectedRevision?: number; translationOf?: Language } = {},
  ): Promise<Story> {
    this.checkLanguage(language);
    const v = input as ParsedVersion;
    const doc = await this.writer.write({
      actor,
      id,
      expectedRevision: opts.expectedRevision,
      action: `put-version:${language}`,
      change: (next) => {
        policy.putVersion(actor, next, language);
        const now = new Date();
        const existing = versionOf(next, language);
        const translationOf = language === next.sourceLanguage ? null : (opts.translationOf ?? next.sourceLanguage);
        if (existing) {
          Object.assign(existing, content(v), { revision: next.revision + 1, updatedAt: now, updatedBy: actor.id });
          if (opts.translationOf) existing.translationOf = translationOf;
        } else {
          next.versions.push(newVersion(language, v, actor, next.revision + 1, now, translationOf));
        }
      },
    });
    return toStory(doc);
  }

  async transition(
    actor: Actor,
    id: string,
    language: Language,
    action: Transition,
    opts: { at?: string; expectedRevision?: number } = {},
  ): Promise<Story> {
    const doc = await this.writer.write({
      actor,
      id,
      expectedRevision: opts.expectedRevision,
      action: `${action}:${language}`,
      change: (next) => {
        policy.transition(actor, next, action);
        const v = versionOf(next, language);
        if (!v) throw new DomainError(ErrorCode.NotFound, `the story has no ${language} version yet`);
        applyTransition(v, action, new Date(), opts.at ? new Date(opts.at) : undefined);
        v.revision = next.revision + 1;
        v.updatedAt = new Date();
        v.updatedBy = actor.id;
      },
    });
    return toStory(doc);
  }

  /** Soft delete: the story disappears from every query; consumers hear `article.deleted.v1`. */
  async delete(actor: Actor, id: string, expectedRevision?: number): Promise<{ id: string; deleted: true }> {
    await this.writer.write({
      actor,
      id,
      expectedRevision,
      action: 'delete',
      change: (next) => {
        policy.manage(actor, 'delete stories');
        next.deletedAt = new Date();
      },
      extraEvents: (next) => [deletedEvent(next, actor.id)],
    });
    return { id, deleted: true };
  }

  async listRevisions(actor: Actor, id: string) {
    const doc = await this.writer.load(id);
    policy.revisions(actor, doc);
    return [...doc.history]
      .reverse()
      .map((r) => ({ revision: r.revision, action: r.action, at: new Date(r.at).toISOString(), by: r.by }));
  }

  /** One revision's whole content, for comparing revisions; the same people who see the list may read it. */
  async getRevision(actor: Actor, id: string, revision: number): Promise<RevisionContent> {
    const doc = await this.writer.load(id);
    policy.revisions(actor, doc);
    const snapshot = revision <= doc.revision ? await this.revisions.get(id, revision) : null;
    if (!snapshot) throw new DomainError(ErrorCode.NotFound, `the story has no revision ${revision}`);
    const f = snapshot.fields;
    return {
      revision: snapshot.revision,
      action: snapshot.action,
      at: new Date(snapshot.at).toISOString(),
      by: snapshot.by,
      fields: {
        dateline: f.dateline ?? {},
        eventDate: eventDateView(f.eventDate),
        categories: f.categories,
        tags: f.tags,
        byline: f.byline,
        coverMediaId: f.coverMediaId,
        galleryMediaIds: f.galleryMediaIds,
      },
      versions: snapshot.versions.map((v) => ({
        language: v.language,
        title: v.title,
        summary: v.summary,
        body: v.body,
        seo: v.seo ?? {},
        status: v.status,
      })),
    };
  }

  /** Brings back the shared fields and each version's content from `revision`; statuses stay as they are now. */
  async restore(actor: Actor, id: string, revision: number, expectedRevision?: number): Promise<Story> {
    const snapshot = await this.revisions.get(id, revision);
    const doc = await this.writer.write({
      actor,
      id,
      expectedRevision,
      action: `restore:${revision}`,
      change: (next, current) => {
        policy.manage(actor, 'restore revisions');
        if (!snapshot || revision > current.revision) {
          throw new DomainError(ErrorCode.NotFound, `the story has no revision ${revision}`);
        }
        Object.assign(next, snapshot.fields);
        for (const old of snapshot.versions) {
          const v = versionOf(next, old.language);
          if (!v) continue;
          Object.assign(v, content(old), { revision: next.revision + 1, updatedAt: new Date(), updatedBy: actor.id });
        }
      },
    });
    return toStory(doc);
  }

  private checkLanguage(language: Language): void {
    if (!this.config.LANGUAGES.includes(language)) {
      throw new DomainError(
        ErrorCode.InvalidArgument,
        `language '${language}' is not configured here (configured: ${this.config.LANGUAGES.join(', ')})`,
      );
    }
  }
}

function fields(i: Omit<ParsedStoryInput, 'sourceLanguage' | 'version'>): StoryFieldsDoc {
  return {
    dateline: i.dateline,
    eventDate: i.eventDate ? toEventDate(i.eventDate) : null,
    categories: i.categories,
    tags: i.tags,
    byline: i.byline,
    coverMediaId: i.coverMediaId,
    galleryMediaIds: i.galleryMediaIds,
  };
}

/** Whole days (dates without a time) become the newsroom's midnight of each date, marked `allDay`. */
function toEventDate(d: { start: string; end?: string }): NonNullable<StoryDoc['eventDate']> {
  const allDay = isDateOnly(d.start);
  const at = (v: string) => (allDay ? startOfNewsroomDay(v) : new Date(v));
  return { start: at(d.start), ...(d.end ? { end: at(d.end) } : {}), ...(allDay ? { allDay: true } : {}) };
}

function content(v: Pick<VersionDoc, 'title' | 'summary' | 'body' | 'seo'> | ParsedVersion) {
  return { title: v.title, summary: v.summary, body: sanitizeBody(v.body), seo: v.seo ?? {} };
}

function newVersion(
  language: Language,
  v: ParsedVersion,
  actor: Actor,
  revision: number,
  now: Date,
  translationOf: Language | null,
): VersionDoc {
  return {
    language,
    ...content(v),
    slug: '',
    status: 'draft',
    revision,
    scheduledAt: null,
    publishedAt: null,
    updatedAt: now,
    updatedBy: actor.id,
    translationOf,
  };
}
