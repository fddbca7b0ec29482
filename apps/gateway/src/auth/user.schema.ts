import { Schema, type Connection, type Model, type Types } from 'mongoose';
import { baseSchemaOptions, modelFor } from '@khao/persistence';
import type { Role } from '@khao/contracts';

export interface UserDoc {
  _id: Types.ObjectId;
  email: string;
  name: string;
  role: Role;
  passwordHash: string;
  disabled: boolean;
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
  },
  { ...baseSchemaOptions, collection: 'users' },
);
UserSchema.index({ email: 1 }, { unique: true });

export type UserModel = Model<UserDoc>;

export function userModel(conn: Connection): UserModel {
  return modelFor(conn, 'User', UserSchema);
}
