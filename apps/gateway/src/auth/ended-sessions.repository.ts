import type { OutboxRelay } from '@khao/messaging';
import { collectionOf, isDuplicateKey, type Database, type DocCollection, type OutboxEntry } from '@khao/persistence';
import { EndedSessions, type EndedSessionDoc } from './user.schema.js';

/** The only place that touches the ended_sessions collection (a small one: sessions whose tokens may still live). */
export class EndedSessionsRepository {
  private readonly sessions: DocCollection<typeof EndedSessions.schema>;

  constructor(
    db: Database,
    private readonly relay: OutboxRelay,
  ) {
    this.sessions = collectionOf(db, EndedSessions);
  }

  /**
   * Records the logout with its event in the same insert (`afterWrite` runs before the event goes out). Returns
   * false when the session had ended already (its event was recorded then).
   */
  async insert(doc: Omit<EndedSessionDoc, 'outbox'>, events: OutboxEntry[], afterWrite: () => void): Promise<boolean> {
    try {
      await this.relay.insert(this.sessions, doc, events, { afterWrite });
      return true;
    } catch (err) {
      if (isDuplicateKey(err)) return false;
      throw err;
    }
  }

  /** Sessions whose tokens could still be presented. */
  async live(now: Date): Promise<{ id: string; expiresAt: Date }[]> {
    const docs = await this.sessions.find({ expiresAt: { $gt: now } }, { projection: { expiresAt: 1 } });
    return docs.map((d) => ({ id: d._id, expiresAt: new Date(d.expiresAt) }));
  }

  /** Sessions whose tokens have all expired need no record any more. */
  async deleteExpired(now: Date): Promise<void> {
    await this.sessions.deleteMany({ expiresAt: { $lte: now } });
  }
}
