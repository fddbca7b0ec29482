import { isDuplicateKey, type OutboxEntry } from '@khao/persistence';
import type { EndedSessionDoc, EndedSessionModel } from './user.schema.js';

/** The only place that touches the ended_sessions collection. */
export class EndedSessionsRepository {
  constructor(readonly model: EndedSessionModel) {}

  /**
   * Records the logout with its event in the same insert. Returns false when the session had ended already (its
   * event was recorded then).
   */
  async insert(doc: Omit<EndedSessionDoc, 'outbox'>, events: OutboxEntry[]): Promise<boolean> {
    try {
      await this.model.create({ ...doc, outbox: events });
      return true;
    } catch (err) {
      if (isDuplicateKey(err)) return false;
      throw err;
    }
  }

  /** Sessions whose tokens could still be presented. */
  async live(now: Date): Promise<{ id: string; expiresAt: Date }[]> {
    const docs = await this.model
      .find({ expiresAt: { $gt: now } }, { expiresAt: 1 })
      .lean<EndedSessionDoc[]>()
      .exec();
    return docs.map((d) => ({ id: d._id, expiresAt: new Date(d.expiresAt) }));
  }

  /** Sessions whose tokens have all expired need no record any more. */
  async deleteExpired(now: Date): Promise<void> {
    await this.model.deleteMany({ expiresAt: { $lte: now } });
  }
}
