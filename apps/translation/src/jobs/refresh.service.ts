import { Inject, Injectable } from '@nestjs/common';
import type { Language, Story } from '@khao/contracts';
import type { Logger } from '@khao/logging';
import { INFRA, type ServiceInfra } from '@khao/messaging';
import type { TranslationConfig } from '../config.js';
import { MemoryRepository } from '../memory/memory.repository.js';
import { segmentVersion } from '../segments/segmenter.js';
import { CONFIG } from '../tokens.js';
import { completedEvent } from './job-events.js';
import { JobQueue } from './job-queue.js';
import { jobId, type JobDoc } from './job.schema.js';
import { JobWriter } from './job-writer.js';
import { JobsRepository } from './jobs.repository.js';
import { isReady, mergeSegments, pendingCount, statusAfterRefresh } from './refresh.js';
import { JobWorker } from './job-worker.js';

/** Creates or refreshes the job of each target language when a source version is (re)saved. */
@Injectable()
export class RefreshService {
  private readonly log: Logger;

  constructor(
    private readonly jobs: JobsRepository,
    private readonly writer: JobWriter,
    private readonly queue: JobQueue,
    private readonly memory: MemoryRepository,
    private readonly worker: JobWorker,
    @Inject(CONFIG) private readonly config: TranslationConfig,
    @Inject(INFRA) infra: ServiceInfra,
  ) {
    this.log = infra.logger.child({ component: 'refresh' });
  }

  async refreshStory(story: Story): Promise<void> {
    const targets = this.config.LANGUAGES.filter((l) => l !== story.sourceLanguage);
    for (const target of targets) await this.refresh(story, target);
  }

  /**
   * One job per (story, target language): a source revision it already has changes nothing (so a redelivered or
   * replayed event never makes a second job); a newer one keeps every segment whose source is unchanged.
   */
  async refresh(story: Story, target: Language): Promise<void> {
    const source = story.versions.find((v) => v.language === story.sourceLanguage);
    if (!source) return;
    const id = jobId(story.id, target);
    const cut = segmentVersion(source);
    const machine = this.config.TRANSLATION_PROVIDER !== 'manual';
    await this.jobs.withLock(id, async () => {
      const previous = await this.jobs.get(id);
      if (previous && previous.sourceRevision >= source.revision) return;
      const segments = mergeSegments(previous?.segments ?? [], cut.segments);
      const wanted = segments.filter((s) => s.target === null).map((s) => s.source);
      const remembered = await this.memory.lookup(story.sourceLanguage, target, wanted);
      let memorySegments = 0;
      for (const s of segments) {
        const t = s.target === null ? remembered.get(s.source) : undefined;
        if (t === undefined) continue;
        Object.assign(s, { target: t, status: 'memory', draft: t, draftFrom: 'memory' });
        memorySegments++;
      }
      const status = statusAfterRefresh({ previous, segments, machine });
      const now = new Date();
      const job: JobDoc = {
        ...(previous ?? {
          _id: id,
          storyId: story.id,
          targetLanguage: target,
          attempts: 0,
          nextAttemptAt: null,
          lastError: null,
          approvedBy: null,
          approvedAt: null,
          appliedRevision: null,
          createdAt: now,
          outbox: [],
        }),
        sourceLanguage: story.sourceLanguage,
        sourceRevision: source.revision,
        title: source.title,
        provider: this.config.TRANSLATION_PROVIDER,
        status,
        segments,
        skeleton: cut.skeleton,
        machineSegments: 0,
        memorySegments,
        attempts: 0,
        nextAttemptAt: null,
        lastError: null,
        updatedAt: now,
      };
      const ready = isReady(status) && status !== previous?.status;
      // The queue entry goes first: a crash between the two leaves an entry the worker finds nothing for, never
      // a pending job nobody works on.
      if (status === 'pending') await this.queue.enqueue(id);
      await this.writer.save(job, ready ? [completedEvent(job)] : [], !previous);
      this.log.info(
        { jobId: id, sourceRevision: source.revision, status, pending: pendingCount(segments), memorySegments },
        previous ? 'job refreshed' : 'job created',
      );
    });
    this.worker.wake();
  }

  /** The story is gone: its jobs and queue entries go too. */
  async deleteStory(storyId: string): Promise<void> {
    for (const target of this.config.LANGUAGES) {
      const id = jobId(storyId, target);
      await this.jobs.withLock(id, async () => {
        await this.queue.remove(id);
        await this.jobs.delete(id);
      });
    }
  }
}
