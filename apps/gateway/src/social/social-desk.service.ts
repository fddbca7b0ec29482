import { Injectable } from '@nestjs/common';
import { SocialRpc, type Actor, type Channel, type ChannelInput, type ChannelPatch, type Post } from '@khao/contracts';
import { RpcClient } from '@khao/messaging';
import { AuditTrail } from '../audit/audit-trail.js';

/**
 * The social service's channel and retry calls, each recorded in the audit trail once it succeeded: who added,
 * changed (which fields; credentials only as "replaced") or removed a channel, and who sent a post again.
 */
@Injectable()
export class SocialDesk {
  constructor(
    private readonly rpc: RpcClient,
    private readonly audit: AuditTrail,
  ) {}

  async createChannel(actor: Actor, channel: ChannelInput): Promise<Channel> {
    const created = await this.rpc.request(SocialRpc.createChannel, { actor, channel });
    await this.audit.record({
      action: 'channel.created',
      actorId: actor.id,
      subjectId: created.id,
      details: { name: created.name, type: created.type, language: created.language },
    });
    return created;
  }

  async updateChannel(actor: Actor, id: string, patch: ChannelPatch): Promise<Channel> {
    const updated = await this.rpc.request(SocialRpc.updateChannel, { actor, id, patch });
    await this.audit.record({
      action: patch.credentials ? 'channel.credentials-replaced' : 'channel.changed',
      actorId: actor.id,
      subjectId: id,
      // Which fields changed, never their values: options may be harmless, credentials never are.
      details: { name: updated.name, type: updated.type, fields: Object.keys(patch).sort() },
    });
    return updated;
  }

  async deleteChannel(actor: Actor, id: string): Promise<{ id: string; deleted: true }> {
    const channel = await this.rpc.request(SocialRpc.getChannel, { actor, id });
    const deleted = await this.rpc.request(SocialRpc.deleteChannel, { actor, id });
    await this.audit.record({
      action: 'channel.deleted',
      actorId: actor.id,
      subjectId: id,
      details: { name: channel.name, type: channel.type },
    });
    return deleted;
  }

  async retryPost(actor: Actor, id: string, confirmNotPosted?: boolean): Promise<Post> {
    const post = await this.rpc.request(SocialRpc.retryPost, { actor, id, input: { confirmNotPosted } });
    await this.audit.record({
      action: confirmNotPosted ? 'post.resent-after-check' : 'post.retried',
      actorId: actor.id,
      subjectId: id,
      storyId: post.storyId,
      details: { language: post.language, channelId: post.channelId, channelType: post.channelType },
    });
    return post;
  }
}
