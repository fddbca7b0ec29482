import { Types, type Collection, type Connection } from 'mongoose';
import { isDuplicateKey, type OutboxEntry } from '@khao/persistence';
import type { AssetDoc, AssetModel } from './asset.schema.js';

interface HashDoc {
  _id: string; // sha256 of the original
  assetId: string;
}

/**
 * The only place that touches the assets and hashes collections. Every query is by `_id`: the sha256 index is a
 * collection of its own whose `_id` is the hash, so dedupe is an insert that either wins or names the owner.
 */
export class AssetRepository {
  private readonly assets: Collection<AssetDoc>;
  private readonly hashes: Collection<HashDoc>;

  constructor(
    readonly model: AssetModel,
    conn: Connection,
  ) {
    this.assets = model.collection as unknown as Collection<AssetDoc>;
    this.hashes = conn.collection<HashDoc>('hashes');
  }

  newId(): string {
    return new Types.ObjectId().toHexString();
  }

  async insert(doc: AssetDoc): Promise<void> {
    await this.assets.insertOne(doc);
  }

  /** An asset that is not deleted, or null. */
  async find(id: string): Promise<AssetDoc | null> {
    const doc = await this.assets.findOne({ _id: id });
    return doc && doc.status !== 'deleted' ? doc : null;
  }

  /** Sets fields; with events, appends them to (or, on a clean write, replaces) the outbox. Returns the new state. */
  async update(
    id: string,
    set: Partial<AssetDoc>,
    events: OutboxEntry[] = [],
    outbox: 'replace' | 'append' = 'append',
  ): Promise<AssetDoc | null> {
    const fields = { ...set, updatedAt: new Date() };
    const update =
      events.length && outbox === 'replace'
        ? { $set: { ...fields, outbox: events } }
        : { $set: fields, ...(events.length ? { $push: { outbox: { $each: events } } } : {}) };
    return this.assets.findOneAndUpdate({ _id: id }, update, { returnDocument: 'after' });
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
    const cursor = this.assets.find(filter, { projection: { outbox: 0 } }).sort({ _id: -1 });
    for await (const doc of cursor) {
      if (doc.status === 'pending' || doc.status === 'deleted' || doc.status === 'deleting') continue;
      if (status && doc.status !== status) continue;
      if (matches && !matches(doc)) continue;
      out.push(doc);
      if (out.length > limit) break;
    }
    await cursor.close();
    return out;
  }

  /** Claims `sha256` for `assetId`; answers the owner's id when another asset has it already. */
  async claimHash(sha256: string, assetId: string): Promise<string> {
    try {
      await this.hashes.insertOne({ _id: sha256, assetId });
      return assetId;
    } catch (err) {
      if (!isDuplicateKey(err)) throw err;
      const held = await this.hashes.findOne({ _id: sha256 });
      return held?.assetId ?? assetId;
    }
  }

  /** Hands `sha256` to `assetId` if it is still held by `from` (a failed or vanished owner). */
  async takeHash(sha256: string, from: string, assetId: string): Promise<boolean> {
    const res = await this.hashes.updateOne({ _id: sha256, assetId: from }, { $set: { assetId } });
    return res.modifiedCount === 1;
  }

  async releaseHash(sha256: string, assetId: string): Promise<void> {
    await this.hashes.deleteOne({ _id: sha256, assetId });
  }
}
