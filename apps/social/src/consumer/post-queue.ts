import { Injectable } from '@nestjs/common';
import type { Language, VersionEvent } from '@khao/contracts';
import { ChannelAccess } from '../channels/channel-access.js';
import type { ChannelDoc } from '../channels/channel.schema.js';
import { Dispatcher } from '../posts/dispatcher.js';
import { postId, type PostDoc } from '../posts/post.schema.js';
import { PostsRepository } from '../posts/posts.repository.js';
import { newTid } from '../posts/record-key.js';

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
    const queued: [string, string][] = [];
    for (const channel of matching(await this.channels.all(), v.language, occurredAt)) {
      const id = postId(v.storyId, v.language, channel._id);
      // The work marker goes first: a crash after it and before the insert leaves a marker, never a lost post.
      const token = await this.repo.schedule(id, new Date());
      if (!(await this.repo.insert(newPost(id, v, channel)))) await this.again(id, v);
      queued.push([id, token]);
    }
    for (const [id, token] of queued) this.dispatcher.kick(id, token);
  }

  /**
   * The post exists: a redelivery (nothing to do), an older event arriving late (nothing), or the story published
   * again after it was taken down (queued again, claimed so a concurrent take-down cannot interleave).
   */
  private async again(id: string, v: VersionEvent): Promise<void> {
    const post = await this.repo.get(id);
    if (!post || post.content.revision >= v.revision) return;
    if (post.status !== 'deleted' && post.status !== 'cancelled') {
      if (post.status !== 'sent' && post.status !== 'sending') await this.repo.set(id, { content: content(v) });
      return;
    }
    const claim = await this.repo.claimNext(id, post.claims);
    if (claim === null) throw new Error(`post ${id} is busy; the publish waits`);
    await this.repo.set(id, {
      ...unsent(v),
      claims: claim,
      generation: post.generation + 1,
    });
  }
}

export function content(v: Content): PostDoc['content'] {
  return {
    title: v.title,
    summary: v.summary,
    url: v.url,
    coverMediaId: v.coverMediaId,
    revision: v.revision,
    publishedAt: v.publishedAt,
  };
}

/** The channels that post a version of `language` published at `at`. */
export function matching(channels: ChannelDoc[], language: string, at: Date): ChannelDoc[] {
  return channels.filter((c) => c.enabled && c.language === language && c.createdAt.getTime() <= at.getTime());
}

/**
 * What a take-down leaves where there was no post yet: a cancelled entry at the take-down's revision, so that the
 * publish it overtook (events of one story may be handled concurrently) finds it and posts nothing.
 */
export function tombstone(
  id: string,
  storyId: string,
  language: Language,
  channel: ChannelDoc,
  revision: number,
): PostDoc {
  const v = { storyId, language, title: '', summary: '', url: '', coverMediaId: null, revision, publishedAt: null };
  return { ...newPost(id, v, channel), generation: 0, status: 'cancelled' };
}

type Content = Pick<
  VersionEvent,
  'storyId' | 'language' | 'title' | 'summary' | 'url' | 'coverMediaId' | 'revision' | 'publishedAt'
>;

/** A post about to be sent for the first time (in its generation): nothing of an earlier send remains. */
function unsent(v: Content) {
  return {
    status: 'queued' as const,
    attempts: 0,
    reconciliations: 0,
    lastError: null,
    errorKind: null,
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
  };
}

function newPost(id: string, v: Content, channel: ChannelDoc): PostDoc {
  const now = new Date();
  return {
    _id: id,
    storyId: v.storyId,
    language: v.language,
    channelId: channel._id,
    channelType: channel.type,
    ...unsent(v),
    generation: 1,
    claims: 0,
    createdAt: now,
    updatedAt: now,
    outbox: [],
  };
}
