import { Injectable } from '@nestjs/common';
import { SocialEvents } from '@khao/contracts';
import { OutboxRelay } from '@khao/messaging';
import { outboxEntry } from '@khao/persistence';
import type { PostDoc } from './post.schema.js';
import { PostsRepository } from './posts.repository.js';

/**
 * Settles a post (sent or failed) and writes its event in the same single-document update (outbox), then leaves
 * the work set. A crash in between is picked up by the relay's sweep and the dispatcher's sweep.
 */
@Injectable()
export class PostSettler {
  constructor(
    private readonly repo: PostsRepository,
    private readonly relay: OutboxRelay,
  ) {}

  async sent(post: PostDoc, fields: Partial<PostDoc>, token?: string): Promise<void> {
    const event = outboxEntry(SocialEvents.postSent, {
      ...ref(post),
      externalId: fields.externalId ?? null,
      externalUrl: fields.externalUrl ?? null,
    });
    await this.write(post, { ...fields, status: 'sent', leaseUntil: null, nextAttemptAt: null }, event, token);
  }

  async failed(post: PostDoc, error: string, token?: string, fields: Partial<PostDoc> = {}): Promise<void> {
    const event = outboxEntry(SocialEvents.postFailed, {
      ...ref(post),
      attempts: fields.attempts ?? post.attempts,
      error,
    });
    await this.write(
      post,
      { ...fields, status: 'failed', lastError: error, leaseUntil: null, nextAttemptAt: null },
      event,
      token,
    );
  }

  private async write(
    post: PostDoc,
    fields: Partial<PostDoc>,
    event: ReturnType<typeof outboxEntry>,
    token?: string,
  ): Promise<void> {
    const pending = await this.relay.markPending(this.repo.model, post._id);
    await this.repo.set(post._id, fields, [event], pending.clean ? 'replace' : 'append');
    await this.relay.publishPending(this.repo.model, post._id, [event], pending);
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
