import { Schema, type Connection, type Model, type Types } from 'mongoose';
import { baseSchemaOptions, modelFor, outboxField, type OutboxEntry } from '@khao/persistence';
import type { Role } from '@khao/contracts';

export interface UserDoc {
  _id: Types.ObjectId;
  email: string;
  name: string;
  role: Role;
  passwordHash: string;
  disabled: boolean;
  /**
   * Carried in every token issued to the user; raised when access changes (disabled, role, password), so that
   * tokens issued before are refused. Absent on users created before revocation existed: read as 0.
   */
  tokenVersion?: number;
  outbox?: OutboxEntry[];
  createdAt: Date;
  updatedAt: Date;
}

const UserSchema = new Schema<UserDoc>(
  {
    email: { type: String, required: true, lowercase: true, trim: true },
    name: { type: String, default: '' },
    role: { type: String, required: true },
    passwordHash: { type: String, required: true },
    disabled: { type: Boolean, default: false },
    tokenVersion: { type: Number, default: 0 },
    ...outboxField,
  },
  { ...baseSchemaOptions, collection: 'users' },
);
UserSchema.index({ email: 1 }, { unique: true });

export type UserModel = Model<UserDoc>;

export function userModel(conn: Connection): UserModel {
  return modelFor(conn, 'User', UserSchema);
}

/** A browser session that was logged out, kept until its tokens expire so every gateway can refuse them. */
export interface EndedSessionDoc {
  /** The session id carried in the session's tokens. */
  _id: string;
  userId: string;
  expiresAt: Date;
  outbox?: OutboxEntry[];
}

const EndedSessionSchema = new Schema<EndedSessionDoc>(
  { _id: String, userId: String, expiresAt: Date, ...outboxField },
  { versionKey: false, collection: 'ended_sessions' },
);

export type EndedSessionModel = Model<EndedSessionDoc>;

export function endedSessionModel(conn: Connection): EndedSessionModel {
  return modelFor(conn, 'EndedSession', EndedSessionSchema);
}
