import { Schema, type Connection, type Model } from 'mongoose';
import { modelFor } from '@khao/persistence';
import type { StoryFieldsDoc, VersionDoc } from '../stories/story.schema.js';

/** The whole editable state of a story at one revision: what a restore brings back. */
export interface RevisionDoc {
  _id: string; // `<storyId>:<revision>`: unique, so inserting it claims the revision
  storyId: string;
  revision: number;
  action: string;
  at: Date;
  by: string;
  fields: StoryFieldsDoc;
  versions: VersionDoc[];
}

const RevisionSchema = new Schema<RevisionDoc>(
  {
    _id: { type: String, required: true },
    storyId: { type: String, required: true },
    revision: { type: Number, required: true },
    action: { type: String, required: true },
    at: { type: Date, required: true },
    by: { type: String, required: true },
    fields: { type: Schema.Types.Mixed, required: true },
    versions: { type: Schema.Types.Mixed, required: true },
  },
  { versionKey: false, collection: 'revisions' },
);

export type RevisionModel = Model<RevisionDoc>;

export function revisionModel(conn: Connection): RevisionModel {
  return modelFor(conn, 'Revision', RevisionSchema);
}
