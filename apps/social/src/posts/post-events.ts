import { Injectable } from '@nestjs/common';
import { SocialEvents, type PostErrorKind } from '@khao/contracts';
import { outboxEntry, type OutboxEntry } from '@khao/persistence';
import type { PostDoc } from './post.schema.js';
import { PostsRepository } from './posts.repository.js';

/**
 * Settles a post (sent or failed) with its event in the same single-document update (the post's outbox), publishes
 * it, then takes the post out of the work set. The work marker doubles as the outbox marker: a crash between the
 * write and the publish leaves the marker, and the dispatcher's next step on the settled post publishes its outbox
 * again ({@link republish}); JetStream's dedupe on the event id (and consumers' inboxes) absorb the repeat.
 */
@Injectable()
export class PostSettler {
  constructor(private readonly repo: PostsRepository) {}

  async sent(post: PostDoc, fields: Partial<PostDoc>, token?: string): Promise<void> {
    const event = outboxEntry(SocialEvents.postSent, {
      ...ref(post),
      externalId: fields.externalId ?? null,
      externalUrl: fields.externalUrl ?? null,
    });
    await this.write(post, { ...fields, status: 'sent', leaseUntil: null, nextAttemptAt: null }, event, token);
  }

  async failed(post: PostDoc, errorKind: PostErrorKind, error: string, token?: string): Promise<void> {
    const event = outboxEntry(SocialEvents.postFailed, { ...ref(post), error, errorKind });
    const fields = { status: 'failed' as const, lastError: error, errorKind, leaseUntil: null, nextAttemptAt: null };
    await this.write(post, fields, event, token);
  }

  /** Publishes whatever a settled post's outbox holds (after a crash), then lets it leave the work set. */
  async republish(id: string, token?: string): Promise<void> {
    await this.repo.republish(id);
    await this.repo.done(id, token);
  }

  private async write(post: PostDoc, fields: Partial<PostDoc>, event: OutboxEntry, token?: string): Promise<void> {
    await this.repo.settle(post._id, fields, [event]);
    await this.repo.done(post._id, token);
  }
}

function ref(post: PostDoc) {
  return {
    postId: post._id,
    storyId: post.storyId,
    language: post.language,
    channelId: post.channelId,
    channelType: post.channelType,
    attempts: post.attempts,
  };
}
