import { z } from 'zod';
import { defineCollection } from '@khao/persistence';
import { StoryFieldsSchema, VersionSchema } from '../stories/story.schema.js';

/** The whole editable state of a story at one revision: what a restore brings back. */
const RevisionSchema = z.object({
  _id: z.string(), // `<storyId>:<revision>`: unique, so inserting it claims the revision
  storyId: z.string(),
  revision: z.number().int(),
  action: z.string(),
  at: z.date(),
  by: z.string(),
  fields: StoryFieldsSchema,
  versions: z.array(VersionSchema),
});

export const Revisions = defineCollection({ name: 'revisions', schema: RevisionSchema });

export type RevisionDoc = z.output<typeof RevisionSchema>;
