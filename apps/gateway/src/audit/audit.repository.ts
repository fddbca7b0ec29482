import { Schema, Types, type Connection, type Model } from 'mongoose';
import { isDuplicateKey, modelFor } from '@khao/persistence';

/** One security-relevant happening. Never a password, a token or a key: who, what, when, from where. */
export interface AuditDoc {
  _id: Types.ObjectId;
  at: Date;
  action: string;
  /** Who did it (absent for failed logins and the platform itself). */
  actorId?: string;
  /** Whom or what it was done to. */
  subjectId?: string;
  /** The story it concerns (story, translation and post entries), so a story's history is one filter. */
  storyId?: string;
  email?: string;
  ip?: string;
  details?: Record<string, unknown>;
}

const AuditSchema = new Schema<AuditDoc>(
  {
    at: Date,
    action: String,
    actorId: String,
    subjectId: String,
    storyId: String,
    email: String,
    ip: String,
    details: Schema.Types.Mixed,
  },
  { versionKey: false, collection: 'audit' },
);

interface KeyStateDoc {
  _id: string;
  kid: string;
}

const KeyStateSchema = new Schema<KeyStateDoc>(
  { _id: String, kid: String },
  { versionKey: false, collection: 'key_state' },
);

export interface AuditFilter {
  before?: string;
  actorId?: string;
  storyId?: string;
  /** From this instant (inclusive) to that one (exclusive). */
  from?: Date;
  to?: Date;
}

/** The only place that touches the audit and key_state collections. */
export class AuditRepository {
  private readonly model: Model<AuditDoc>;
  private readonly keys: Model<KeyStateDoc>;

  constructor(conn: Connection) {
    this.model = modelFor(conn, 'Audit', AuditSchema);
    this.keys = modelFor(conn, 'KeyState', KeyStateSchema);
  }

  /** Inserts the entry; one with `id` that is already there (recorded before) stays as it is. */
  async insert(entry: Omit<AuditDoc, '_id'>, id = new Types.ObjectId()): Promise<void> {
    // Absent fields stay absent: the driver would store an undefined one as null, which the API does not promise.
    const present = Object.fromEntries(Object.entries(entry).filter(([, v]) => v !== undefined));
    try {
      await this.model.collection.insertOne({ _id: id, ...present });
    } catch (err) {
      if (!isDuplicateKey(err)) throw err;
    }
  }

  /** Newest first; `before` is the id of the last entry of the previous page. */
  list(limit: number, filter: AuditFilter = {}): Promise<AuditDoc[]> {
    const query: Record<string, unknown> = {};
    if (filter.before) query._id = { $lt: new Types.ObjectId(filter.before) };
    if (filter.actorId) query.actorId = filter.actorId;
    if (filter.storyId) query.storyId = filter.storyId;
    if (filter.from || filter.to) {
      query.at = { ...(filter.from ? { $gte: filter.from } : {}), ...(filter.to ? { $lt: filter.to } : {}) };
    }
    return this.model.find(query).sort({ _id: -1 }).limit(limit).lean<AuditDoc[]>().exec();
  }

  /**
   * Records `kid` as the current key of `name`; returns the key it replaces when this call is the one that saw the
   * change (of several replicas booting at once, one), else undefined.
   */
  async switchKey(name: string, kid: string): Promise<{ from: string | null } | undefined> {
    const previous = await this.keys.findOneAndUpdate({ _id: name, kid: { $ne: kid } }, { $set: { kid } }).lean();
    if (previous) return { from: previous.kid };
    try {
      await this.keys.create({ _id: name, kid });
      return { from: null };
    } catch (err) {
      if (isDuplicateKey(err)) return undefined;
      throw err;
    }
  }
}
