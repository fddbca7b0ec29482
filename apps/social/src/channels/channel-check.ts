import { Injectable } from '@nestjs/common';
import { DomainError, ErrorCode, type ChannelTest } from '@khao/contracts';
import { isPlatformError } from '../adapters/adapter.js';
import { Adapters } from '../adapters/adapters.js';
import { ChannelAccess } from './channel-access.js';

/**
 * "Test connection": the platform's harmless call with the channel's stored credentials (Telegram getMe, Mastodon
 * verify_credentials, Bluesky createSession, LINE bot info, Facebook Page lookup). Nothing is posted, and a refusal
 * here does not flag the channel: only a refused post does.
 */
@Injectable()
export class ChannelCheck {
  constructor(
    private readonly access: ChannelAccess,
    private readonly adapters: Adapters,
  ) {}

  async test(id: string): Promise<ChannelTest> {
    const channel = await this.access.get(id);
    if (!channel) throw new DomainError(ErrorCode.NotFound, `channel ${id} not found`);
    const adapter = this.adapters.for(channel.type);
    if (!adapter.check) return { supported: false, ok: false, account: null, error: null };
    try {
      const account = await adapter.check(this.access.context(channel));
      return { supported: true, ok: true, account, error: null };
    } catch (err) {
      if (!isPlatformError(err)) throw err;
      return { supported: true, ok: false, account: null, error: err.message };
    }
  }
}
