import { ArticleEvents, type VersionStatus } from '@khao/contracts';

export type Trigger = 'save' | 'submit' | 'publish';

/**
 * The article events that may start or refresh a job under `trigger` (the source version's status then decides):
 * a save is never live (its status is draft, in review or scheduled), a submission is in review, so with `publish`
 * neither is subscribed to at all: half the events of an import never reach this service.
 */
export function triggerEvents(trigger: Trigger) {
  const live = [ArticleEvents.versionPublished, ArticleEvents.versionPublishedV2, ArticleEvents.versionUpdated];
  return trigger === 'publish' ? live : [ArticleEvents.versionSaved, ArticleEvents.versionSubmitted, ...live];
}

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
