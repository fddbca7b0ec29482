import { Inject, Injectable } from '@nestjs/common';
import type { Language, VersionEvent } from '@khao/contracts';
import { INFRA, type ServiceInfra } from '@khao/messaging';
import type { Logger } from '@khao/logging';
import { isPlatformError, type PublishedPost } from '../adapters/adapter.js';
import { Adapters } from '../adapters/adapters.js';
import { ChannelAccess } from '../channels/channel-access.js';
import type { ChannelDoc } from '../channels/channel.schema.js';
import { CoverImages } from '../posts/cover-images.js';
import { outgoing } from '../posts/outgoing.js';
import { postId, type PostDoc } from '../posts/post.schema.js';
import { PostsRepository } from '../posts/posts.repository.js';
import { content, matching, tombstone } from './post-queue.js';

/** Raised to have the event redelivered later (a post in flight must settle first). */
class NotYet extends Error {}

/**
 * What happens to posts after the story changes, per channel settings: a correction edits sent posts where the
 * platform allows (and corrects the text of posts not sent yet); unpublishing or deleting the story deletes sent
 * posts where the platform allows and cancels the ones not sent. Platform trouble that may pass is thrown, so the
 * event is redelivered with backoff (and dead-lettered, visibly, if it never passes).
 */
@Injectable()
export class FollowThrough {
  private readonly log: Logger;

  constructor(
    private readonly repo: PostsRepository,
    private readonly channels: ChannelAccess,
    private readonly adapters: Adapters,
    private readonly covers: CoverImages,
    @Inject(INFRA) infra: ServiceInfra,
  ) {
    this.log = infra.logger.child({ component: 'follow-through' });
  }

  async corrected(v: VersionEvent): Promise<void> {
    for (const channel of await this.channels.all()) {
      const post = await this.repo.get(postId(v.storyId, v.language, channel._id));
      if (!post || v.revision <= post.content.revision) continue;
      if (post.status === 'sending') throw new NotYet(`post ${post._id} is being sent; the correction waits`);
      if (post.status !== 'sent') {
        await this.repo.set(post._id, { content: content(v) });
        continue;
      }
      const adapter = this.adapters.for(channel.type);
      const next: PostDoc = { ...post, content: content(v) };
      if (!channel.followThrough.editOnCorrection || !adapter.edit) {
        await this.repo.set(post._id, { content: next.content });
        continue;
      }
      const out = outgoing(next, channel, adapter, await this.covers.resolve(v.coverMediaId, v.language));
      if (out.text === post.text) {
        await this.repo.set(post._id, { content: next.content, shownRevision: v.revision });
        continue;
      }
      const done = await this.platform(channel, post, () =>
        adapter.edit!(this.channels.context(channel), out, published(post)),
      );
      if (done) await this.repo.set(post._id, { content: next.content, text: out.text, shownRevision: v.revision });
      this.log.info({ postId: post._id, edited: done }, 'correction followed through');
    }
  }

  /**
   * The story (or one language of it) was taken down at `revision`. Posts of a later revision (published again since)
   * are left alone; where there is no post yet a tombstone keeps an overtaken publish from posting.
   */
  async takenDown(storyId: string, languages: Language[], revision: number, at: Date): Promise<void> {
    const channels = await this.channels.all();
    for (const language of languages) {
      for (const channel of channels) {
        const id = postId(storyId, language, channel._id);
        let post = await this.repo.get(id);
        if (!post) {
          if (!matching([channel], language, at).length) continue;
          if (await this.repo.insert(tombstone(id, storyId, language, channel, revision))) continue;
          post = await this.repo.get(id);
          if (!post) continue;
        }
        if (post.content.revision > revision) continue;
        await this.takeDown(post, channel, revision);
      }
    }
  }

  private async takeDown(post: PostDoc, channel: ChannelDoc, revision: number): Promise<void> {
    const content = { ...post.content, revision };
    switch (post.status) {
      case 'sending':
        throw new NotYet(`post ${post._id} is being sent; taking it down waits`);
      case 'deleted':
      case 'cancelled':
      case 'queued':
      case 'failed':
      case 'unconfirmed': {
        // Claimed, so a send (or a publish queueing it again) cannot interleave.
        const claim = await this.repo.claimNext(post._id, post.claims);
        if (claim === null) throw new NotYet(`post ${post._id} is busy`);
        const note =
          post.status === 'unconfirmed' ? 'story taken down while the post was unconfirmed: check the platform' : null;
        const status = post.status === 'deleted' ? 'deleted' : 'cancelled';
        await this.repo.set(post._id, {
          status,
          claims: claim,
          content,
          nextAttemptAt: null,
          lastError: note ?? post.lastError,
          errorKind: note ? 'taken_down' : (post.errorKind ?? null),
        });
        await this.repo.done(post._id);
        return;
      }
      case 'sent': {
        const adapter = this.adapters.for(channel.type);
        if (!channel.followThrough.deleteOnUnpublish || !adapter.remove || !post.externalId) {
          await this.repo.set(post._id, { content });
          return;
        }
        const ch = this.channels.context(channel);
        const out = outgoing(post, channel, adapter, null);
        if (await this.platform(channel, post, () => adapter.remove!(ch, out, published(post)))) {
          await this.repo.set(post._id, { status: 'deleted', content });
          this.log.info({ postId: post._id }, 'post deleted on the platform');
        }
      }
    }
  }

  /** Runs a platform call; false when it failed for good (recorded on the post), throws when it may pass. */
  private async platform(channel: ChannelDoc, post: PostDoc, fn: () => Promise<void>): Promise<boolean> {
    try {
      await fn();
      return true;
    } catch (err) {
      if (!isPlatformError(err) || ['retryable', 'rate_limited', 'unconfirmed'].includes(err.kind)) throw err;
      const message = err.kind === 'auth' ? await this.channels.flagReauth(channel, err.message) : err.message;
      await this.repo.set(post._id, { lastError: message, errorKind: err.kind });
      this.log.warn({ postId: post._id, err: message }, 'follow-through failed');
      return false;
    }
  }
}

function published(post: PostDoc): PublishedPost {
  return { externalId: post.externalId ?? '', data: post.platformData ?? {} };
}
