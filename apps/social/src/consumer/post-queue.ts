import { Injectable } from '@nestjs/common';
import type { VersionEvent } from '@khao/contracts';
import { newTid } from '../adapters/bluesky.adapter.js';
import { ChannelAccess } from '../channels/channel-access.js';
import type { ChannelDoc } from '../channels/channel.schema.js';
import { Dispatcher } from '../posts/dispatcher.js';
import { postId, type PostDoc } from '../posts/post.schema.js';
import { PostsRepository } from '../posts/posts.repository.js';

/**
 * Queues one post per (story, language, channel). The insert of the post's `_id` is the "once": a redelivered
 * event, another replica or a replay finds it there. A channel posts what is published after it was created (a
 * new channel does not replay the archive). A post deleted or cancelled earlier is queued again (republished) under
 * a new generation, hence a new idempotency key.
 */
@Injectable()
export class PostQueue {
  constructor(
    private readonly repo: PostsRepository,
    private readonly channels: ChannelAccess,
    private readonly dispatcher: Dispatcher,
  ) {}

  async published(v: VersionEvent, occurredAt: Date): Promise<void> {
    const matching = (await this.channels.all()).filter(
      (c) => c.enabled && c.language === v.language && c.createdAt.getTime() <= occurredAt.getTime(),
    );
    const ids: string[] = [];
    for (const channel of matching) {
      const id = postId(v.storyId, v.language, channel._id);
      // The work marker goes first: a crash after it and before the insert leaves a marker, never a lost post.
      await this.repo.schedule(id, new Date());
      if (!(await this.repo.insert(newPost(id, v, channel)))) await this.requeueIfTakenDown(id, v);
      ids.push(id);
    }
    for (const id of ids) this.dispatcher.kick(id);
  }

  private async requeueIfTakenDown(id: string, v: VersionEvent): Promise<void> {
    const post = await this.repo.get(id);
    if (!post || (post.status !== 'deleted' && post.status !== 'cancelled')) return;
    await this.repo.set(id, {
      status: 'queued',
      generation: post.generation + 1,
      attempts: 0,
      reconciliations: 0,
      lastError: null,
      externalId: null,
      externalUrl: null,
      platformData: {},
      text: null,
      content: content(v),
      rkey: newTid(),
      leaseUntil: null,
      nextAttemptAt: null,
      sentAt: null,
      shownRevision: null,
    });
  }
}

export function content(v: VersionEvent): PostDoc['content'] {
  return {
    title: v.title,
    summary: v.summary,
    url: v.url,
    coverMediaId: v.coverMediaId,
    revision: v.revision,
    publishedAt: v.publishedAt,
  };
}

function newPost(id: string, v: VersionEvent, channel: ChannelDoc): PostDoc {
  const now = new Date();
  return {
    _id: id,
    storyId: v.storyId,
    language: v.language,
    channelId: channel._id,
    channelType: channel.type,
    generation: 1,
    status: 'queued',
    attempts: 0,
    claims: 0,
    reconciliations: 0,
    lastError: null,
    externalId: null,
    externalUrl: null,
    platformData: {},
    text: null,
    content: content(v),
    rkey: newTid(),
    leaseUntil: null,
    nextAttemptAt: null,
    sentAt: null,
    shownRevision: null,
    createdAt: now,
    updatedAt: now,
    outbox: [],
  };
}
