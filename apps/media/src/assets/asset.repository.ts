import { randomUUID } from 'node:crypto';
import type { OutboxRelay } from '@khao/messaging';
import {
  collectionOf,
  isDuplicateKey,
  newObjectId,
  Takeovers,
  type Database,
  type DocCollection,
  type DocInput,
  type OutboxEntry,
} from '@khao/persistence';
import { Assets, Hashes, type AssetDoc } from './asset.schema.js';

/**
 * The only place that touches the assets and hashes collections. Every query is by `_id`: the sha256 index is a
 * collection of its own whose `_id` is the hash, so dedupe is an insert that either wins or names the owner. A
 * change that reports events carries them through the outbox.
 *
 * A hash changes hands (a failed owner's given to a new upload, or given back) only by `_id`, decided by a
 * {@link Takeovers} record naming the hash and its holding as read: on FerretDB a write conditioned on the owner is
 * not atomic, so two uploads taking over one failed owner's hash could both have won it.
 */
export class AssetRepository {
  private readonly assets: DocCollection<typeof Assets.schema>;
  private readonly hashes: DocCollection<typeof Hashes.schema>;
  private readonly handovers: Takeovers;

  constructor(
    db: Database,
    private readonly relay: OutboxRelay,
  ) {
    this.assets = collectionOf(db, Assets);
    this.hashes = collectionOf(db, Hashes);
    this.handovers = new Takeovers(db, 'hash_handovers');
  }

  newId(): string {
    return newObjectId();
  }

  async insert(doc: DocInput<typeof Assets.schema>): Promise<void> {
    await this.assets.insertOne(doc);
  }

  /** An asset that is not deleted, or null. */
  async find(id: string): Promise<AssetDoc | null> {
    const doc = await this.assets.findById(id);
    return doc && doc.status !== 'deleted' ? doc : null;
  }

  /** Sets fields and records `events` in the same single-document write (the outbox). Returns the new state. */
  update(id: string, set: Partial<AssetDoc>, events: OutboxEntry[] = []): Promise<AssetDoc | null> {
    const update = { $set: { ...set, updatedAt: new Date() } };
    return this.relay.updateAndGet(this.assets, id, update, events);
  }

  /** Removes a record that never became an asset (a rejected or abandoned upload): nothing of it stays. */
  async purge(id: string): Promise<void> {
    await this.assets.deleteOne({ _id: id });
  }

  /**
   * Newest first by id (ids grow with time), skipping pending and deleted records; `matches` keeps only the records
   * a text search accepts (checked here, as FerretDB has no text index: the library is small next to the stories).
   */
  async list(
    after: string | undefined,
    limit: number,
    status?: string,
    matches?: (doc: AssetDoc) => boolean,
  ): Promise<AssetDoc[]> {
    const filter = after ? { _id: { $lt: after } } : {};
    const out: AssetDoc[] = [];
    for await (const doc of this.assets.iterate(filter, { projection: { outbox: 0 }, sort: { _id: -1 } })) {
      if (doc.status === 'pending' || doc.status === 'deleted' || doc.status === 'deleting') continue;
      if (status && doc.status !== status) continue;
      if (matches && !matches(doc)) continue;
      out.push(doc);
      if (out.length > limit) break;
    }
    return out;
  }

  /** Claims `sha256` for `assetId`; answers the owner's id when another asset has it already. */
  async claimHash(sha256: string, assetId: string): Promise<string> {
    for (;;) {
      try {
        await this.hashes.insertOne({ _id: sha256, assetId, holding: randomUUID() });
        return assetId;
      } catch (err) {
        if (!isDuplicateKey(err)) throw err;
      }
      const held = await this.hashes.findById(sha256);
      if (held) return held.assetId; // else given back meanwhile: claim it again
    }
  }

  /** Hands `sha256` to `assetId` if it is still held by `from` (a failed or vanished owner). */
  async takeHash(sha256: string, from: string, assetId: string): Promise<boolean> {
    if (!(await this.handOver(sha256, from))) return false;
    await this.hashes.updateOne({ _id: sha256 }, { $set: { assetId, holding: randomUUID() } });
    return true;
  }

  /** Gives `sha256` back if `assetId` holds it (the asset failed or is deleted). */
  async releaseHash(sha256: string, assetId: string): Promise<void> {
    if (await this.handOver(sha256, assetId)) await this.hashes.deleteOne({ _id: sha256 });
  }

  /** Whether this caller may change the hash `from` holds now: it does, and nobody else acts on that holding. */
  private async handOver(sha256: string, from: string): Promise<boolean> {
    const held = await this.hashes.findById(sha256);
    return held?.assetId === from && (await this.handovers.win(`${sha256}|${held.holding}`));
  }
}
