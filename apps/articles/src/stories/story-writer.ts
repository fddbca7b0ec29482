import { Inject, Injectable } from '@nestjs/common';
import { DomainError, ErrorCode, type Actor } from '@khao/contracts';
import { OutboxRelay } from '@khao/messaging';
import type { OutboxEntry } from '@khao/persistence';
import { RevisionsRepository } from '../revisions/revisions.repository.js';
import { CONFIG } from '../tokens.js';
import type { ArticlesConfig } from '../config.js';
import { StoryRepository } from './story.repository.js';
import { cloneStory, derive } from './story-state.js';
import { eventsFor } from './story-events.js';
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

/**
 * The one way a story changes: load, check the revision, apply the change, recompute what queries need, record a
 * revision, then replace the story only if nobody saved in between (with its events in the same write), and
 * publish the events.
 */
@Injectable()
export class StoryWriter {
  constructor(
    private readonly stories: StoryRepository,
    private readonly revisions: RevisionsRepository,
    private readonly relay: OutboxRelay,
    @Inject(CONFIG) private readonly config: ArticlesConfig,
  ) {}

  async write(o: WriteOptions): Promise<StoryDoc> {
    for (let attempt = 0; attempt < 5; attempt++) {
      const current = await this.load(o.id);
      if (o.expectedRevision !== undefined && o.expectedRevision !== current.revision)
        throw stale(o.expectedRevision, current.revision);
      const next = cloneStory(current);
      o.change(next, current);
      const now = new Date();
      next.revision = current.revision + 1;
      next.updatedAt = now;
      derive(next);
      const events = [
        ...eventsFor(current, next, this.config.PUBLIC_BASE_URL, o.actor.id),
        ...(o.extraEvents?.(next) ?? []),
      ];
      await this.revisions.save({
        storyId: o.id,
        revision: next.revision,
        action: o.action,
        at: now,
        by: o.actor.id,
        fields: snapshotFields(next),
        versions: next.versions,
      });
      if (await this.stories.replaceIfRevision(current.revision, next, events)) {
        await this.relay.publishPending(this.stories.model, next._id);
        return next;
      }
      // Someone saved in between. With If-Match that is the caller's conflict; without, redo on the new state.
      if (o.expectedRevision !== undefined) {
        const now2 = await this.load(o.id);
        throw stale(o.expectedRevision, now2.revision);
      }
    }
    throw new DomainError(ErrorCode.Conflict, 'the story is being changed by others right now; try again');
  }

  async insert(story: StoryDoc, actor: Actor): Promise<StoryDoc> {
    derive(story);
    story.outbox = eventsFor(null, story, this.config.PUBLIC_BASE_URL, actor.id);
    await this.revisions.save({
      storyId: story._id.toHexString(),
      revision: story.revision,
      action: 'create',
      at: story.createdAt,
      by: actor.id,
      fields: snapshotFields(story),
      versions: story.versions,
    });
    await this.stories.insert(story);
    await this.relay.publishPending(this.stories.model, story._id);
    return story;
  }

  async load(id: string): Promise<StoryDoc> {
    const doc = await this.stories.findLive(id);
    if (!doc) throw new DomainError(ErrorCode.NotFound, `no story with id ${id}`);
    return doc;
  }
}

function stale(sent: number, current: number): DomainError {
  return new DomainError(
    ErrorCode.PreconditionFailed,
    `the story changed since you loaded it: you sent If-Match revision ${sent}, the current revision is ${current}; reload it and apply your edit again`,
    { currentRevision: current },
  );
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
