import { Injectable } from '@nestjs/common';
import { DomainError, ErrorCode, UserEvents, type RevocationReason } from '@khao/contracts';
import { OutboxRelay } from '@khao/messaging';
import { outboxEntry } from '@khao/persistence';
import { EndedSessionsRepository } from './ended-sessions.repository.js';
import { RevocationList } from './revocation-list.js';
import type { UserDoc } from './user.schema.js';
import { UsersRepository } from './users.repository.js';

/**
 * The writes that revoke tokens: a change to a user's access raises their token version, a logout ends a session.
 * Each writes its event in the same single-document write (outbox), publishes it, applies it to this replica at
 * once and returns when this replica's follower heard it back from the stream, which every replica follows.
 */
@Injectable()
export class Revocations {
  constructor(
    private readonly users: UsersRepository,
    private readonly sessions: EndedSessionsRepository,
    private readonly relay: OutboxRelay,
    private readonly list: RevocationList,
  ) {}

  /** Applies `changes` to the user and revokes every token issued to them before. */
  async changeAccess(user: UserDoc, changes: Partial<UserDoc>, reasons: RevocationReason[]): Promise<UserDoc> {
    const id = user._id.toHexString();
    for (let expected = user.tokenVersion ?? 0, tries = 0; tries < 5; tries++) {
      const event = outboxEntry(UserEvents.tokensRevoked, { userId: id, tokenVersion: expected + 1, reasons });
      const pending = await this.relay.markPending(this.users.model, user._id);
      const mode = pending.clean ? 'replace' : 'append';
      const updated = await this.users.updateRevoking(id, expected, changes, [event], mode);
      if (updated) {
        this.list.raise(id, expected + 1);
        await this.publish(event.id, () => this.relay.publishPending(this.users.model, user._id, [event], pending));
        return updated;
      }
      // Another change raised the version first: apply ours on top of it.
      const now = await this.users.findById(id);
      if (!now) throw new DomainError(ErrorCode.NotFound, `no user with id ${id}`);
      expected = now.tokenVersion ?? 0;
    }
    throw new DomainError(ErrorCode.Conflict, 'the user is being changed by others right now; try again');
  }

  /** Ends a browser session: its tokens are refused from now until they expire. */
  async endSession(userId: string, sessionId: string, expiresAt: Date): Promise<void> {
    const event = outboxEntry(UserEvents.sessionEnded, { userId, sessionId, expiresAt: expiresAt.toISOString() });
    const pending = await this.relay.markPending(this.sessions.model, sessionId);
    this.list.endSession(sessionId, expiresAt);
    if (await this.sessions.insert({ _id: sessionId, userId, expiresAt }, [event])) {
      await this.publish(event.id, () => this.relay.publishPending(this.sessions.model, sessionId, [event], pending));
    }
  }

  private async publish(eventId: string, publish: () => Promise<void>): Promise<void> {
    const heard = this.list.heard(eventId);
    await publish();
    await heard;
  }
}
