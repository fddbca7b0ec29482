import { Inject, Injectable } from '@nestjs/common';
import { DomainError, ErrorCode, type Actor } from '@khao/contracts';
import type { OutboxEntry } from '@khao/persistence';
import { RevisionsRepository } from '../revisions/revisions.repository.js';
import { ScheduleRepository } from '../scheduler/schedule.repository.js';
import { CONFIG } from '../tokens.js';
import type { ArticlesConfig } from '../config.js';
import { StoryIndex } from './story-index.js';
import { StoryRepository } from './story.repository.js';
import { cloneStory, derive } from './story-state.js';
import { eventsFor, importedEvents } from './story-events.js';
import type { StoryDoc } from './story.schema.js';

export interface WriteOptions {
  actor: Actor;
  id: string;
  /** The revision the caller last saw (If-Match); a different current revision is a 412. */
  expectedRevision?: number;
  /** Recorded with the revision, e.g. `put-version:th`. */
  action: string;
  /** Checks permissions and changes `next` in place; may throw a DomainError. */
  change: (next: StoryDoc, current: StoryDoc) => void;
  /** Events beyond the ones the state change implies (delete). */
  extraEvents?: (next: StoryDoc) => OutboxEntry[];
}

/** A claim older than this whose story never reached its revision belongs to a writer that died. */
const ORPHANED_CLAIM_MS = 30_000;

/**
 * The one way a story changes: load, check the revision, apply the change, recompute what queries need, claim the
 * next revision (its snapshot's unique `_id`: exactly one concurrent save wins), announce the events and any
 * schedule, write the story with its events in one single-document update (the outbox publishes them).
 */
@Injectable()
export class StoryWriter {
  constructor(
    private readonly stories: StoryRepository,
    private readonly revisions: RevisionsRepository,
    private readonly schedule: ScheduleRepository,
    private readonly index: StoryIndex,
    @Inject(CONFIG) private readonly config: ArticlesConfig,
  ) {}

  async write(o: WriteOptions): Promise<StoryDoc> {
    for (let attempt = 0; attempt < 5; attempt++) {
      const current = await this.load(o.id);
      if (o.expectedRevision !== undefined && o.expectedRevision !== current.revision) {
        throw stale(o.expectedRevision, current.revision);
      }
      const next = cloneStory(current);
      o.change(next, current);
      const now = new Date();
      next.revision = current.revision + 1;
      next.updatedAt = now;
      next.history.push({ revision: next.revision, action: o.action, at: now, by: o.actor.id });
      derive(next);
      const events = [
        ...eventsFor(current, next, this.config.PUBLIC_BASE_URL, o.actor.id),
        ...(o.extraEvents?.(next) ?? []),
      ];
      if (await this.claim(next, o.action, o.actor, now)) {
        await this.persist(next, events, now);
        return next;
      }
      // Someone saved revision N+1 first. With If-Match that is the caller's conflict; without, redo on top of it.
      if (o.expectedRevision !== undefined) throw stale(o.expectedRevision, current.revision + 1);
    }
    throw new DomainError(ErrorCode.Conflict, 'the story is being changed by others right now; try again');
  }

  async insert(story: StoryDoc, actor: Actor): Promise<StoryDoc> {
    story.history = [{ revision: story.revision, action: 'create', at: story.createdAt, by: actor.id }];
    derive(story);
    await this.claim(story, 'create', actor, story.createdAt);
    if (story.nextScheduledAt) await this.schedule.mark(story._id, story.nextScheduledAt);
    story.outbox = eventsFor(null, story, this.config.PUBLIC_BASE_URL, actor.id);
    await this.stories.insert(story, story.outbox, { afterWrite: () => this.index.put(story) });
    return story;
  }

  /**
   * Inserts stories imported from an archive, already published: the same steps as {@link insert}, each done for
   * the whole batch in one database call. Their events are `imported` ones (see importedEvents).
   */
  async importMany(stories: StoryDoc[], actor: Actor): Promise<void> {
    const now = new Date();
    for (const story of stories) {
      story.history = [{ revision: story.revision, action: 'import', at: now, by: actor.id }];
      derive(story);
      story.outbox = importedEvents(story, this.config.PUBLIC_BASE_URL, actor.id);
    }
    await this.revisions.claimNew(stories.map((s) => snapshotOf(s, 'import', actor, now)));
    await this.stories.insertMany(
      stories.map((story) => ({ story, events: story.outbox })),
      { afterWrite: () => stories.forEach((story) => this.index.put(story)) },
    );
  }

  async load(id: string): Promise<StoryDoc> {
    const doc = await this.stories.findLive(id);
    if (!doc) throw new DomainError(ErrorCode.NotFound, `no story with id ${id}`);
    return doc;
  }

  private async persist(next: StoryDoc, events: OutboxEntry[], claimedAt: Date): Promise<void> {
    if (next.nextScheduledAt) await this.schedule.mark(next._id, next.nextScheduledAt);
    await this.stories.replace(next, events, {
      // A claim is freed as orphaned only after ORPHANED_CLAIM_MS: a writer that stalled gives up rather than write
      // over a save that took its revision (the outbox gives up likewise behind the relay's sweep).
      beforeWrite: () => {
        if (Date.now() - claimedAt.getTime() > ORPHANED_CLAIM_MS / 2) {
          throw new DomainError(ErrorCode.Unavailable, 'the save took too long and was abandoned; try again');
        }
      },
      afterWrite: () => {
        if (next.deletedAt) this.index.remove(next._id);
        else this.index.put(next);
      },
    });
  }

  /** Claims revision `next.revision`, freeing a claim left by a writer that died between its claim and its write. */
  private async claim(next: StoryDoc, action: string, actor: Actor, at: Date): Promise<boolean> {
    const id = next._id;
    const snapshot = snapshotOf(next, action, actor, at);
    if (await this.revisions.claim(snapshot)) return true;
    const held = await this.revisions.get(id, next.revision);
    const story = await this.stories.findLive(id);
    const orphaned =
      held && story && story.revision < next.revision && Date.now() - new Date(held.at).getTime() > ORPHANED_CLAIM_MS;
    if (!orphaned) return false;
    return (await this.revisions.release(id, next.revision, held.at)) && this.revisions.claim(snapshot);
  }
}

function stale(sent: number, current: number): DomainError {
  return new DomainError(
    ErrorCode.PreconditionFailed,
    `the story changed since you loaded it: you sent If-Match revision ${sent}, the current revision is ${current}; reload it and apply your edit again`,
    { currentRevision: current },
  );
}

function snapshotOf(s: StoryDoc, action: string, actor: Actor, at: Date) {
  return {
    storyId: s._id,
    revision: s.revision,
    action,
    at,
    by: actor.id,
    fields: snapshotFields(s),
    versions: s.versions,
  };
}

export function snapshotFields(s: StoryDoc) {
  return {
    dateline: s.dateline,
    eventDate: s.eventDate,
    categories: s.categories,
    tags: s.tags,
    byline: s.byline,
    coverMediaId: s.coverMediaId,
    galleryMediaIds: s.galleryMediaIds,
  };
}
