import { Inject, Injectable } from '@nestjs/common';
import { DomainError, ErrorCode } from '@khao/contracts';
import type { Logger } from '@khao/logging';
import { CONFIG } from '../tokens.js';
import type { GatewayConfig } from '../config.js';
import { LoginThrottle } from './login-throttle.js';
import { hashPassword, verifyPassword } from './passwords.js';
import { TokensService } from './tokens.service.js';
import { UsersRepository } from './users.repository.js';
import { LOGGER } from '../tokens.js';

@Injectable()
export class AuthService {
  constructor(
    private readonly users: UsersRepository,
    private readonly tokens: TokensService,
    private readonly throttle: LoginThrottle,
    @Inject(CONFIG) private readonly config: GatewayConfig,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async login(email: string, password: string, ip: string) {
    await this.throttle.check(ip, email);
    const user = await this.users.findByEmail(email);
    const ok = await verifyPassword(user?.passwordHash, password);
    if (!user || !ok || user.disabled) {
      await this.throttle.failed(ip, email);
      this.logger.warn({ email, ip }, 'failed login');
      throw new DomainError(ErrorCode.Unauthenticated, 'e-mail or password is wrong');
    }
    await this.throttle.succeeded(ip, email);
    return this.tokens.issue({ id: user._id.toHexString(), email: user.email, role: user.role });
  }

  /** Creates the first admin from ADMIN_EMAIL / ADMIN_PASSWORD when that e-mail has no account yet. */
  async seedAdmin(): Promise<void> {
    await this.users.ensureIndexes();
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
