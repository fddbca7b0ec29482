import { Types, type Collection } from 'mongoose';
import type { OutboxEntry } from '@khao/persistence';
import type { StoryDoc, StoryModel } from './story.schema.js';

/**
 * The only place that touches the stories collection. Every query is by `_id`: FerretDB's SQLite backend answers
 * only those without reading the whole collection. Search and slugs are served by the in-memory StoryIndex.
 */
export class StoryRepository {
  private readonly collection: Collection<StoryDoc>;

  constructor(readonly model: StoryModel) {
    this.collection = model.collection as unknown as Collection<StoryDoc>;
  }

  newId(): string {
    return new Types.ObjectId().toHexString();
  }

  /** Inserts the story with its first events: one document write, so both exist or neither. */
  async insert(story: StoryDoc): Promise<void> {
    await this.collection.insertOne(story);
  }

  /** Inserts new stories with their first events, in order, in one call (an import batch). */
  async insertMany(stories: StoryDoc[]): Promise<void> {
    await this.collection.insertMany(stories, { ordered: true });
  }

  /** A story that is not deleted, or null. */
  async findLive(id: string): Promise<StoryDoc | null> {
    const doc = await this.collection.findOne({ _id: id });
    return doc && !doc.deletedAt ? doc : null;
  }

  /**
   * Writes the story's new state, appending `events` to its outbox in the same single-document write. The caller
   * holds the claim on this revision (see RevisionsRepository.claim), so nobody else writes it.
   */
  async replace(next: StoryDoc, events: OutboxEntry[], outbox: 'replace' | 'append'): Promise<void> {
    const { _id, outbox: _outbox, ...fields } = next; // eslint-disable-line @typescript-eslint/no-unused-vars
    // Replace when every earlier entry was published (no marker); append to keep entries still unpublished.
    const update =
      outbox === 'replace'
        ? { $set: { ...fields, outbox: events } }
        : { $set: fields, ...(events.length ? { $push: { outbox: { $each: events } } } : {}) };
    await this.collection.updateOne({ _id }, update);
  }

  /** Every live story without its outbox, for building the index at boot. */
  async *scanLive(): AsyncGenerator<StoryDoc> {
    for await (const doc of this.collection.find({}, { projection: { outbox: 0 } })) {
      if (!doc.deletedAt) yield doc;
    }
  }
}
