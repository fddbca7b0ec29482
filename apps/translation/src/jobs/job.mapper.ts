import type { Job, JobSummary } from '@khao/contracts';
import type { JobDoc } from './job.schema.js';
import { pendingCount } from './refresh.js';

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
    })),
  };
}
