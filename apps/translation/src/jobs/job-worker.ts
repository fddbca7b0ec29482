import { Inject, Injectable, Optional, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import type { Logger } from '@khao/logging';
import { INFRA, PeriodicPass, type ServiceInfra } from '@khao/messaging';
import type { TranslationConfig } from '../config.js';
import { GlossaryRepository } from '../glossary/glossary.repository.js';
import { MemoryRepository } from '../memory/memory.repository.js';
import { ProviderError, type TranslationProvider } from '../providers/provider.js';
import { htmlToText, textToHtml } from '../segments/segmenter.js';
import { CONFIG, PROVIDER } from '../tokens.js';
import { completedEvent } from './job-events.js';
import { JobQueue, type QueueClaim } from './job-queue.js';
import type { SegmentDoc } from './job.schema.js';
import { JobWriter } from './job-writer.js';
import { JobsRepository } from './jobs.repository.js';

const isText = (s: SegmentDoc) => s.kind === 'title' || s.kind === 'summary';

/**
 * Machine translation of pending jobs. A timer loop (and a wake-up on every new job) takes due entries from the
 * persisted queue under a lease, fills pending segments from the memory, sends the rest to the provider in
 * batches and stores each batch as it comes back. A provider failure leaves the job pending and the entry due
 * again after a backoff; a worker killed mid-job leaves a lease that runs out, and whoever comes next (this
 * process restarted, or another replica) resumes from the segments already stored.
 */
@Injectable()
export class JobWorker implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly log: Logger;
  private readonly passes: PeriodicPass;

  constructor(
    private readonly jobs: JobsRepository,
    private readonly writer: JobWriter,
    private readonly queue: JobQueue,
    private readonly memory: MemoryRepository,
    private readonly glossary: GlossaryRepository,
    @Inject(CONFIG) private readonly config: TranslationConfig,
    @Inject(INFRA) infra: ServiceInfra,
    @Optional() @Inject(PROVIDER) private readonly provider: TranslationProvider | null,
  ) {
    this.log = infra.logger.child({ component: 'worker' });
    this.passes = new PeriodicPass({
      what: 'worker pass',
      everyMs: config.TRANSLATION_POLL_MS,
      logger: this.log,
      pass: () => this.pass(),
    });
  }

  onApplicationBootstrap(): void {
    if (this.provider) this.passes.start();
  }

  onModuleDestroy(): Promise<void> {
    return this.passes.stop();
  }

  /** Look for due work now (one pass at a time; a wake-up during a pass runs another after it). */
  wake(): void {
    if (this.provider) this.passes.wake();
  }

  /** Works through the due entries, TRANSLATION_CONCURRENCY at a time. */
  private async pass(): Promise<void> {
    const due = await this.queue.due();
    let next = 0;
    const lane = async () => {
      while (next < due.length && !this.passes.isStopped) {
        const claim = await this.queue.claim(due[next++], this.config.TRANSLATION_LEASE_MS);
        if (claim) await this.work(claim);
      }
    };
    await Promise.all(Array.from({ length: Math.min(this.config.TRANSLATION_CONCURRENCY, due.length) }, lane));
  }

  private async work(entry: QueueClaim): Promise<void> {
    const id = entry._id;
    const lease = this.config.TRANSLATION_LEASE_MS;
    const heartbeat = setInterval(() => void this.queue.renew(entry, lease).catch(() => undefined), lease / 3);
    try {
      for (;;) {
        const batch = await this.nextBatch(id);
        if (!batch) return;
        const out = await this.provider!.translate(batch.request);
        if (await this.store(id, batch.segments, out)) return;
      }
    } catch (err) {
      await this.failed(entry, err as Error);
    } finally {
      clearInterval(heartbeat);
    }
  }

  /**
   * The next segments for the provider, after filling what the memory knows. Null when none are left: then the job
   * is complete and its queue entry goes, under the job's lock so a refresh cannot slip in between.
   */
  private async nextBatch(id: string) {
    return this.jobs.withLock(id, async () => {
      const job = await this.jobs.get(id);
      const pending = job?.status === 'pending' ? job.segments.filter((s) => s.target === null) : [];
      if (!job || !pending.length) {
        if (job?.status === 'pending') await this.complete(id);
        await this.queue.remove(id);
        return null;
      }
      const remembered = await this.memory.lookup(
        job.sourceLanguage,
        job.targetLanguage,
        pending.map((s) => s.source),
      );
      if (remembered.size) {
        for (const s of pending) {
          const t = remembered.get(s.source);
          if (t !== undefined) Object.assign(s, { target: t, status: 'memory', draft: t, draftFrom: 'memory' });
        }
        job.memorySegments += pending.filter((s) => s.status === 'memory').length;
        await this.writer.save(job);
      }
      const todo = pending.filter((s) => s.target === null).slice(0, this.config.TRANSLATION_BATCH_SIZE);
      if (!todo.length) {
        await this.complete(id);
        await this.queue.remove(id);
        return null;
      }
      const glossary = await this.glossary.list({
        sourceLanguage: job.sourceLanguage,
        targetLanguage: job.targetLanguage,
      });
      return {
        segments: todo.map((s) => ({ hash: s.sourceHash, text: isText(s) })),
        request: {
          sourceLanguage: job.sourceLanguage,
          targetLanguage: job.targetLanguage,
          texts: todo.map((s) => (isText(s) ? textToHtml(s.source) : s.source)),
          glossary: glossary.map((g) => ({ source: g.source, target: g.target })),
        },
      };
    });
  }

  /**
   * Stores a batch's translations in the segments still waiting for them (the source may have moved on); true when
   * that completed the job.
   */
  private async store(id: string, sent: { hash: string; text: boolean }[], out: string[]): Promise<boolean> {
    const done = await this.jobs.withLock(id, async () => {
      const job = await this.jobs.get(id);
      if (!job) return true;
      let filled = 0;
      sent.forEach((s, i) => {
        const seg = job.segments.find((x) => x.sourceHash === s.hash && x.target === null);
        if (!seg) return;
        const target = s.text ? htmlToText(out[i]) : out[i].trim();
        Object.assign(seg, { target, status: 'machine', draft: target, draftFrom: 'provider' });
        filled++;
      });
      job.machineSegments += filled;
      job.attempts = 0;
      job.lastError = null;
      job.nextAttemptAt = null;
      if (job.status === 'pending' && job.segments.every((x) => x.target !== null)) {
        // The last batch completes the job in the same write; then its queue entry goes (a crash in between leaves
        // an entry the next pass drops, never a pending job without one).
        job.status = 'machine_translated';
        await this.writer.save(job, [completedEvent(job)]);
        await this.queue.remove(id);
        this.log.info({ jobId: id, machineSegments: job.machineSegments }, 'job completed');
        return true;
      }
      await this.writer.save(job);
      return false;
    });
    this.log.debug({ jobId: id, segments: sent.length }, 'batch translated');
    return done;
  }

  private async complete(id: string): Promise<void> {
    const job = await this.jobs.get(id);
    if (!job || job.status !== 'pending') return;
    job.status = 'machine_translated';
    await this.writer.save(job, [completedEvent(job)]);
    this.log.info(
      { jobId: id, machineSegments: job.machineSegments, memorySegments: job.memorySegments },
      'job completed',
    );
  }

  private async failed(entry: QueueClaim, err: Error): Promise<void> {
    const attempts = entry.attempts + 1;
    const delays = this.config.TRANSLATION_RETRY_MS;
    const delay = delays[Math.min(attempts - 1, delays.length - 1)] ?? 60_000;
    const dueAt = Date.now() + delay;
    const message = err instanceof ProviderError ? err.message : `${err.name}: ${err.message}`;
    this.log.warn(
      { jobId: entry._id, attempts, retryInMs: delay, err: message },
      'translation failed; job stays pending',
    );
    await this.queue.retryLater(entry, new Date(dueAt), attempts, message).catch(() => undefined);
    await this.jobs
      .withLock(entry._id, async () => {
        const job = await this.jobs.get(entry._id);
        if (!job || job.status !== 'pending') return;
        Object.assign(job, { attempts, lastError: message, nextAttemptAt: new Date(dueAt) });
        await this.writer.save(job);
      })
      .catch(() => undefined);
  }
}
