import { afterEach, describe, expect, it } from 'vitest';
import type { PostErrorKind } from '@khao/contracts';
import { createLogger } from '@khao/logging';
import type { ServiceInfra } from '@khao/messaging';
import { PlatformError, type Adapter, type OutgoingPost, type Sent } from '../adapters/adapter.js';
import type { Adapters } from '../adapters/adapters.js';
import type { ChannelAccess } from '../channels/channel-access.js';
import type { ChannelDoc } from '../channels/channel.schema.js';
import type { SocialConfig } from '../config.js';
import type { CoverImages } from './cover-images.js';
import { Dispatcher } from './dispatcher.js';
import type { PostSettler } from './post-events.js';
import type { PostDoc } from './post.schema.js';
import type { PostsRepository } from './posts.repository.js';

// The Dispatcher's state machine and scheduling against fakes of what it talks to: an in-memory ledger and due set,
// one channel, and an adapter that answers as each test scripts it. The real ledger is tested in tests/social.

const logger = createLogger({ service: 'dispatcher-spec', level: 'silent' });

/** The ledger and its work markers, in memory, with the repository's methods the Dispatcher calls. */
class FakePosts {
  readonly posts = new Map<string, PostDoc>();
  readonly due = new Map<string, { at: Date; token: string }>();
  readonly claims = new Set<string>();
  readonly statusAtSend: string[] = [];
  private tokens = 0;

  add(post: PostDoc): void {
    this.posts.set(post._id, post);
    this.due.set(post._id, { at: new Date(), token: this.token() });
  }
  get(id: string) {
    return Promise.resolve(this.posts.get(id) ?? null);
  }
  workToken(id: string) {
    return Promise.resolve(this.due.get(id)?.token);
  }
  claimNext(id: string, claims: number) {
    const key = `${id}#${claims + 1}`;
    if (this.claims.has(key)) return Promise.resolve(null);
    this.claims.add(key);
    return Promise.resolve(claims + 1);
  }
  set(id: string, fields: Partial<PostDoc>) {
    this.posts.set(id, { ...this.posts.get(id)!, ...fields });
    return Promise.resolve();
  }
  schedule(id: string, at: Date) {
    const token = this.token();
    this.due.set(id, { at, token });
    return Promise.resolve(token);
  }
  done(id: string, token?: string) {
    if (token === undefined || this.due.get(id)?.token === token) this.due.delete(id);
    return Promise.resolve();
  }
  dueMarkers() {
    const now = Date.now();
    return [...this.due]
      .filter(([, m]) => m.at.getTime() <= now)
      .map(([_id, m]) => ({ _id, token: m.token, since: m.at }));
  }
  private token() {
    return `t${++this.tokens}`;
  }
}

/** Settles like PostSettler: the final fields on the post, the marker gone; what was settled, kept for asserting. */
class FakeSettler {
  readonly sent: { id: string; externalId: string | null }[] = [];
  readonly failed: { id: string; kind: PostErrorKind; error: string }[] = [];
  constructor(private readonly posts: FakePosts) {}

  async sent_(post: PostDoc, fields: Partial<PostDoc>, token?: string) {
    await this.posts.set(post._id, { ...fields, status: 'sent', leaseUntil: null, nextAttemptAt: null });
    await this.posts.done(post._id, token);
    this.sent.push({ id: post._id, externalId: fields.externalId ?? null });
  }
  async failed_(post: PostDoc, kind: PostErrorKind, error: string, token?: string) {
    await this.posts.set(post._id, { status: 'failed', lastError: error, errorKind: kind, leaseUntil: null });
    await this.posts.done(post._id, token);
    this.failed.push({ id: post._id, kind, error });
  }
  asSettler(): PostSettler {
    return {
      sent: (p: PostDoc, f: Partial<PostDoc>, t?: string) => this.sent_(p, f, t),
      failed: (p: PostDoc, k: PostErrorKind, e: string, t?: string) => this.failed_(p, k, e, t),
      republish: (id: string, t?: string) => this.posts.done(id, t),
    } as unknown as PostSettler;
  }
}

const channel: ChannelDoc = {
  _id: 'ch1',
  type: 'webhook',
  name: 'ห้องข่าวเชียงใหม่',
  language: 'th',
  template: '{title} {url}',
  hashtags: [],
  enabled: true,
  followThrough: { deleteOnUnpublish: false, editOnCorrection: false },
  options: {},
  credentials: null,
  needsReauth: false,
  reauthMessage: null,
  createdAt: new Date(),
  updatedAt: new Date(),
  updatedBy: 'admin',
};

function post(n: number, over: Partial<PostDoc> = {}): PostDoc {
  return {
    _id: `story${n}:th:ch1`,
    storyId: `story${n}`,
    language: 'th',
    channelId: 'ch1',
    channelType: 'webhook',
    generation: 0,
    status: 'queued',
    attempts: 0,
    claims: 0,
    reconciliations: 0,
    lastError: null,
    errorKind: null,
    externalId: null,
    externalUrl: null,
    platformData: {},
    text: null,
    content: {
      title: `น้ำท่วมเชียงใหม่ ตอนที่ ${n}`,
      summary: 'ชาวบ้านริมน้ำปิงเร่งขนของขึ้นที่สูง',
      url: `https://khao.example.org/th/news/flood-${n}`,
      coverMediaId: null,
      revision: 1,
      publishedAt: '2026-12-01T08:00:00.000Z',
    },
    rkey: `rkey${n}`,
    leaseUntil: null,
    nextAttemptAt: null,
    sentAt: null,
    shownRevision: null,
    createdAt: new Date(),
    updatedAt: new Date(),
    outbox: [],
    ...over,
  };
}

const config = {
  SOCIAL_CONCURRENCY: 8,
  SOCIAL_SWEEP_MS: 60_000,
  SOCIAL_MAX_ATTEMPTS: 3,
  SOCIAL_BACKOFF_MS: [20],
  SOCIAL_RECONCILE_ATTEMPTS: 2,
  SOCIAL_RECONCILE_DELAY_MS: 20,
  SOCIAL_HTTP_TIMEOUT_MS: 1000,
} as SocialConfig;

interface Rig {
  dispatcher: Dispatcher;
  posts: FakePosts;
  settler: FakeSettler;
  sends: OutgoingPost[];
}

const rigs: Rig[] = [];
afterEach(async () => {
  await Promise.all(rigs.splice(0).map((r) => r.dispatcher.onModuleDestroy()));
});

/** A Dispatcher on fakes; `send` answers each platform call (the n-th call gets n, from 1). */
function rig(
  send: (post: OutgoingPost, n: number) => Promise<Sent>,
  adapter: Partial<Adapter> = {},
  over: Partial<SocialConfig> = {},
): Rig {
  const posts = new FakePosts();
  const settler = new FakeSettler(posts);
  const sends: OutgoingPost[] = [];
  const fake: Adapter = {
    type: 'webhook',
    idempotent: true,
    send: (_ctx, out) => {
      sends.push(out);
      posts.statusAtSend.push(posts.posts.get(out.postId)!.status);
      return send(out, sends.length);
    },
    ...adapter,
  };
  const channels = {
    get: (id: string) => Promise.resolve(id === channel._id ? channel : null),
    context: () => ({ id: channel._id, name: channel.name, type: channel.type }),
    flagReauth: (_ch: ChannelDoc, reason: string) => Promise.resolve(reason),
  } as unknown as ChannelAccess;
  const adapters = { for: () => fake } as unknown as Adapters;
  const covers = { resolve: () => Promise.resolve(null) } as unknown as CoverImages;
  const repo = {
    get: (id: string) => posts.get(id),
    workToken: (id: string) => posts.workToken(id),
    claimNext: (id: string, claims: number) => posts.claimNext(id, claims),
    set: (id: string, fields: Partial<PostDoc>) => posts.set(id, fields),
    schedule: (id: string, at: Date) => posts.schedule(id, at),
    done: (id: string, token?: string) => posts.done(id, token),
    due: () => Promise.resolve(posts.dueMarkers()),
  } as unknown as PostsRepository;
  const infra = { logger } as ServiceInfra;
  const dispatcher = new Dispatcher(
    repo,
    channels,
    adapters,
    covers,
    settler.asSettler(),
    { ...config, ...over },
    infra,
  );
  const r = { dispatcher, posts, settler, sends };
  rigs.push(r);
  return r;
}

async function until(what: string, ok: () => boolean, timeoutMs = 3000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!ok()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

const ok = (n: number): Promise<Sent> => Promise.resolve({ externalId: `ext-${n}`, externalUrl: null });

describe('Dispatcher', () => {
  it('claims the attempt and marks the post sending before the platform is called, then settles it sent', async () => {
    const r = rig((_p, n) => ok(n));
    r.posts.add(post(1));
    r.dispatcher.kick(post(1)._id);
    await until('the post sent', () => r.settler.sent.length === 1);
    expect(r.posts.statusAtSend).toEqual(['sending']);
    expect(r.posts.claims).toEqual(new Set([`${post(1)._id}#1`]));
    expect(r.settler.sent).toEqual([{ id: post(1)._id, externalId: 'ext-1' }]);
    expect(r.sends[0].text).toContain('น้ำท่วมเชียงใหม่ ตอนที่ 1');
    expect(r.posts.posts.get(post(1)._id)).toMatchObject({ status: 'sent', attempts: 1, claims: 1 });
    expect(r.posts.due.size).toBe(0);
  });

  it('requeues a retryable failure with a backoff, and gives up after the last attempt', async () => {
    const r = rig(() => Promise.reject(new PlatformError('retryable', 'HTTP 503 ระบบปลายทางไม่ว่าง')));
    r.posts.add(post(1));
    r.dispatcher.kick(post(1)._id);
    await until('the post failed', () => r.settler.failed.length === 1);
    expect(r.sends).toHaveLength(3);
    expect(r.settler.failed[0]).toMatchObject({ kind: 'retryable', error: expect.stringMatching(/gave up after 3/) });
    expect(r.posts.posts.get(post(1)._id)).toMatchObject({ status: 'failed', attempts: 3 });
  });

  it('fails a permanent refusal at once, without another attempt', async () => {
    const r = rig(() => Promise.reject(new PlatformError('permanent', 'HTTP 400 ข้อความยาวเกิน')));
    r.posts.add(post(1));
    r.dispatcher.kick(post(1)._id);
    await until('the post failed', () => r.settler.failed.length === 1);
    expect(r.sends).toHaveLength(1);
    expect(r.settler.failed[0]).toMatchObject({ kind: 'permanent', error: 'HTTP 400 ข้อความยาวเกิน' });
  });

  it('pauses the channel on a rate limit: no post goes to it before the reset, then both go', async () => {
    const sentAt: number[] = [];
    const limitedAt: number[] = [];
    const r = rig((_p, n) => {
      if (n === 1) {
        limitedAt.push(Date.now());
        return Promise.reject(new PlatformError('rate_limited', 'HTTP 429', 300));
      }
      sentAt.push(Date.now());
      return ok(n);
    });
    r.posts.add(post(1));
    r.dispatcher.kick(post(1)._id);
    await until('the rate limit', () => limitedAt.length === 1);
    await until('the first post rescheduled', () => r.posts.posts.get(post(1)._id)!.status === 'queued');
    r.posts.add(post(2));
    r.dispatcher.kick(post(2)._id);
    await until('both posts sent', () => r.settler.sent.length === 2);
    expect(sentAt).toHaveLength(2);
    for (const t of sentAt) expect(t - limitedAt[0]).toBeGreaterThanOrEqual(295);
  });

  it('leaves a post whose attempt died mid-send unconfirmed when the platform cannot look it up', async () => {
    const r = rig((_p, n) => ok(n), { idempotent: false });
    r.posts.add(post(1, { status: 'sending', attempts: 1, claims: 1, leaseUntil: new Date(Date.now() - 1000) }));
    r.dispatcher.kick(post(1)._id);
    await until('the post left for a person', () => r.posts.posts.get(post(1)._id)!.status === 'unconfirmed');
    await until('its marker removed', () => r.posts.due.size === 0);
    expect(r.sends).toHaveLength(0);
    expect(r.posts.posts.get(post(1)._id)).toMatchObject({ errorKind: 'unconfirmed', nextAttemptAt: null });
  });

  it('reconciles a lost answer on an idempotent platform by sending again with the same key', async () => {
    const r = rig((_p, n) =>
      n === 1 ? Promise.reject(new PlatformError('unconfirmed', 'no answer within 1000 ms')) : ok(n),
    );
    r.posts.add(post(1));
    r.dispatcher.kick(post(1)._id);
    await until('the post sent', () => r.settler.sent.length === 1);
    expect(r.sends.map((s) => s.key)).toEqual([`${post(1)._id}:0`, `${post(1)._id}:0`]);
    // A reconciliation is not another attempt.
    expect(r.posts.posts.get(post(1)._id)).toMatchObject({ status: 'sent', attempts: 1 });
  });

  it('runs at most SOCIAL_CONCURRENCY steps at once, and one step per post however often it is kicked', async () => {
    let running = 0;
    let most = 0;
    const r = rig(
      async (_p, n) => {
        most = Math.max(most, ++running);
        await new Promise((res) => setTimeout(res, 30));
        running--;
        return ok(n);
      },
      {},
      { SOCIAL_CONCURRENCY: 2 },
    );
    for (let n = 1; n <= 5; n++) r.posts.add(post(n));
    for (let n = 1; n <= 5; n++) {
      r.dispatcher.kick(post(n)._id);
      r.dispatcher.kick(post(n)._id);
    }
    await until('all five sent', () => r.settler.sent.length === 5);
    expect(most).toBe(2);
    expect(r.sends).toHaveLength(5);
  });
});
