import { Inject, Injectable } from '@nestjs/common';
import { UserEvents, type EventEnvelope } from '@khao/contracts';
import type { Logger } from '@khao/logging';
import { EventFollower, INFRA, type ServiceInfra } from '@khao/messaging';
import { LOGGER } from '../tokens.js';
import { EndedSessionsRepository } from './ended-sessions.repository.js';
import { UsersRepository } from './users.repository.js';

/** What a verified token says about whose it is; checked against the list on every request. */
export interface TokenStanding {
  userId: string;
  tokenVersion: number;
  sessionId?: string;
}

/**
 * Which tokens this gateway refuses although their signature and expiry are good: those of a user whose access
 * changed since they were issued (their token version is below the user's), and those of a logged-out session.
 * Held in memory, so checking costs no database read: loaded at boot and after any gap, and kept current by the
 * users' events, which every replica follows. Versions only rise, so the order events and reloads arrive in does
 * not matter.
 */
@Injectable()
export class RevocationList {
  private readonly versions = new Map<string, number>();
  /** Ended session id → when its last token expires (ms). */
  private readonly endedSessions = new Map<string, number>();
  private readonly waiting = new Map<string, () => void>();
  private readonly follower: EventFollower;

  constructor(
    private readonly users: UsersRepository,
    private readonly sessions: EndedSessionsRepository,
    @Inject(INFRA) infra: ServiceInfra,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {
    this.follower = new EventFollower({
      nats: infra.nats,
      logger: logger.child({ component: 'revocations' }),
      onGap: () => this.reload(),
    })
      .on(UserEvents.tokensRevoked, (e) => this.heardOf(e, () => this.raise(e.data.userId, e.data.tokenVersion)))
      .on(UserEvents.sessionEnded, (e) =>
        this.heardOf(e, () => this.endSession(e.data.sessionId, new Date(e.data.expiresAt))),
      );
  }

  /** Following first, then loading: a change made in between is heard of either way. */
  async onApplicationBootstrap(): Promise<void> {
    await this.follower.start();
    await this.reload();
  }

  onModuleDestroy(): Promise<void> {
    return this.follower.stop();
  }

  isRevoked(t: TokenStanding, now = Date.now()): boolean {
    if (t.tokenVersion < (this.versions.get(t.userId) ?? 0)) return true;
    if (t.sessionId === undefined) return false;
    const until = this.endedSessions.get(t.sessionId);
    if (until === undefined) return false;
    if (until > now) return true;
    this.endedSessions.delete(t.sessionId);
    return false;
  }

  /** The version a user's new tokens carry, as far as this replica knows. */
  versionOf(userId: string): number {
    return this.versions.get(userId) ?? 0;
  }

  raise(userId: string, tokenVersion: number): void {
    if (tokenVersion > (this.versions.get(userId) ?? 0)) this.versions.set(userId, tokenVersion);
  }

  endSession(sessionId: string, expiresAt: Date): void {
    this.endedSessions.set(sessionId, Math.max(expiresAt.getTime(), this.endedSessions.get(sessionId) ?? 0));
  }

  /**
   * Resolves once this replica's follower has seen the event (or after `timeoutMs`): the other replicas follow the
   * same stream, so by then they have it too, give or take the fan-out.
   */
  heard(eventId: string, timeoutMs = 2000): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, timeoutMs);
      function done() {
        clearTimeout(timer);
        resolve();
      }
      this.waiting.set(eventId, () => {
        this.waiting.delete(eventId);
        done();
      });
    });
  }

  private heardOf(event: EventEnvelope, apply: () => void): void {
    apply();
    this.waiting.get(event.id)?.();
  }

  private async reload(): Promise<void> {
    const now = new Date();
    const [versions, sessions] = await Promise.all([this.users.tokenVersions(), this.sessions.live(now)]);
    for (const v of versions) this.raise(v.id, v.tokenVersion);
    for (const s of sessions) this.endSession(s.id, s.expiresAt);
    await this.sessions.deleteExpired(now);
    this.logger.info({ users: versions.length, sessions: sessions.length }, 'revocation list loaded');
  }
}
