import type { Logger } from '@khao/logging';
import type { ChannelsRepository } from './channels.repository.js';
import type { CredentialsCipher } from './credentials-cipher.js';

export interface ResealReport {
  channels: number;
  resealed: number;
  /** Changed by someone else while the command ran: run it again. */
  skipped: number;
}

/**
 * Rewrites every channel's credentials that a previous key sealed with the current key (after SOCIAL_CREDENTIALS_KEY
 * was rotated). Each write is conditional on the value read, so a PATCH made meanwhile is never overwritten; running
 * it twice changes nothing the second time.
 */
export async function resealCredentials(
  repo: ChannelsRepository,
  cipher: CredentialsCipher,
  logger: Logger,
): Promise<ResealReport> {
  const channels = await repo.all();
  let resealed = 0;
  let skipped = 0;
  for (const ch of channels) {
    if (!ch.credentials || !cipher.isStale(ch.credentials)) continue;
    const sealed = cipher.seal(ch._id, cipher.open(ch._id, ch.credentials));
    if (await repo.replaceCredentials(ch._id, ch.credentials.iv, sealed)) resealed++;
    else skipped++;
  }
  const report = { channels: channels.length, resealed, skipped };
  logger.info(
    { event: 'audit', action: 'social-credentials-key.rotated', keyId: cipher.currentKeyId, ...report },
    'credentials re-sealed',
  );
  return report;
}
