import { Inject, Injectable } from '@nestjs/common';
import type { Logger } from '@khao/logging';
import { LOGGER } from '../tokens.js';
import { AuditRepository, type AuditDoc } from './audit.repository.js';

export type AuditEntry = Omit<AuditDoc, '_id' | 'at'>;

/**
 * The audit trail of authentication and access: logins (succeeded and failed), access changes, logouts and key
 * rotations. Kept in the gateway's database (GET /api/v1/ops/audit) and written as `event: audit` log lines. A
 * failure to record is logged, never turned into a failed login or change.
 */
@Injectable()
export class AuditTrail {
  constructor(
    private readonly repo: AuditRepository,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async record(entry: AuditEntry): Promise<void> {
    this.logger.info({ event: 'audit', ...entry }, `audit: ${entry.action}`);
    try {
      await this.repo.insert({ at: new Date(), ...entry });
    } catch (err) {
      this.logger.error({ err: (err as Error).message, action: entry.action }, 'could not record an audit entry');
    }
  }

  /** At boot: when the signing key differs from the one the gateways used last, that is a rotation to record. */
  async signingKey(name: string, kid: string): Promise<void> {
    const switched = await this.repo.switchKey(name, kid);
    if (switched?.from) await this.record({ action: `${name}.rotated`, details: { from: switched.from, to: kid } });
  }
}
