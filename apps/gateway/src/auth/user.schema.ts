import { z } from 'zod';
import { RoleSchema } from '@khao/contracts';
import { defineCollection, objectId, ObjectIdField, outboxField } from '@khao/persistence';

const UserSchema = z.object({
  _id: ObjectIdField.default(() => objectId()),
  email: z.string().trim().toLowerCase(),
  name: z.string().default(''),
  role: RoleSchema,
  passwordHash: z.string(),
  disabled: z.boolean().default(false),
  /**
   * Carried in every token issued to the user; raised when access changes (disabled, role, password), so that
   * tokens issued before are refused. Absent on users created before revocation existed: read as 0.
   */
  tokenVersion: z.number().int().default(0),
  createdAt: z.date().default(() => new Date()),
  updatedAt: z.date().default(() => new Date()),
  ...outboxField,
});

/** Found by `_id`, or by e-mail (unique) on a collection the size of the newsroom. */
export const Users = defineCollection({
  name: 'users',
  schema: UserSchema,
  indexes: [{ keys: { email: 1 }, unique: true }],
});
/** A user as read (without the outbox, and `tokenVersion` absent on users created before revocation existed). */
export type UserDoc = Omit<z.output<typeof UserSchema>, 'outbox' | 'tokenVersion'> & { tokenVersion?: number };

const EndedSessionSchema = z.object({
  /** The session id carried in the session's tokens. */
  _id: z.string(),
  userId: z.string(),
  expiresAt: z.date(),
  ...outboxField,
});

/** A browser session that was logged out, kept until its tokens expire so every gateway can refuse them. */
export const EndedSessions = defineCollection({ name: 'ended_sessions', schema: EndedSessionSchema });
export type EndedSessionDoc = z.output<typeof EndedSessionSchema>;
