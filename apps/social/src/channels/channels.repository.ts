import { collectionOf, type Database, type DocCollection } from '@khao/persistence';
import { Channels, type ChannelDoc } from './channel.schema.js';

/**
 * The only place that touches the channels collection. An organisation has a handful of channels, so reading the
 * whole collection (what FerretDB does for any filter but `_id`) is cheap; single channels are read by `_id`.
 */
export class ChannelsRepository {
  private readonly collection: DocCollection<typeof Channels.schema>;

  constructor(db: Database) {
    this.collection = collectionOf(db, Channels);
  }

  async insert(doc: ChannelDoc): Promise<void> {
    await this.collection.insertOne(doc);
  }

  get(id: string): Promise<ChannelDoc | null> {
    return this.collection.findById(id);
  }

  async all(): Promise<ChannelDoc[]> {
    const docs = await this.collection.find({});
    return docs.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || a._id.localeCompare(b._id));
  }

  set(id: string, fields: Partial<ChannelDoc>): Promise<ChannelDoc | null> {
    return this.collection.findOneAndUpdate({ _id: id }, { $set: fields });
  }

  /** Replaces the sealed credentials only if they are still the ones read (`iv`): a PATCH meanwhile wins. */
  async replaceCredentials(id: string, readIv: string, sealed: ChannelDoc['credentials']): Promise<boolean> {
    const res = await this.collection.updateOne(
      { _id: id, 'credentials.iv': readIv },
      { $set: { credentials: sealed } },
    );
    return res.modified === 1;
  }

  delete(id: string): Promise<boolean> {
    return this.collection.deleteOne({ _id: id });
  }
}
