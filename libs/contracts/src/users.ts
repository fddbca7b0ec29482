import { z } from 'zod';
import { defineEvent } from './events.js';

/** Why a user's tokens were revoked. Wire-stable values. */
export const RevocationReasonSchema = z.enum(['disabled', 'enabled', 'role-changed', 'password-changed']);
export type RevocationReason = z.infer<typeof RevocationReasonSchema>;

/**
 * Events of the gateway's users. Every gateway replica follows them to refuse revoked tokens on the next request
 * without reading the database. Wire-stable types: a published shape never changes; add a `.v2` beside it.
 */
export const UserEvents = {
  /** Every token of `userId` carrying a token version below `tokenVersion` is refused from now on. */
  tokensRevoked: defineEvent(
    'user.tokens.revoked.v1',
    z.object({
      userId: z.string().min(1),
      tokenVersion: z.number().int().positive(),
      reasons: z.array(RevocationReasonSchema).min(1),
    }),
  ),
  /** The browser session `sessionId` was logged out; its tokens are refused until `expiresAt`, when they expire. */
  sessionEnded: defineEvent(
    'user.session.ended.v1',
    z.object({
      userId: z.string().min(1),
      sessionId: z.string().min(1),
      expiresAt: z.string().datetime(),
    }),
  ),
} as const;
