import { DomainError, ErrorCode, type Actor } from '@khao/contracts';

const REVIEWERS = new Set(['admin', 'editor', 'translator']);

/**
 * Who works on translations (jobs and the glossary): admins, editors and translators. Checked in the service as well
 * as at the gateway: the service trusts the actor, not the caller's routing.
 */
export function mayReview(actor: Actor): void {
  if (!REVIEWERS.has(actor.role)) {
    throw new DomainError(ErrorCode.Forbidden, `the ${actor.role} role has no access to translation jobs`);
  }
}
