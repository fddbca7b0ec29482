import { ArticleEvents, type VersionStatus } from '@khao/contracts';

export type Trigger = 'save' | 'submit' | 'publish';

/** The article events that may start or refresh a job (the source version's status then decides). */
export const TRIGGER_EVENTS = [
  ArticleEvents.versionSaved,
  ArticleEvents.versionSubmitted,
  ArticleEvents.versionPublished,
  ArticleEvents.versionPublishedV2,
  ArticleEvents.versionUpdated,
];

/**
 * Whether a source version in this status is translated: `save` any saved text, `submit` text in review or later
 * (scheduled, published), `publish` only live text. A live correction always counts.
 */
export function triggers(trigger: Trigger, status: VersionStatus): boolean {
  switch (trigger) {
    case 'save':
      return status !== 'unpublished';
    case 'submit':
      return status === 'in_review' || status === 'scheduled' || status === 'published';
    case 'publish':
      return status === 'published';
  }
}
