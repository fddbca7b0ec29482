import { Inject, Injectable } from '@nestjs/common';
import {
  DomainError,
  ErrorCode,
  JobStatusSchema,
  type JobCounts,
  type Actor,
  type Job,
  type JobQuery,
  type JobSummary,
  type SegmentEdit,
  type Story,
} from '@khao/contracts';
import { ArticlesClient } from '../articles/articles.client.js';
import type { TranslationConfig } from '../config.js';
import { MemoryRepository } from '../memory/memory.repository.js';
import { mayReview } from '../review.policy.js';
import { CONFIG } from '../tokens.js';
import { approvedEvent } from './job-events.js';
import { targetVersion, toJob } from './job.mapper.js';
import type { JobDoc } from './job.schema.js';
import { JobWriter } from './job-writer.js';
import { JobList, keyOf } from './job-list.js';
import { JobsRepository } from './jobs.repository.js';
import { pendingCount } from './refresh.js';

/** What translators and editors do with jobs: list, read, edit segments, approve. */
@Injectable()
export class ReviewService {
  constructor(
    private readonly jobs: JobsRepository,
    private readonly reviewList: JobList,
    private readonly writer: JobWriter,
    private readonly memory: MemoryRepository,
    private readonly articles: ArticlesClient,
    @Inject(CONFIG) private readonly config: TranslationConfig,
  ) {}

  /**
   * Newest change first; the cursor is the last item's `updatedAt|id`. From this replica's JobList, the page's
   * summaries read by `_id`; from the index while the list loads.
   */
  async list(actor: Actor, q: JobQuery): Promise<{ items: JobSummary[]; nextCursor: string | null }> {
    mayReview(actor);
    const after = q.cursor ? Buffer.from(q.cursor, 'base64url').toString() : null;
    const limit = Number(q.limit ?? 20);
    const changed = q.changed === undefined ? undefined : q.changed === 'true';
    const cursorOf = (j: { updatedAt: number | string; id: string }) => Buffer.from(keyOf(j)).toString('base64url');
    if (this.reviewList.ready) {
      const filter = { status: q.status, language: q.language, storyId: q.storyId, changed };
      const rows = this.reviewList.page(filter, after, limit + 1);
      const page = rows.slice(0, limit);
      const items = this.reviewList.confirm(filter, page, await this.jobs.summariesOf(page.map((r) => r.id)));
      return { items, nextCursor: rows.length > limit ? cursorOf(page.at(-1)!) : null };
    }
    const all = await this.jobs.list({ status: q.status, targetLanguage: q.language, storyId: q.storyId });
    const docs = changed === undefined ? all : all.filter((j) => j.changedCount > 0 === changed);
    const sorted = docs.sort((a, b) => (keyOf(a) < keyOf(b) ? 1 : -1));
    const rest = after ? sorted.filter((j) => keyOf(j) < after) : sorted;
    const page = rest.slice(0, limit);
    return { items: page, nextCursor: rest.length > limit ? cursorOf(page.at(-1)!) : null };
  }

  /** Jobs per status, for the admins' health page. */
  async counts(): Promise<JobCounts> {
    const counted = this.reviewList.ready ? this.reviewList.countByStatus() : await this.jobs.countByStatus();
    return Object.fromEntries(JobStatusSchema.options.map((s) => [s, counted.get(s) ?? 0])) as JobCounts;
  }

  async get(actor: Actor, id: string): Promise<Job> {
    mayReview(actor);
    return toJob(await this.load(id));
  }

  /** A translator's text for one segment; the job goes to review (an approved one needs approving again). */
  async edit(actor: Actor, id: string, n: number, edit: SegmentEdit): Promise<Job> {
    mayReview(actor);
    return this.jobs.withLock(id, async () => {
      const job = await this.load(id);
      const seg = job.segments[n];
      if (!seg) {
        throw new DomainError(ErrorCode.NotFound, `job ${id} has segments 0 to ${job.segments.length - 1}; no ${n}`);
      }
      if (edit.sourceHash && edit.sourceHash !== seg.sourceHash) {
        throw new DomainError(
          ErrorCode.Conflict,
          `segment ${n}'s source changed since you opened it; reload the job and edit the new text`,
          { sourceHash: seg.sourceHash },
        );
      }
      Object.assign(seg, { target: edit.target, status: 'edited', editedBy: actor.id });
      if (job.status !== 'pending' || pendingCount(job.segments) === 0) job.status = 'in_review';
      await this.writer.save(job);
      return toJob(job);
    });
  }

  /**
   * Approves the job and writes the translation into the story as the approving user (a draft, or published when
   * TRANSLATION_APPROVAL=publish), linked to its source with `translationOf`. If writing fails the job stays
   * approved and approving again retries the write.
   */
  async approve(actor: Actor, id: string): Promise<Job> {
    mayReview(actor);
    const checked = await this.load(id);
    if (checked.status === 'applied') {
      throw new DomainError(
        ErrorCode.Conflict,
        `job ${id} is already in the story (revision ${checked.appliedRevision}); edit a segment to change it`,
      );
    }
    const story = await this.currentStory(checked);
    const job = await this.jobs.withLock(id, async () => {
      const j = await this.load(id);
      if (j.sourceRevision !== checked.sourceRevision) throw staleJob(j);
      const missing = pendingCount(j.segments);
      if (j.status === 'pending' || missing) {
        throw new DomainError(
          ErrorCode.Conflict,
          `${missing} segment(s) of job ${id} have no translation yet; translate them before approving`,
        );
      }
      if (j.status !== 'approved') {
        for (const s of j.segments) s.status = 'approved';
        Object.assign(j, { status: 'approved', approvedBy: actor, approvedAt: new Date() });
        await this.writer.save(j);
      }
      return j;
    });
    await this.memory.remember(
      job.sourceLanguage,
      job.targetLanguage,
      job.segments.map((s) => ({ source: s.source, target: s.target! })),
      actor.id,
    );
    const applied = await this.apply(actor, job, story);
    return this.jobs.withLock(id, async () => {
      const j = await this.load(id);
      if (j.status !== 'approved' || j.sourceRevision !== job.sourceRevision) return toJob(j);
      const target = applied.versions.find((v) => v.language === j.targetLanguage);
      Object.assign(j, { status: 'applied', appliedRevision: applied.revision });
      await this.writer.save(j, [approvedEvent(j, applied.revision, target?.status ?? 'draft')]);
      return toJob(j);
    });
  }

  private async apply(actor: Actor, job: JobDoc, story: Story): Promise<Story> {
    // Every segment has its target by now (approval checked it).
    const { title, summary, body } = targetVersion(job);
    const existing = story.versions.find((v) => v.language === job.targetLanguage);
    let written = await this.articles.putVersion(
      actor,
      job.storyId,
      job.targetLanguage,
      { title, summary, body, seo: existing?.seo ?? {} },
      job.sourceLanguage,
    );
    const target = written.versions.find((v) => v.language === job.targetLanguage);
    if (this.config.TRANSLATION_APPROVAL === 'publish' && target && target.status !== 'published') {
      written = await this.articles.publish(job.storyId, job.targetLanguage);
    }
    return written;
  }

  /** The story, checked to still have the source revision the job was cut from. */
  private async currentStory(job: JobDoc): Promise<Story> {
    const story = await this.articles.find(job.storyId);
    if (!story) throw new DomainError(ErrorCode.NotFound, `story ${job.storyId} no longer exists`);
    const source = story.versions.find((v) => v.language === story.sourceLanguage);
    if (source?.revision !== job.sourceRevision) throw staleJob(job, source?.revision);
    return story;
  }

  private async load(id: string): Promise<JobDoc> {
    const job = await this.jobs.get(id);
    if (!job) throw new DomainError(ErrorCode.NotFound, `no translation job ${id}`);
    return job;
  }
}

function staleJob(job: JobDoc, now?: number): DomainError {
  return new DomainError(
    ErrorCode.Conflict,
    `the source of job ${job._id} changed since it was cut (revision ${job.sourceRevision}${now ? ` → ${now}` : ''}); ` +
      'the refreshed job will be ready shortly',
  );
}
