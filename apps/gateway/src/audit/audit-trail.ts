import { Inject, Injectable } from '@nestjs/common';
import type { Logger } from '@khao/logging';
import type { ObjectId } from '@khao/persistence';
import { LOGGER } from '../tokens.js';
import { AuditRepository, type AuditDoc } from './audit.repository.js';

export type AuditEntry = Omit<AuditDoc, '_id' | 'at'>;

/**
 * The audit trail: logins (succeeded and failed), access changes, logouts, key rotations, channel changes, post
 * retries and dead-letter replays, and (through AuditRecorder) what happened to stories. Kept in the gateway's database (GET /api/v1/ops/audit) and written as `event: audit` log lines. A
 * failure to record is logged, never turned into a failed login or change.
 */
@Injectable()
export class AuditTrail {
  constructor(
    private readonly repo: AuditRepository,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  /**
   * `strict`: a failure to store is thrown (an event consumer then tries again) instead of only logged. `id`: the
   * entry's own id, when recording it again must not store it twice (see AuditRecorder).
   */
  async record(entry: AuditEntry, { strict = false, id }: { strict?: boolean; id?: ObjectId } = {}): Promise<void> {
    this.logger.info({ event: 'audit', ...entry }, `audit: ${entry.action}`);
    try {
      await this.repo.insert({ at: new Date(), ...entry }, id);
    } catch (err) {
      this.logger.error({ err: (err as Error).message, action: entry.action }, 'could not record an audit entry');
      if (strict) throw err;
    }
  }

  /** At boot: when the signing key differs from the one the gateways used last, that is a rotation to record. */
  async signingKey(name: string, kid: string): Promise<void> {
    const switched = await this.repo.switchKey(name, kid);
    if (switched?.from) await this.record({ action: `${name}.rotated`, details: { from: switched.from, to: kid } });
  }
}
