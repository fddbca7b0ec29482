import { Inject, Injectable } from '@nestjs/common';
import type { PostErrorKind } from '@khao/contracts';
import type { Logger } from '@khao/logging';
import { INFRA, type ServiceInfra } from '@khao/messaging';
import { Adapters } from '../adapters/adapters.js';
import { isPlatformError, type Sent } from '../adapters/adapter.js';
import { ChannelAccess } from '../channels/channel-access.js';
import type { ChannelDoc } from '../channels/channel.schema.js';
import type { SocialConfig } from '../config.js';
import { CONFIG } from '../tokens.js';
import { CoverImages } from './cover-images.js';
import { outgoing } from './outgoing.js';
import { PostSettler } from './post-events.js';
import { PostScheduler } from './post-scheduler.js';
import type { PostDoc } from './post.schema.js';
import { PostsRepository } from './posts.repository.js';

/** How long one attempt may hold a post: a send, or a reconciliation of a couple of calls. */
export const leaseMs = (c: SocialConfig) => 2 * c.SOCIAL_HTTP_TIMEOUT_MS + 2000;

const SETTLED = new Set(['sent', 'failed', 'deleted', 'cancelled']);
/** A work marker without its post is left this long (the post may be being inserted right now). */
const ORPHAN_GRACE_MS = 60_000;

/**
 * Sends posts. Every attempt is claimed (`<postId>#<n>`) and the post marked `sending` with a lease before the
 * platform is called, so across replicas, redeliveries and restarts one attempt runs at a time. A post found
 * `sending` past its lease (its process died) or `unconfirmed` (no answer) is reconciled before anything is sent
 * again: idempotent platforms get the same key again, the others are looked up; what cannot be determined is left
 * unconfirmed for a person. Retries back off with jitter; rate limits pause the channel until the platform's reset.
 * What happens to a post on each outcome is decided here; when and how many at once, by the PostScheduler.
 */
@Injectable()
export class Dispatcher {
  private readonly scheduler: PostScheduler;
  private readonly log: Logger;

  constructor(
    private readonly repo: PostsRepository,
    private readonly channels: ChannelAccess,
    private readonly adapters: Adapters,
    private readonly covers: CoverImages,
    private readonly settle: PostSettler,
    @Inject(CONFIG) private readonly config: SocialConfig,
    @Inject(INFRA) infra: ServiceInfra,
  ) {
    this.log = infra.logger.child({ component: 'dispatcher' });
    this.scheduler = new PostScheduler({
      concurrency: config.SOCIAL_CONCURRENCY,
      sweepEveryMs: config.SOCIAL_SWEEP_MS,
      logger: this.log,
      step: (id, token) => this.step(id, token),
      due: () => this.repo.due(new Date(), 500),
    });
  }

  onApplicationBootstrap(): void {
    this.scheduler.start();
  }

  onModuleDestroy(): Promise<void> {
    return this.scheduler.stop();
  }

  /** Works on one post now (if it is due); safe to call any number of times from anywhere. */
  /** `token`: the work marker's token when the caller knows it (saves a read). */
  kick(id: string, token?: string): void {
    this.scheduler.kick(id, token);
  }

  private async step(id: string, known?: string): Promise<void> {
    const post = await this.repo.get(id);
    this.log.debug({ postId: id, status: post?.status, claims: post?.claims }, 'post step');
    if (!post) return this.dropOrphan(id);
    // The marker's token now: settling removes the marker only if nobody rescheduled the post meanwhile.
    const token = known ?? (await this.repo.workToken(id));
    if (SETTLED.has(post.status)) return token ? this.settle.republish(id, token) : undefined;
    const now = Date.now();
    if (post.status === 'sending' && post.leaseUntil && post.leaseUntil.getTime() > now) {
      return this.later(id, post.leaseUntil.getTime());
    }
    if (post.status === 'unconfirmed' && !post.nextAttemptAt) return this.repo.done(id, token); // left for a person
    if (post.nextAttemptAt && post.nextAttemptAt.getTime() > now && post.status !== 'sending') {
      return this.later(id, post.nextAttemptAt.getTime());
    }
    const channel = await this.channels.get(post.channelId);
    const reconciling = post.status === 'sending' || post.status === 'unconfirmed';
    if (!channel && !reconciling) return this.failWithClaim(post, 'channel_deleted', 'the channel was deleted');
    if (!channel)
      return this.leaveUnconfirmed(
        post,
        'channel_deleted',
        'the channel was deleted before the post could be confirmed',
      );
    const paused = this.scheduler.pausedTill(channel._id, now);
    if (paused) return this.later(id, paused);
    if (!reconciling && channel.needsReauth) {
      const reason = channel.reauthMessage ?? `channel "${channel.name}" needs re-authorisation`;
      return this.failWithClaim(post, 'auth', reason);
    }

    // Claim the attempt, then say so in the ledger before anything leaves.
    const claiming = Date.now();
    const claim = await this.repo.claimNext(id, post.claims);
    if (claim === null) return;
    // The marker stays due: whoever sweeps it while the lease runs sees the lease and waits for it (a crash
    // leaves it due, so a restart finds the post at once).
    // Stalled so long that another replica may soon step over the claim: write nothing, send nothing. (The claim is
    // no older than this; the reads before it do not count.)
    if (Date.now() - claiming > leaseMs(this.config) / 2) {
      this.log.warn({ postId: id, claim }, 'claim took too long; leaving it for the next step');
      return;
    }
    const leaseUntil = new Date(Date.now() + leaseMs(this.config));
    const attempts = reconciling ? post.attempts : post.attempts + 1;
    await this.repo.set(id, { status: 'sending', claims: claim, attempts, leaseUntil });
    const claimed: PostDoc = { ...post, status: 'sending', claims: claim, attempts, leaseUntil };
    await this.attempt(claimed, channel, reconciling, token);
  }

  private async attempt(post: PostDoc, channel: ChannelDoc, reconciling: boolean, token?: string): Promise<void> {
    const adapter = this.adapters.for(channel.type);
    const image = await this.covers.resolve(post.content.coverMediaId, post.language);
    const out = outgoing(post, channel, adapter, image);
    let ctx;
    try {
      ctx = this.channels.context(channel);
    } catch {
      return this.settle.failed(
        post,
        'credentials',
        `the credentials of channel "${channel.name}" cannot be decrypted (was SOCIAL_CREDENTIALS_KEY changed?): set them again`,
      );
    }
    let sent: Sent;
    try {
      if (reconciling && !adapter.idempotent) {
        const found = adapter.reconcile
          ? await adapter.reconcile(ctx, out)
          : ({ state: 'unknown', reason: 'cannot be looked up' } as const);
        if (found.state === 'unknown') return this.leaveUnconfirmed(post, 'unconfirmed', found.reason, token);
        if (found.state === 'found') {
          this.log.info({ postId: post._id }, 'reconciled: the platform has the post');
          sent = found.sent;
        } else sent = await adapter.send(ctx, out);
      } else {
        // First send, or an idempotent platform: the same key again cannot make a second post.
        sent = await adapter.send(ctx, out);
      }
    } catch (err) {
      return this.failure(post, channel, err, reconciling, token);
    }
    await this.settle.sent(
      post,
      {
        externalId: sent.externalId,
        externalUrl: sent.externalUrl,
        platformData: sent.data ?? {},
        text: out.text,
        sentAt: new Date(),
        shownRevision: post.content.revision,
        lastError: null,
        errorKind: null,
      },
      token,
    );
    this.log.info({ postId: post._id, attempts: post.attempts, externalId: sent.externalId }, 'post sent');
  }

  private async failure(
    post: PostDoc,
    channel: ChannelDoc,
    err: unknown,
    reconciling: boolean,
    token?: string,
  ): Promise<void> {
    if (!isPlatformError(err)) {
      // Our own fault (a database hiccup…): the platform may have the post. The lease runs out into reconciliation.
      this.log.error({ postId: post._id, err: (err as Error).message }, 'unexpected error during a send');
      return;
    }
    const message = err.message;
    this.log.warn({ postId: post._id, kind: err.kind, attempts: post.attempts, err: message }, 'platform call failed');
    if (err.kind === 'rate_limited' && err.retryAfterMs !== undefined) {
      this.scheduler.pause(channel._id, Date.now() + err.retryAfterMs);
    }
    if (err.kind === 'auth') {
      const flagged = await this.channels.flagReauth(channel, message);
      if (reconciling) return this.leaveUnconfirmed(post, 'auth', flagged, token);
      return this.settle.failed(post, 'auth', flagged, token);
    }
    if (err.kind === 'unconfirmed' || reconciling) {
      if (err.kind === 'permanent') return this.leaveUnconfirmed(post, 'unconfirmed', message, token);
      return this.unconfirmed(post, message, reconciling, token, err.retryAfterMs);
    }
    if (err.kind === 'permanent') return this.settle.failed(post, 'permanent', message, token);
    if (post.attempts >= this.config.SOCIAL_MAX_ATTEMPTS) {
      return this.settle.failed(post, err.kind, `gave up after ${post.attempts} attempts: ${message}`, token);
    }
    const delay = err.retryAfterMs ?? this.backoff(post.attempts);
    const next = new Date(Date.now() + delay);
    const fields = {
      status: 'queued' as const,
      lastError: message,
      errorKind: err.kind,
      leaseUntil: null,
      nextAttemptAt: next,
    };
    await this.repo.set(post._id, fields);
    await this.later(post._id, next.getTime());
  }

  /** No answer: the platform may have the post. Reconcile later, a bounded number of times. */
  private async unconfirmed(
    post: PostDoc,
    message: string,
    reconciling: boolean,
    token?: string,
    retryAfterMs?: number,
  ) {
    const reconciliations = post.reconciliations + (reconciling ? 1 : 0);
    if (reconciliations >= this.config.SOCIAL_RECONCILE_ATTEMPTS) {
      return this.leaveUnconfirmed(
        post,
        'unconfirmed',
        `could not be confirmed after ${reconciliations} reconciliations: ${message}`,
        token,
      );
    }
    const next = new Date(Date.now() + Math.max(retryAfterMs ?? 0, this.config.SOCIAL_RECONCILE_DELAY_MS));
    await this.repo.set(post._id, {
      status: 'unconfirmed',
      reconciliations,
      lastError: message,
      errorKind: 'unconfirmed',
      leaseUntil: null,
      nextAttemptAt: next,
    });
    await this.later(post._id, next.getTime());
  }

  /** Software cannot tell whether the platform has it: a person checks, then retries with confirmNotPosted. */
  private async leaveUnconfirmed(post: PostDoc, kind: PostErrorKind, reason: string, token?: string): Promise<void> {
    const fields = { status: 'unconfirmed' as const, lastError: reason, errorKind: kind, leaseUntil: null };
    await this.repo.set(post._id, { ...fields, nextAttemptAt: null });
    await this.repo.done(post._id, token);
    this.log.warn({ postId: post._id, reason }, 'post left unconfirmed for a person to check');
  }

  private async failWithClaim(post: PostDoc, kind: PostErrorKind, reason: string): Promise<void> {
    const claim = await this.repo.claimNext(post._id, post.claims);
    if (claim === null) return;
    this.log.warn({ postId: post._id, reason }, 'post failed before sending');
    await this.repo.set(post._id, { claims: claim });
    await this.settle.failed(post, kind, reason);
  }

  /** Retries back off exponentially from the configured steps, with full jitter between half and all of a step. */
  private backoff(attempts: number): number {
    const steps = this.config.SOCIAL_BACKOFF_MS;
    const base = steps[Math.min(attempts - 1, steps.length - 1)] ?? 1000;
    return Math.round(base * (0.5 + Math.random() * 0.5));
  }

  /** Records when the post is due (durable) and, when soon, sets a local timer so it does not wait for a sweep. */
  private async later(id: string, at: number): Promise<void> {
    const token = await this.repo.schedule(id, new Date(at));
    this.scheduler.wakeAt(id, at, token);
  }

  private async dropOrphan(id: string): Promise<void> {
    const [marker] = (await this.repo.due(new Date(), 500)).filter((m) => m._id === id);
    if (marker && Date.now() - marker.since.getTime() > ORPHAN_GRACE_MS) await this.repo.done(id);
  }
}
