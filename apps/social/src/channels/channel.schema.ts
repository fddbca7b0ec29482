import { Schema, type Connection, type Model } from 'mongoose';
import type { ChannelType, Language } from '@khao/contracts';
import { modelFor } from '@khao/persistence';
import type { SealedCredentials } from './credentials-cipher.js';

export interface ChannelDoc {
  _id: string;
  type: ChannelType;
  name: string;
  language: Language;
  template: string;
  hashtags: string[];
  enabled: boolean;
  followThrough: { deleteOnUnpublish: boolean; editOnCorrection: boolean };
  options: Record<string, unknown>;
  credentials: SealedCredentials | null;
  needsReauth: boolean;
  reauthMessage: string | null;
  createdAt: Date;
  updatedAt: Date;
  updatedBy: string;
}

const ChannelSchema = new Schema<ChannelDoc>(
  {
    _id: String,
    type: String,
    name: String,
    language: String,
    template: String,
    hashtags: [String],
    enabled: Boolean,
    followThrough: Schema.Types.Mixed,
    options: Schema.Types.Mixed,
    credentials: Schema.Types.Mixed,
    needsReauth: Boolean,
    reauthMessage: String,
    createdAt: Date,
    updatedAt: Date,
    updatedBy: String,
  },
  { versionKey: false, collection: 'channels' },
);

export function channelModel(conn: Connection): Model<ChannelDoc> {
  return modelFor(conn, 'Channel', ChannelSchema);
}
