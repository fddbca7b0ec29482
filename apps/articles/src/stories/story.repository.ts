import { Types } from 'mongoose';
import type { OutboxEntry } from '@khao/persistence';
import type { StoryDoc, StoryModel } from './story.schema.js';

/** Filters that every query of live stories carries. */
const live = { deletedAt: null };

export interface SearchFilter {
  createdBy?: string;
  tokens?: string[];
  /** Each must appear as written (see queryPhrases). */
  phrases?: string[];
  langStatus?: string[];
  tag?: string;
  category?: string;
  province?: string;
  eventFrom?: Date;
  eventTo?: Date;
  after?: { updatedAt: Date; id: string };
  limit: number;
}

/** The only place that touches the stories collection. Returns plain objects. */
export class StoryRepository {
  constructor(readonly model: StoryModel) {}

  newId(): Types.ObjectId {
    return new Types.ObjectId();
  }

  /** Inserts the story with its first events: one document write, so both exist or neither. */
  async insert(story: StoryDoc): Promise<void> {
    await this.model.collection.insertOne(story);
  }

  findLive(id: string): Promise<StoryDoc | null> {
    return this.model.collection.findOne<StoryDoc>({ _id: new Types.ObjectId(id), ...live } as never);
  }

  /**
   * Replaces the story's state if nobody saved since `revision` (optimistic concurrency), appending `events` to its
   * outbox in the same single-document write. Returns false when the revision moved on.
   */
  async replaceIfRevision(revision: number, next: StoryDoc, events: OutboxEntry[]): Promise<boolean> {
    // The outbox only grows by $push here; it is emptied by the relay.
    const { _id, outbox: _outbox, ...fields } = next; // eslint-disable-line @typescript-eslint/no-unused-vars
    const res = await this.model.collection.updateOne({ _id, revision, ...live }, {
      $set: fields,
      ...(events.length ? { $push: { outbox: { $each: events } } } : {}),
    } as never);
    return res.matchedCount === 1;
  }

  search(f: SearchFilter): Promise<StoryDoc[]> {
    const q: Record<string, unknown> = { ...live };
    if (f.createdBy) q.createdBy = f.createdBy;
    if (f.tokens?.length) q.tokens = { $all: f.tokens };
    if (f.phrases?.length) q.$and = f.phrases.map((p) => ({ searchText: { $regex: escapeRegex(p) } }));
    if (f.langStatus) q.langStatus = { $in: f.langStatus };
    if (f.tag) q.tags = f.tag;
    if (f.category) q.categories = f.category;
    if (f.province) q['dateline.province'] = f.province;
    if (f.eventFrom || f.eventTo) {
      q.eventStart = { ...(f.eventFrom ? { $gte: f.eventFrom } : {}), ...(f.eventTo ? { $lte: f.eventTo } : {}) };
    }
    if (f.after) {
      const id = new Types.ObjectId(f.after.id);
      q.$or = [{ updatedAt: { $lt: f.after.updatedAt } }, { updatedAt: f.after.updatedAt, _id: { $lt: id } }];
    }
    return this.model.collection
      .find<StoryDoc>(q as never, {
        projection: { tokens: 0, searchText: 0, outbox: 0, 'versions.body': 0 },
        sort: { updatedAt: -1, _id: -1 },
        limit: f.limit,
      })
      .toArray();
  }

  findBySlug(language: string, slug: string): Promise<StoryDoc | null> {
    return this.model.collection.findOne<StoryDoc>({ slugs: `${language}:${slug}`, ...live } as never, {
      projection: { versions: 1, slugs: 1 },
    });
  }

  /** Stories with a scheduled version due at `now`. */
  findDue(now: Date, limit = 50): Promise<StoryDoc[]> {
    return this.model.collection
      .find<StoryDoc>({ nextScheduledAt: { $ne: null, $lte: now }, ...live } as never, { limit })
      .toArray();
  }
}

function escapeRegex(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
