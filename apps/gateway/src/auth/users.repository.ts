import type { OutboxRelay } from '@khao/messaging';
import {
  collectionOf,
  isDuplicateKey,
  toObjectId,
  type Database,
  type DocCollection,
  type OutboxEntry,
} from '@khao/persistence';
import { Users, type UserDoc } from './user.schema.js';

export type NewUser = Pick<UserDoc, 'email' | 'name' | 'role' | 'passwordHash'>;

const noOutbox = { projection: { outbox: 0 as const } };

/** The only place that touches the users collection. Returns plain objects. */
export class UsersRepository {
  private readonly users: DocCollection<typeof Users.schema>;

  constructor(
    db: Database,
    private readonly relay: OutboxRelay,
  ) {
    this.users = collectionOf(db, Users);
  }

  findByEmail(email: string): Promise<UserDoc | null> {
    return this.users.findOne({ email: email.trim().toLowerCase() }, noOutbox);
  }

  async findById(id: string): Promise<UserDoc | null> {
    const _id = toObjectId(id);
    return _id ? this.users.findById(_id, noOutbox) : null;
  }

  /** Display names by user id (the name, else the e-mail), for the ids that exist. */
  async names(ids: string[]): Promise<Map<string, string>> {
    const valid = [...new Set(ids)].flatMap((id) => toObjectId(id) ?? []);
    if (valid.length === 0) return new Map();
    const docs = await this.users.find({ _id: { $in: valid } }, { projection: { name: 1, email: 1 } });
    return new Map(docs.map((d) => [d._id.toHexString(), d.name || d.email]));
  }

  list(): Promise<UserDoc[]> {
    return this.users.find({}, { ...noOutbox, sort: { email: 1 }, limit: 1000 });
  }

  /** How many admins can log in (not disabled). */
  activeAdmins(): Promise<number> {
    return this.users.countDocuments({ role: 'admin', disabled: { $ne: true } });
  }

  /** Every user whose tokens were ever revoked, with the version their tokens must carry. */
  async tokenVersions(): Promise<{ id: string; tokenVersion: number }[]> {
    const docs = await this.users.find({ tokenVersion: { $gt: 0 } }, { projection: { tokenVersion: 1 } });
    return docs.map((d) => ({ id: d._id.toHexString(), tokenVersion: d.tokenVersion ?? 0 }));
  }

  /** Creates the user unless the e-mail is taken; returns whether it did. */
  async createIfAbsent(user: NewUser): Promise<boolean> {
    try {
      await this.users.insertOne(user);
      return true;
    } catch (err) {
      if (isDuplicateKey(err)) return false;
      throw err;
    }
  }

  /** A change that revokes nothing (the name). */
  async update(id: string, changes: Partial<UserDoc>): Promise<UserDoc | null> {
    const _id = toObjectId(id);
    if (!_id) return null;
    return withoutOutbox(await this.users.findOneAndUpdate({ _id }, { $set: { ...changes, updatedAt: new Date() } }));
  }

  /**
   * Applies `changes` with the raised token version and its events in one single-document write, only if the
   * user's token version is still `expectedVersion` (else null: someone else changed the user meanwhile).
   * `afterWrite` runs once it landed, before the events go out.
   */
  async updateRevoking(
    id: string,
    expectedVersion: number,
    changes: Partial<UserDoc>,
    events: OutboxEntry[],
    afterWrite: () => void,
  ): Promise<UserDoc | null> {
    const _id = toObjectId(id);
    if (!_id) return null;
    const current = expectedVersion === 0 ? { $in: [0, null] } : expectedVersion;
    const set = { ...changes, tokenVersion: expectedVersion + 1, updatedAt: new Date() };
    const where = { tokenVersion: current } as never;
    return withoutOutbox(await this.relay.updateAndGet(this.users, _id, { $set: set }, events, { where, afterWrite }));
  }

  ensureIndexes(): Promise<void> {
    return this.users.ensureIndexes();
  }
}

// FerretDB's findAndModify takes no projection: the outbox is dropped here instead.
function withoutOutbox<T extends { outbox?: unknown }>(doc: T | null): Omit<T, 'outbox'> | null {
  if (!doc) return null;
  const { outbox: _outbox, ...rest } = doc; // eslint-disable-line @typescript-eslint/no-unused-vars
  return rest;
}
