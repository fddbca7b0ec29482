import { Inject, Injectable } from '@nestjs/common';
import { DomainError, ErrorCode, type Actor } from '@khao/contracts';
import type { Logger } from '@khao/logging';
import { CONFIG, LOGGER } from '../tokens.js';
import type { GatewayConfig } from '../config.js';
import { LoginThrottle } from './login-throttle.js';
import { hashPassword, verifyPassword } from './passwords.js';
import { TokensService } from './tokens.service.js';
import type { UserDoc } from './user.schema.js';
import { UsersRepository } from './users.repository.js';
import { AuditTrail } from '../audit/audit-trail.js';

@Injectable()
export class AuthService {
  constructor(
    private readonly users: UsersRepository,
    private readonly tokens: TokensService,
    private readonly throttle: LoginThrottle,
    private readonly audit: AuditTrail,
    @Inject(CONFIG) private readonly config: GatewayConfig,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  /** A bearer token for scripts. */
  async login(email: string, password: string, ip: string) {
    const user = await this.checkCredentials(email, password, ip);
    return this.tokens.issue(actorOf(user), user.tokenVersion ?? 0);
  }

  /** The user behind a good e-mail and password; every attempt takes a throttle slot, kept if it failed (401). */
  async checkCredentials(email: string, password: string, ip: string): Promise<UserDoc> {
    try {
      await this.throttle.reserve(ip, email);
    } catch (err) {
      await this.audit.record({ action: 'login.throttled', email, ip });
      throw err;
    }
    const user = await this.users.findByEmail(email);
    const ok = await verifyPassword(user?.passwordHash, password);
    if (!user || !ok || user.disabled) {
      // The attempt's slot, taken above, stays: it counts.
      this.logger.warn({ email, ip }, 'failed login');
      const reason = !user ? 'unknown e-mail' : !ok ? 'wrong password' : 'account disabled';
      await this.audit.record({
        action: 'login.failed',
        email,
        ip,
        subjectId: user?._id.toHexString(),
        details: { reason },
      });
      throw new DomainError(ErrorCode.Unauthenticated, 'e-mail or password is wrong');
    }
    await this.throttle.succeeded(ip, email);
    await this.audit.record({ action: 'login.succeeded', email, ip, actorId: user._id.toHexString() });
    return user;
  }

  /** Creates the first admin from ADMIN_EMAIL / ADMIN_PASSWORD when that e-mail has no account yet. */
  async seedAdmin(): Promise<void> {
    await this.users.ensureIndexes();
    await this.audit.signingKey('jwt-key', this.tokens.currentKeyId);
    const { ADMIN_EMAIL: email, ADMIN_PASSWORD: password } = this.config;
    if (!email || !password) return;
    const created = await this.users.createIfAbsent({
      email: email.toLowerCase(),
      name: 'Administrator',
      role: 'admin',
      passwordHash: await hashPassword(password),
    });
    if (created) this.logger.info({ email }, 'created the first admin');
  }
}

export function actorOf(user: UserDoc): Actor {
  return { id: user._id.toHexString(), email: user.email, role: user.role };
}
