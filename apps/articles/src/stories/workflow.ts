import { DomainError, ErrorCode, type Transition, type VersionStatus } from '@khao/contracts';
import type { VersionDoc } from './story.schema.js';

const from: Record<Transition, VersionStatus[]> = {
  submit: ['draft'],
  return: ['in_review'],
  publish: ['draft', 'in_review', 'scheduled', 'unpublished'],
  unpublish: ['published', 'scheduled'],
};

/**
 * Moves a version along draft → in_review → scheduled → published → unpublished. `publish` with a time in the
 * future schedules; `unpublish` of a scheduled version cancels the schedule (back to draft).
 */
export function applyTransition(v: VersionDoc, action: Transition, now: Date, at?: Date): void {
  if (!from[action].includes(v.status)) {
    throw new DomainError(
      ErrorCode.Conflict,
      `cannot ${action} the ${v.language} version: it is ${v.status} (${action} needs ${from[action].join(' or ')})`,
    );
  }
  switch (action) {
    case 'submit':
      v.status = 'in_review';
      break;
    case 'return':
      v.status = 'draft';
      break;
    case 'publish':
      if (at && at.getTime() > now.getTime()) {
        v.status = 'scheduled';
        v.scheduledAt = at;
      } else {
        publishNow(v, now);
      }
      break;
    case 'unpublish':
      v.status = v.status === 'scheduled' ? 'draft' : 'unpublished';
      v.scheduledAt = null;
      break;
  }
}

export function publishNow(v: VersionDoc, now: Date): void {
  v.status = 'published';
  v.scheduledAt = null;
  v.publishedAt ??= now;
}
