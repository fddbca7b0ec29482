import { z } from 'zod';
import {
  ActorSchema,
  JobStatusSchema,
  LanguageSchema,
  ProviderNameSchema,
  SegmentStatusSchema,
  type Language,
} from '@khao/contracts';
import { defineCollection, outboxField } from '@khao/persistence';

const SegmentSchema = z.object({
  kind: z.string(),
  source: z.string(),
  sourceHash: z.string(),
  target: z.string().nullable(),
  status: SegmentStatusSchema,
  editedBy: z.string().nullable(),
  /** The provider's or the memory's text, kept when a person rewrites the target (absent on older jobs). */
  draft: z.string().nullable().optional(),
  draftFrom: z.enum(['provider', 'memory']).nullable().optional(),
});
export type SegmentDoc = z.output<typeof SegmentSchema>;

const JobSchema = z.object({
  /** `<storyId>-<target language>`: one job per story and language. */
  _id: z.string(),
  storyId: z.string(),
  sourceLanguage: LanguageSchema,
  targetLanguage: LanguageSchema,
  /** The source version's revision the segments were cut from; a refresh needs a higher one. */
  sourceRevision: z.number().int(),
  title: z.string().default(''),
  status: JobStatusSchema,
  provider: ProviderNameSchema,
  segments: z.array(SegmentSchema).default([]),
  /** The body's markup between its segments (see segmentBody). */
  skeleton: z.array(z.string()).default([]),
  attempts: z.number().int().default(0),
  nextAttemptAt: z.date().nullable().default(null),
  lastError: z.string().nullable().default(null),
  /** Segments the provider / the memory filled for the current source revision (for the completed event). */
  machineSegments: z.number().int().default(0),
  memorySegments: z.number().int().default(0),
  approvedBy: ActorSchema.nullable().default(null),
  approvedAt: z.date().nullable().default(null),
  appliedRevision: z.number().int().nullable().default(null),
  createdAt: z.date(),
  updatedAt: z.date(),
  ...outboxField,
});

/** Reads and writes are by `_id`; the review list reads the small `job_index` instead (see JobsRepository). */
export const Jobs = defineCollection({ name: 'jobs', schema: JobSchema });
export type JobDoc = z.output<typeof JobSchema>;

export function jobId(storyId: string, target: Language): string {
  return `${storyId}-${target}`;
}
