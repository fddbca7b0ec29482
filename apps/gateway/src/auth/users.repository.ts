import { isDuplicateKey, type OutboxEntry } from '@khao/persistence';
import type { UserDoc, UserModel } from './user.schema.js';

export type NewUser = Pick<UserDoc, 'email' | 'name' | 'role' | 'passwordHash'>;

/** The only place that touches the users collection. Returns plain objects. */
export class UsersRepository {
  constructor(readonly model: UserModel) {}

  findByEmail(email: string): Promise<UserDoc | null> {
    return this.model.findOne({ email: email.trim().toLowerCase() }, { outbox: 0 }).lean<UserDoc>().exec();
  }

  findById(id: string): Promise<UserDoc | null> {
    return this.model.findById(id, { outbox: 0 }).lean<UserDoc>().exec();
  }

  /** Display names by user id (the name, else the e-mail), for the ids that exist. */
  async names(ids: string[]): Promise<Map<string, string>> {
    const valid = [...new Set(ids)].filter((id) => /^[0-9a-f]{24}$/.test(id));
    if (valid.length === 0) return new Map();
    const docs = await this.model
      .find({ _id: { $in: valid } }, { name: 1, email: 1 })
      .lean<Pick<UserDoc, '_id' | 'name' | 'email'>[]>()
      .exec();
    return new Map(docs.map((d) => [d._id.toHexString(), d.name || d.email]));
  }

  list(): Promise<UserDoc[]> {
    return this.model.find({}, { outbox: 0 }).sort({ email: 1 }).limit(1000).lean<UserDoc[]>().exec();
  }

  /** How many admins can log in (not disabled). */
  activeAdmins(): Promise<number> {
    return this.model.countDocuments({ role: 'admin', disabled: { $ne: true } }).exec();
  }

  /** Every user whose tokens were ever revoked, with the version their tokens must carry. */
  async tokenVersions(): Promise<{ id: string; tokenVersion: number }[]> {
    const docs = await this.model
      .find({ tokenVersion: { $gt: 0 } }, { tokenVersion: 1 })
      .lean<Pick<UserDoc, '_id' | 'tokenVersion'>[]>()
      .exec();
    return docs.map((d) => ({ id: d._id.toHexString(), tokenVersion: d.tokenVersion ?? 0 }));
  }

  /** Creates the user unless the e-mail is taken; returns whether it did. */
  async createIfAbsent(user: NewUser): Promise<boolean> {
    try {
      await this.model.create(user);
      return true;
    } catch (err) {
      if (isDuplicateKey(err)) return false;
      throw err;
    }
  }

  /** A change that revokes nothing (the name). */
  async update(id: string, changes: Partial<UserDoc>): Promise<UserDoc | null> {
    return withoutOutbox(await this.model.findByIdAndUpdate(id, { $set: changes }, { new: true }).lean<UserDoc>());
  }

  /**
   * Applies `changes` with the raised token version and its events in one single-document write, only if the
   * user's token version is still `expectedVersion` (else null: someone else changed the user meanwhile).
   */
  async updateRevoking(
    id: string,
    expectedVersion: number,
    changes: Partial<UserDoc>,
    events: OutboxEntry[],
    outbox: 'replace' | 'append',
  ): Promise<UserDoc | null> {
    const current = expectedVersion === 0 ? { $in: [0, null] } : expectedVersion;
    const set = { ...changes, tokenVersion: expectedVersion + 1, ...(outbox === 'replace' ? { outbox: events } : {}) };
    const updated = await this.model
      .findOneAndUpdate(
        { _id: id, tokenVersion: current },
        { $set: set, ...(outbox === 'append' ? { $push: { outbox: { $each: events } } } : {}) },
        { new: true },
      )
      .lean<UserDoc>()
      .exec();
    return withoutOutbox(updated);
  }

  async ensureIndexes(): Promise<void> {
    await this.model.createIndexes();
  }
}

// FerretDB's findAndModify takes no projection: the outbox is dropped here instead.
function withoutOutbox(doc: UserDoc | null): UserDoc | null {
  if (!doc) return null;
  const rest = { ...doc };
  delete rest.outbox;
  return rest;
}
