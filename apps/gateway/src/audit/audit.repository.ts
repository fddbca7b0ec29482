import { z } from 'zod';
import {
  collectionOf,
  defineCollection,
  isDuplicateKey,
  objectId,
  ObjectIdField,
  toObjectId,
  type Database,
  type DocCollection,
  type ObjectId,
} from '@khao/persistence';

/** One security-relevant happening. Never a password, a token or a key: who, what, when, from where. */
const Audit = defineCollection({
  name: 'audit',
  schema: z.object({
    _id: ObjectIdField,
    at: z.date(),
    action: z.string(),
    /** Who did it (absent for failed logins and the platform itself). */
    actorId: z.string().optional(),
    /** Whom or what it was done to. */
    subjectId: z.string().optional(),
    /** The story it concerns (story, translation and post entries), so a story's history is one filter. */
    storyId: z.string().optional(),
    email: z.string().optional(),
    ip: z.string().optional(),
    details: z.record(z.string(), z.unknown()).optional(),
  }),
});
export type AuditDoc = z.output<typeof Audit.schema>;

const KeyState = defineCollection({ name: 'key_state', schema: z.object({ _id: z.string(), kid: z.string() }) });

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
  private readonly entries: DocCollection<typeof Audit.schema>;
  private readonly keys: DocCollection<typeof KeyState.schema>;

  constructor(db: Database) {
    this.entries = collectionOf(db, Audit);
    this.keys = collectionOf(db, KeyState);
  }

  /** Inserts the entry; one with `id` that is already there (recorded before) stays as it is. */
  async insert(entry: Omit<AuditDoc, '_id'>, id: ObjectId = objectId()): Promise<void> {
    // Absent fields stay absent: the driver would store an undefined one as null, which the API does not promise.
    const present = Object.fromEntries(Object.entries(entry).filter(([, v]) => v !== undefined));
    try {
      await this.entries.insertOne({ _id: id, ...present } as AuditDoc);
    } catch (err) {
      if (!isDuplicateKey(err)) throw err;
    }
  }

  /** Newest first; `before` is the id of the last entry of the previous page. */
  list(limit: number, filter: AuditFilter = {}): Promise<AuditDoc[]> {
    const query: Record<string, unknown> = {};
    if (filter.before) query._id = { $lt: toObjectId(filter.before) };
    if (filter.actorId) query.actorId = filter.actorId;
    if (filter.storyId) query.storyId = filter.storyId;
    if (filter.from || filter.to) {
      query.at = { ...(filter.from ? { $gte: filter.from } : {}), ...(filter.to ? { $lt: filter.to } : {}) };
    }
    return this.entries.find(query, { sort: { _id: -1 }, limit });
  }

  /**
   * Records `kid` as the current key of `name`; returns the key it replaces when this call is the one that saw the
   * change (of several replicas booting at once, one), else undefined.
   */
  async switchKey(name: string, kid: string): Promise<{ from: string | null } | undefined> {
    const previous = await this.keys.findOneAndUpdate(
      { _id: name, kid: { $ne: kid } },
      { $set: { kid } },
      { returnDocument: 'before' },
    );
    if (previous) return { from: previous.kid };
    try {
      await this.keys.insertOne({ _id: name, kid });
      return { from: null };
    } catch (err) {
      if (isDuplicateKey(err)) return undefined;
      throw err;
    }
  }
}
