import { TranslationEvents } from '@khao/contracts';
import { outboxEntry, type OutboxEntry } from '@khao/persistence';
import type { JobDoc } from './job.schema.js';

export function completedEvent(j: JobDoc): OutboxEntry {
  return outboxEntry(TranslationEvents.jobCompleted, {
    jobId: j._id,
    storyId: j.storyId,
    sourceLanguage: j.sourceLanguage,
    targetLanguage: j.targetLanguage,
    sourceRevision: j.sourceRevision,
    status: j.status,
    provider: j.provider,
    segments: j.segments.length,
    machineSegments: j.machineSegments,
    memorySegments: j.memorySegments,
  });
}

export function approvedEvent(j: JobDoc, storyRevision: number, targetStatus: string): OutboxEntry {
  return outboxEntry(TranslationEvents.jobApproved, {
    jobId: j._id,
    storyId: j.storyId,
    sourceLanguage: j.sourceLanguage,
    targetLanguage: j.targetLanguage,
    sourceRevision: j.sourceRevision,
    approvedBy: j.approvedBy?.id ?? '',
    storyRevision,
    targetStatus,
  });
}
