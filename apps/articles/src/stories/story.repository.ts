import type { OutboxRelay } from '@khao/messaging';
import { collectionOf, newObjectId, type Database, type DocCollection, type OutboxEntry } from '@khao/persistence';
import { Stories, type StoryDoc } from './story.schema.js';

/** Called by a write: right before it (may throw to abandon it), and once it landed, before its events go out. */
export interface WriteHooks {
  beforeWrite?: () => void;
  afterWrite?: () => unknown;
}

/**
 * The only place that touches the stories collection. Every query is by `_id`: FerretDB's SQLite backend answers
 * only those without reading the whole collection. Search and slugs are served by the in-memory StoryIndex. Every
 * write carries its events through the outbox.
 */
export class StoryRepository {
  private readonly collection: DocCollection<typeof Stories.schema>;

  constructor(
    db: Database,
    private readonly relay: OutboxRelay,
  ) {
    this.collection = collectionOf(db, Stories);
  }

  newId(): string {
    return newObjectId();
  }

  /** Inserts the story with its first events: one document write, so both exist or neither. */
  async insert(story: StoryDoc, events: OutboxEntry[], hooks: WriteHooks = {}): Promise<void> {
    await this.relay.insert(this.collection, story, events, hooks);
  }

  /** Inserts new stories with their first events, in order, in one call (an import batch). */
  async insertMany(stories: { story: StoryDoc; events: OutboxEntry[] }[], hooks: WriteHooks = {}): Promise<void> {
    await this.relay.insertMany(
      this.collection,
      stories.map((s) => ({ doc: s.story, events: s.events })),
      hooks,
    );
  }

  /** A story that is not deleted, or null. */
  async findLive(id: string): Promise<StoryDoc | null> {
    const doc = await this.collection.findById(id);
    return doc && !doc.deletedAt ? doc : null;
  }

  /**
   * Writes the story's new state with `events` in the same single-document write. The caller holds the claim on
   * this revision (see RevisionsRepository.claim), so nobody else writes it.
   */
  async replace(next: StoryDoc, events: OutboxEntry[], hooks: WriteHooks = {}): Promise<void> {
    const { _id, outbox: _outbox, ...fields } = next; // eslint-disable-line @typescript-eslint/no-unused-vars
    await this.relay.update(this.collection, _id, { $set: fields }, events, hooks);
  }

  /** Every live story without its outbox, for building the index at boot. */
  async *scanLive(): AsyncGenerator<StoryDoc> {
    for await (const doc of this.collection.iterate({}, { projection: { outbox: 0 } })) {
      if (!doc.deletedAt) yield doc;
    }
  }
}
