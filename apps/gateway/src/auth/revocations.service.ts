import { Injectable } from '@nestjs/common';
import { DomainError, ErrorCode, UserEvents, type RevocationReason } from '@khao/contracts';
import { outboxEntry } from '@khao/persistence';
import { EndedSessionsRepository } from './ended-sessions.repository.js';
import { RevocationList } from './revocation-list.js';
import type { UserDoc } from './user.schema.js';
import { UsersRepository } from './users.repository.js';

/**
 * The writes that revoke tokens: a change to a user's access raises their token version, a logout ends a session.
 * Each writes its event in the same single-document write (the outbox publishes it), applies it to this replica at
 * once and returns when this replica's follower heard it back from the stream, which every replica follows.
 */
@Injectable()
export class Revocations {
  constructor(
    private readonly users: UsersRepository,
    private readonly sessions: EndedSessionsRepository,
    private readonly list: RevocationList,
  ) {}

  /** Applies `changes` to the user and revokes every token issued to them before. */
  async changeAccess(user: UserDoc, changes: Partial<UserDoc>, reasons: RevocationReason[]): Promise<UserDoc> {
    const id = user._id.toHexString();
    for (let expected = user.tokenVersion ?? 0, tries = 0; tries < 5; tries++) {
      const event = outboxEntry(UserEvents.tokensRevoked, { userId: id, tokenVersion: expected + 1, reasons });
      let heard: Promise<void> | undefined;
      const raised = expected + 1;
      const updated = await this.users.updateRevoking(id, expected, changes, [event], () => {
        this.list.raise(id, raised);
        heard = this.list.heard(event.id);
      });
      if (updated) {
        await heard;
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
    this.list.endSession(sessionId, expiresAt);
    let heard: Promise<void> | undefined;
    const ended = { _id: sessionId, userId, expiresAt };
    const listen = () => void (heard = this.list.heard(event.id));
    if (await this.sessions.insert(ended, [event], listen)) await heard;
  }
}
