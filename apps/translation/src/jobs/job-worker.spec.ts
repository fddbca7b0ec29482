import { describe, expect, it } from 'vitest';
import { createLogger } from '@khao/logging';
import type { ServiceInfra } from '@khao/messaging';
import type { OutboxEntry } from '@khao/persistence';
import type { TranslationConfig } from '../config.js';
import type { GlossaryRepository } from '../glossary/glossary.repository.js';
import type { MemoryRepository } from '../memory/memory.repository.js';
import { ProviderError, type TranslateBatch, type TranslationProvider } from '../providers/provider.js';
import type { JobQueue, QueueClaim, QueueEntry } from './job-queue.js';
import type { JobDoc } from './job.schema.js';
import { JobWorker } from './job-worker.js';
import type { JobWriter } from './job-writer.js';
import type { JobsRepository } from './jobs.repository.js';

// The worker's rules with its repositories and provider held in memory.
const config = {
  TRANSLATION_POLL_MS: 60_000,
  TRANSLATION_LEASE_MS: 30_000,
  TRANSLATION_CONCURRENCY: 2,
  TRANSLATION_BATCH_SIZE: 2,
  TRANSLATION_RETRY_MS: [1000, 5000],
} as TranslationConfig;
const infra = { logger: createLogger({ service: 'job-worker-spec', level: 'silent' }) } as ServiceInfra;

const segment = (source: string, kind = 'paragraph') => ({
  kind,
  source,
  sourceHash: `h-${source}`,
  target: null,
  status: 'pending' as const,
  editedBy: null,
});

function job(id: string, sources: string[]): JobDoc {
  const now = new Date();
  return {
    _id: id,
    storyId: id.replace(/-en$/, ''),
    sourceLanguage: 'th',
    targetLanguage: 'en',
    sourceRevision: 1,
    title: sources[0],
    status: 'pending',
    provider: 'libretranslate',
    segments: sources.map((s) => segment(s)),
    skeleton: [],
    attempts: 0,
    nextAttemptAt: null,
    lastError: null,
    machineSegments: 0,
    memorySegments: 0,
    approvedBy: null,
    approvedAt: null,
    appliedRevision: null,
    createdAt: now,
    updatedAt: now,
    outbox: [],
  };
}

class World {
  readonly jobs = new Map<string, JobDoc>();
  readonly queue = new Map<string, QueueEntry>();
  readonly events: OutboxEntry[] = [];
  readonly retries: { id: string; attempts: number; lastError: string }[] = [];
  readonly memory = new Map<string, string>();
  readonly batches: TranslateBatch[] = [];
  failWith: Error | null = null;

  add(doc: JobDoc) {
    this.jobs.set(doc._id, structuredClone(doc));
    this.queue.set(doc._id, {
      _id: doc._id,
      dueAt: new Date(0),
      seq: 1,
      holder: null,
      heldUntil: null,
      claims: 0,
      attempts: 0,
      lastError: null,
    });
  }

  worker(): JobWorker {
    const jobs = {
      get: (id: string) => Promise.resolve(this.jobs.has(id) ? structuredClone(this.jobs.get(id)!) : null),
      withLock: <T>(_id: string, fn: () => Promise<T>) => fn(),
    };
    const writer = {
      save: (doc: JobDoc, events: OutboxEntry[] = []) => {
        this.jobs.set(doc._id, structuredClone(doc));
        this.events.push(...events);
        return Promise.resolve();
      },
    };
    const queue = {
      due: () => Promise.resolve([...this.queue.values()].filter((e) => !e.holder)),
      claim: (e: QueueEntry) => {
        const held = this.queue.get(e._id);
        if (!held || held.holder) return Promise.resolve(null);
        const heldUntil = new Date(Date.now() + 30_000);
        const claim: QueueClaim = { ...held, holder: 'me', heldUntil, ticket: held.claims, leaseMs: 30_000 };
        this.queue.set(e._id, claim);
        return Promise.resolve(claim);
      },
      renew: () => Promise.resolve(true),
      retryLater: (c: QueueClaim, dueAt: Date, attempts: number, lastError: string) => {
        this.retries.push({ id: c._id, attempts, lastError });
        this.queue.set(c._id, { ...c, holder: null, heldUntil: null, dueAt, attempts, lastError });
        return Promise.resolve();
      },
      remove: (id: string) => Promise.resolve(void this.queue.delete(id)),
    };
    const memory = {
      lookup: (_s: string, _t: string, texts: string[]) =>
        Promise.resolve(new Map(texts.flatMap((t) => (this.memory.has(t) ? [[t, this.memory.get(t)!]] : [])))),
    };
    const glossary = { list: () => Promise.resolve([{ source: 'ป่าชายเลน', target: 'mangrove forest' }]) };
    const provider: TranslationProvider = {
      name: 'libretranslate',
      translate: (batch) => {
        this.batches.push(batch);
        if (this.failWith) return Promise.reject(this.failWith);
        return Promise.resolve(batch.texts.map((t) => `EN(${t})`));
      },
    };
    return new JobWorker(
      jobs as unknown as JobsRepository,
      writer as unknown as JobWriter,
      queue as unknown as JobQueue,
      memory as unknown as MemoryRepository,
      glossary as unknown as GlossaryRepository,
      config,
      infra,
      provider,
    );
  }
}

/** One pass of the worker, as its timer runs it. */
const pass = (w: JobWorker) => (w as unknown as { pass(): Promise<void> }).pass();

describe('JobWorker', () => {
  it('translates a job in batches, completes it with one event and drops its queue entry', async () => {
    const world = new World();
    world.add(job('s1-en', ['ชาวบ้านปลูกป่าชายเลน', 'อาสาสมัครสองร้อยคน', 'ที่จังหวัดตราด']));
    await pass(world.worker());
    expect(world.batches.map((b) => b.texts.length)).toEqual([2, 1]);
    expect(world.batches[0].glossary).toEqual([{ source: 'ป่าชายเลน', target: 'mangrove forest' }]);
    const done = world.jobs.get('s1-en')!;
    expect(done.status).toBe('machine_translated');
    expect(done.machineSegments).toBe(3);
    expect(done.segments.every((s) => s.status === 'machine' && s.target?.startsWith('EN('))).toBe(true);
    expect(world.events.map((e) => e.type)).toEqual(['translation.job.completed.v1']);
    expect(world.queue.has('s1-en')).toBe(false);
  });

  it('fills what the memory knows without asking the provider', async () => {
    const world = new World();
    world.memory.set('ข่าวเด่นประจำวัน', 'Top story of the day');
    world.add(job('s2-en', ['ข่าวเด่นประจำวัน']));
    await pass(world.worker());
    expect(world.batches).toHaveLength(0);
    const done = world.jobs.get('s2-en')!;
    expect(done.segments[0]).toMatchObject({ target: 'Top story of the day', status: 'memory' });
    expect(done.status).toBe('machine_translated');
  });

  it('a provider failure leaves the job pending and its entry due again after the backoff', async () => {
    const world = new World();
    world.failWith = new ProviderError('libretranslate', 'HTTP 503 from the provider');
    world.add(job('s3-en', ['ฝนตกหนักในภาคใต้']));
    await pass(world.worker());
    const still = world.jobs.get('s3-en')!;
    expect(still.status).toBe('pending');
    expect(still.attempts).toBe(1);
    expect(still.lastError).toMatch(/HTTP 503/);
    expect(world.retries).toEqual([{ id: 's3-en', attempts: 1, lastError: expect.stringMatching(/HTTP 503/) }]);
    expect(world.queue.get('s3-en')?.holder).toBeNull();
    expect(world.events).toHaveLength(0);
  });

  it('an entry whose job is gone is dropped', async () => {
    const world = new World();
    world.add(job('s4-en', ['ข่าว']));
    world.jobs.delete('s4-en');
    await pass(world.worker());
    expect(world.queue.size).toBe(0);
    expect(world.batches).toHaveLength(0);
  });
});
