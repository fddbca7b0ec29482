import { Schema, type Connection, type Model, type Types } from 'mongoose';
import { baseSchemaOptions, modelFor, outboxField, type OutboxEntry } from '@khao/persistence';
import type { Language } from '@khao/contracts';

export interface VersionDoc {
  language: Language;
  title: string;
  summary: string;
  body: string;
  status: 'draft' | 'in_review' | 'scheduled' | 'published' | 'unpublished';
  revision: number;
}

export interface StoryDoc {
  _id: Types.ObjectId;
  sourceLanguage: Language;
  tags: string[];
  versions: VersionDoc[];
  createdBy: string;
  createdAt: Date;
  updatedAt: Date;
  outbox: OutboxEntry[];
}

const VersionSchema = new Schema<VersionDoc>(
  {
    language: { type: String, required: true },
    title: { type: String, required: true },
    summary: { type: String, default: '' },
    body: { type: String, default: '' },
    status: { type: String, required: true, default: 'draft' },
    revision: { type: Number, required: true, default: 1 },
  },
  { _id: false },
);

const StorySchema = new Schema<StoryDoc>(
  {
    sourceLanguage: { type: String, required: true },
    tags: { type: [String], default: [] },
    versions: { type: [VersionSchema], default: [] },
    createdBy: { type: String, required: true },
    ...outboxField,
  },
  { ...baseSchemaOptions, collection: 'stories' },
);
StorySchema.index({ 'outbox.id': 1 }, { sparse: true });

export type StoryModel = Model<StoryDoc>;

export function storyModel(conn: Connection): StoryModel {
  return modelFor(conn, 'Story', StorySchema);
}
