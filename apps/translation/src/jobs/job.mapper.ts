import type { Job, JobSummary, Segment } from '@khao/contracts';
import type { JobDoc, SegmentDoc } from './job.schema.js';
import { assembleBody } from '../segments/segmenter.js';
import { changedSinceApproval, pendingCount } from './refresh.js';

const iso = (d: Date | null | undefined) => (d ? new Date(d).toISOString() : null);

export function toSummary(j: JobDoc): JobSummary {
  return {
    id: j._id,
    storyId: j.storyId,
    sourceLanguage: j.sourceLanguage,
    targetLanguage: j.targetLanguage,
    sourceRevision: j.sourceRevision,
    title: j.title,
    status: j.status,
    provider: j.provider,
    segmentCount: j.segments.length,
    pendingCount: pendingCount(j.segments),
    changedCount: j.segments.filter((s) => changedSinceApproval(j, s)).length,
    attempts: j.attempts,
    nextAttemptAt: iso(j.nextAttemptAt),
    lastError: j.lastError,
    approvedBy: j.approvedBy?.id ?? null,
    approvedAt: iso(j.approvedAt),
    appliedRevision: j.appliedRevision,
    createdAt: iso(j.createdAt)!,
    updatedAt: iso(j.updatedAt)!,
  };
}

export function toJob(j: JobDoc): Job {
  return {
    ...toSummary(j),
    segments: j.segments.map((s, n) => ({
      n,
      kind: s.kind,
      source: s.source,
      sourceHash: s.sourceHash,
      target: s.target,
      status: s.status,
      editedBy: s.editedBy,
      ...draftOf(s),
      changed: changedSinceApproval(j, s),
    })),
    preview: targetVersion(j),
  };
}

/** Title, summary and body with each segment's target (its source while it has none), in the source's structure. */
export function targetVersion(j: JobDoc): Job['preview'] {
  const text = (s: SegmentDoc) => s.target ?? s.source;
  const of = (kind: string) => j.segments.find((s) => s.kind === kind);
  const body = j.segments.filter((s) => s.kind !== 'title' && s.kind !== 'summary').map(text);
  const title = of('title');
  const summary = of('summary');
  return {
    title: title ? text(title) : '',
    summary: summary ? text(summary) : '',
    body: assembleBody(j.skeleton, body),
  };
}

/** Jobs written before drafts were kept: a machine or memory segment's target is still its draft. */
function draftOf(s: SegmentDoc): Pick<Segment, 'draft' | 'draftFrom'> {
  if (s.draftFrom !== undefined) return { draft: s.draft ?? null, draftFrom: s.draftFrom };
  if (s.status === 'machine') return { draft: s.target, draftFrom: 'provider' };
  if (s.status === 'memory') return { draft: s.target, draftFrom: 'memory' };
  return { draft: null, draftFrom: null };
}
