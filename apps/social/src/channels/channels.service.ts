import { Inject, Injectable } from '@nestjs/common';
import {
  ChannelCredentialsSchemas,
  ChannelOptionsSchemas,
  DomainError,
  ErrorCode,
  parseOrThrow,
  type Actor,
  type Channel,
  type ChannelInput,
  type ChannelPatch,
  type ChannelInputSchema,
  type Language,
  type Reach,
} from '@khao/contracts';
import type { z } from 'zod';
import { OutboundPolicy } from '@khao/net';
import { newObjectId } from '@khao/persistence';
import { matching } from '../consumer/post-queue.js';
import type { ChannelDoc } from './channel.schema.js';
import { ChannelAccess } from './channel-access.js';
import { ChannelsRepository } from './channels.repository.js';
import { CredentialsCipher } from './credentials-cipher.js';

/** Channels: where stories are posted. Credentials go in sealed and never come out through here. */
@Injectable()
export class ChannelsService {
  constructor(
    private readonly repo: ChannelsRepository,
    @Inject(CredentialsCipher) private readonly cipher: CredentialsCipher,
    private readonly access: ChannelAccess,
    private readonly outbound: OutboundPolicy,
  ) {}

  async create(actor: Actor, input: z.output<typeof ChannelInputSchema> | ChannelInput): Promise<Channel> {
    const id = newObjectId();
    const now = new Date();
    const i = input as z.output<typeof ChannelInputSchema>;
    await this.checkAddresses(i.options);
    const doc: ChannelDoc = {
      _id: id,
      type: i.type,
      name: i.name,
      language: i.language,
      template: i.template,
      hashtags: i.hashtags,
      enabled: i.enabled,
      followThrough: i.followThrough,
      options: i.options,
      credentials: this.cipher.seal(id, i.credentials),
      needsReauth: false,
      reauthMessage: null,
      createdAt: now,
      updatedAt: now,
      updatedBy: actor.id,
    };
    await this.repo.insert(doc);
    this.access.invalidate();
    return toChannel(doc);
  }

  async list(): Promise<Channel[]> {
    return (await this.repo.all()).map(toChannel);
  }

  /** The channels a version of `language` published now would post to: the consumer's own rule (`matching`). */
  async reach(language: Language): Promise<Reach> {
    const types = matching(await this.repo.all(), language, new Date()).map((c) => c.type);
    return { language, channels: types.length, types };
  }

  async get(id: string): Promise<Channel> {
    return toChannel(await this.load(id));
  }

  async update(actor: Actor, id: string, patch: ChannelPatch): Promise<Channel> {
    const current = await this.load(id);
    const fields: Partial<ChannelDoc> = { updatedAt: new Date(), updatedBy: actor.id };
    if (patch.name !== undefined) fields.name = patch.name;
    if (patch.language !== undefined) fields.language = patch.language;
    if (patch.template !== undefined) fields.template = patch.template;
    if (patch.hashtags !== undefined) fields.hashtags = patch.hashtags;
    if (patch.enabled !== undefined) fields.enabled = patch.enabled;
    if (patch.followThrough) fields.followThrough = { ...current.followThrough, ...patch.followThrough };
    if (patch.options) {
      fields.options = parseOrThrow(ChannelOptionsSchemas[current.type], patch.options, 'options');
      await this.checkAddresses(fields.options);
    }
    if (patch.credentials) {
      const creds = parseOrThrow(ChannelCredentialsSchemas[current.type], patch.credentials, 'credentials');
      fields.credentials = this.cipher.seal(id, creds);
      fields.needsReauth = false;
      fields.reauthMessage = null;
    }
    const doc = await this.repo.set(id, fields);
    this.access.invalidate();
    if (!doc) throw notFound(id);
    return toChannel(doc);
  }

  async delete(id: string): Promise<{ id: string; deleted: true }> {
    const deleted = await this.repo.delete(id);
    this.access.invalidate();
    if (!deleted) throw notFound(id);
    return { id, deleted: true };
  }

  /** The URLs a person typed (a webhook, a Mastodon instance) must not lead into the platform's own network. */
  private async checkAddresses(options: Record<string, unknown>): Promise<void> {
    for (const field of ['url', 'instanceUrl']) {
      const url = options[field];
      if (typeof url !== 'string') continue;
      const refused = await this.outbound.check(url);
      if (refused) throw new DomainError(ErrorCode.InvalidArgument, `options.${field}: ${refused}`);
    }
  }

  private async load(id: string): Promise<ChannelDoc> {
    const doc = await this.repo.get(id);
    if (!doc) throw notFound(id);
    return doc;
  }
}

function notFound(id: string): DomainError {
  return new DomainError(ErrorCode.NotFound, `channel ${id} not found`);
}

export function toChannel(doc: ChannelDoc): Channel {
  return {
    id: doc._id,
    type: doc.type,
    name: doc.name,
    language: doc.language,
    template: doc.template,
    hashtags: doc.hashtags,
    enabled: doc.enabled,
    followThrough: doc.followThrough,
    options: doc.options,
    hasCredentials: !!doc.credentials,
    needsReauth: doc.needsReauth,
    reauthMessage: doc.reauthMessage,
    createdAt: doc.createdAt.toISOString(),
    updatedAt: doc.updatedAt.toISOString(),
  };
}
