import { Injectable } from '@nestjs/common';
import { DomainError, ErrorCode, PostQuerySchema, PostStatusSchema, type Post, type PostCounts } from '@khao/contracts';
import type { z } from 'zod';
import { ChannelAccess } from '../channels/channel-access.js';
import { Dispatcher } from './dispatcher.js';
import { PostList } from './post-list.js';
import type { PostDoc } from './post.schema.js';
import { PostsRepository } from './posts.repository.js';

/** The ledger as people see it: listing, and sending a failed (or checked unconfirmed) post again. */
@Injectable()
export class PostsService {
  constructor(
    private readonly repo: PostsRepository,
    private readonly postList: PostList,
    private readonly channels: ChannelAccess,
    private readonly dispatcher: Dispatcher,
  ) {}

  /**
   * In `_id` order; the cursor is the last id of the page. From this replica's PostList, the page's posts read by
   * `_id` unless kept since their row last changed (a row its post contradicts is corrected, and the post shown only
   * if it matches); from the database while the list loads.
   */
  async list(q: z.output<typeof PostQuerySchema>): Promise<{ items: Post[]; nextCursor: string | null }> {
    const { after, limit, ...filter } = q;
    if (!this.postList.ready) {
      const docs = await this.repo.list(filter, after, limit);
      return { items: docs.map(toPost), nextCursor: docs.length === limit ? docs.at(-1)!._id : null };
    }
    const rows = this.postList.page(filter, after, limit);
    const docs = this.postList.confirm(filter, rows, await this.postList.documents(rows));
    return { items: docs.map(toPost), nextCursor: rows.length === limit ? rows.at(-1)!.id : null };
  }

  /** Posts per status, for the admins' health page. */
  async counts(): Promise<PostCounts> {
    const counted = this.postList.ready ? this.postList.countByStatus() : await this.repo.countByStatus();
    return Object.fromEntries(PostStatusSchema.options.map((s) => [s, counted.get(s) ?? 0])) as PostCounts;
  }

  async retry(id: string, confirmNotPosted = false): Promise<Post> {
    const post = await this.repo.get(id);
    if (!post) throw new DomainError(ErrorCode.NotFound, `post ${id} not found`);
    if (post.status === 'unconfirmed' && !confirmNotPosted) {
      throw new DomainError(
        ErrorCode.Conflict,
        'the post is unconfirmed: the platform may have it. Check the channel; if the post is not there, retry with { "confirmNotPosted": true }',
      );
    }
    if (post.status !== 'failed' && post.status !== 'unconfirmed') {
      throw new DomainError(
        ErrorCode.Conflict,
        `only failed or unconfirmed posts can be retried; this one is ${post.status}`,
      );
    }
    const channel = await this.channels.get(post.channelId);
    if (!channel) throw new DomainError(ErrorCode.Conflict, 'the channel of this post was deleted');
    if (channel.needsReauth) {
      throw new DomainError(
        ErrorCode.Conflict,
        `${channel.reauthMessage ?? 'the channel needs re-authorisation'}; update its credentials first`,
      );
    }
    // Claimed like a send, so two retries (or a retry and a take-down) cannot both requeue it.
    const claim = await this.repo.claimNext(id, post.claims);
    if (claim === null) throw new DomainError(ErrorCode.Conflict, 'the post is busy; try again');
    const token = await this.repo.schedule(id, new Date());
    const fields: Partial<PostDoc> = {
      status: 'queued',
      claims: claim,
      attempts: 0,
      reconciliations: 0,
      nextAttemptAt: null,
      leaseUntil: null,
    };
    await this.repo.set(id, fields);
    this.dispatcher.kick(id, token);
    return toPost({ ...post, ...fields, updatedAt: new Date() });
  }
}

export function toPost(d: PostDoc): Post {
  const iso = (x: Date | null) => (x ? new Date(x).toISOString() : null);
  return {
    id: d._id,
    storyId: d.storyId,
    title: d.content?.title || null,
    language: d.language,
    channelId: d.channelId,
    channelType: d.channelType,
    status: d.status,
    attempts: d.attempts,
    lastError: d.lastError,
    errorKind: d.errorKind ?? null,
    externalId: d.externalId,
    externalUrl: d.externalUrl,
    text: d.text,
    nextAttemptAt: iso(d.nextAttemptAt),
    sentAt: iso(d.sentAt),
    createdAt: iso(d.createdAt)!,
    updatedAt: iso(d.updatedAt)!,
  };
}
