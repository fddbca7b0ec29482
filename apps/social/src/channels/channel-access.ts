import { Inject, Injectable } from '@nestjs/common';
import type { ChannelType } from '@khao/contracts';
import { INFRA, type ServiceInfra } from '@khao/messaging';
import type { ChannelContext } from '../adapters/adapter.js';
import type { SocialConfig } from '../config.js';
import { CONFIG } from '../tokens.js';
import type { ChannelDoc } from './channel.schema.js';
import { ChannelsRepository } from './channels.repository.js';
import { CredentialsCipher } from './credentials-cipher.js';

/** What the delivery side needs of a channel: its decrypted context for one call, and the re-auth flag. */
const CHANNEL_CACHE_MS = 1000;

@Injectable()
export class ChannelAccess {
  private copy?: { at: number; read: Promise<ChannelDoc[]> };

  constructor(
    private readonly repo: ChannelsRepository,
    @Inject(CredentialsCipher) private readonly cipher: CredentialsCipher,
    @Inject(CONFIG) private readonly config: SocialConfig,
    @Inject(INFRA) private readonly infra: ServiceInfra,
  ) {}

  get(id: string): Promise<ChannelDoc | null> {
    return this.cached().then((all) => all.find((c) => c._id === id) ?? null);
  }

  all(): Promise<ChannelDoc[]> {
    return this.cached();
  }

  /**
   * The channels, read at most once per CHANNEL_CACHE_MS on this replica (every post and event needs them; a
   * newsroom has a handful). This replica's own changes drop the copy at once; other replicas' show within that.
   */
  private cached(): Promise<ChannelDoc[]> {
    if (!this.copy || Date.now() - this.copy.at > CHANNEL_CACHE_MS) {
      const read = this.repo.all();
      this.copy = { at: Date.now(), read };
      read.catch(() => (this.copy = undefined));
    }
    return this.copy.read;
  }

  /** The channel with its credentials opened, for the length of one platform call. Never logged. */
  context(ch: ChannelDoc): ChannelContext {
    return {
      id: ch._id,
      name: ch.name,
      type: ch.type,
      options: ch.options,
      credentials: ch.credentials ? this.cipher.open(ch._id, ch.credentials) : {},
      baseUrl: this.baseUrl(ch.type),
      timeoutMs: this.config.SOCIAL_HTTP_TIMEOUT_MS,
      logger: this.infra.logger.child({ channelId: ch._id, channelType: ch.type }),
    };
  }

  /** The platform refused the credentials: posts to this channel fail until an admin replaces them. */
  async flagReauth(ch: ChannelDoc, reason: string): Promise<string> {
    const message = `channel "${ch.name}" (${ch.type}, ${ch._id}) needs re-authorisation: ${reason}`;
    await this.repo.set(ch._id, { needsReauth: true, reauthMessage: message, updatedAt: new Date() });
    this.invalidate();
    this.infra.logger.error({ channelId: ch._id, channelType: ch.type }, message);
    return message;
  }

  /** Drops this replica's copy of the channels (after a change made here). */
  invalidate(): void {
    this.copy = undefined;
  }

  private baseUrl(type: ChannelType): string {
    const c = this.config;
    const urls: Record<ChannelType, string> = {
      webhook: '',
      mastodon: '',
      facebook_page: c.SOCIAL_FACEBOOK_URL,
      x: c.SOCIAL_X_URL,
      line_oa: c.SOCIAL_LINE_URL,
      telegram: c.SOCIAL_TELEGRAM_URL,
      bluesky: c.SOCIAL_BLUESKY_URL,
    };
    return urls[type].replace(/\/+$/, '');
  }
}
