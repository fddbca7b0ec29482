import { z } from 'zod';
import { LanguageSchema } from './articles.js';
import { defineEvent } from './events.js';
import { ActorSchema, defineRpc } from './rpc.js';

/**
 * The translation service: one job per (story, target language), its segments, the glossary, and the events it
 * publishes. Subjects and event types are wire-stable: never change one; add a `.v2` beside it.
 */

/** pending → machine_translated | awaiting_translator → in_review → approved → applied. */
export const JobStatusSchema = z.enum([
  'pending',
  'machine_translated',
  'awaiting_translator',
  'in_review',
  'approved',
  'applied',
]);
export type JobStatus = z.infer<typeof JobStatusSchema>;

export const ProviderNameSchema = z.enum(['manual', 'libretranslate', 'deepl', 'google', 'openai']);
export type ProviderName = z.infer<typeof ProviderNameSchema>;

/** Where a segment's text comes from: not yet translated, the provider, the memory, a person, or approved. */
export const SegmentStatusSchema = z.enum(['pending', 'machine', 'memory', 'edited', 'approved']);
export type SegmentStatus = z.infer<typeof SegmentStatusSchema>;

/** `<storyId>-<target language>`: one job per story and language, so a job can never be created twice. */
export const JobIdSchema = z
  .string()
  .regex(/^[0-9a-f]{24}-(th|en)$/, "must be a job id '<story id>-<language>', e.g. 6b0722b5d677dbc90e33bb0d-en");

export const SegmentSchema = z.object({
  /** Position in the job: 0 is the title, 1 the summary, then the body's blocks in order. */
  n: z.number().int(),
  /** `title`, `summary`, or the body element the text sits in (`p`, `h2`, `li`, `blockquote`, …). */
  kind: z.string(),
  /** Source text: plain text for title and summary, inline HTML for body blocks. */
  source: z.string(),
  /** sha256 of the source text: an unchanged hash keeps the translation when the source is edited. */
  sourceHash: z.string(),
  target: z.string().nullable(),
  status: SegmentStatusSchema,
  editedBy: z.string().nullable(),
  /** The machine draft as it came, kept when a person rewrites the target; null when none was made. */
  draft: z.string().nullable(),
  /** Where the draft came from: the job's provider, or the translation memory (an exact match of the source). */
  draftFrom: z.enum(['provider', 'memory']).nullable(),
  /** The job was approved before and this segment is new, retranslated or edited since. */
  changed: z.boolean(),
});
export type Segment = z.infer<typeof SegmentSchema>;

export const JobSummarySchema = z.object({
  id: z.string(),
  storyId: z.string(),
  sourceLanguage: LanguageSchema,
  targetLanguage: LanguageSchema,
  /** The source version's revision this job translates. */
  sourceRevision: z.number().int(),
  /** The source title, so a list is readable. */
  title: z.string(),
  status: JobStatusSchema,
  provider: ProviderNameSchema,
  segmentCount: z.number().int(),
  pendingCount: z.number().int(),
  /** Segments changed since the last approval (0 for a job never approved). */
  changedCount: z.number().int(),
  /** Failed provider attempts since the last success; the next one is due at nextAttemptAt. */
  attempts: z.number().int(),
  nextAttemptAt: z.string().nullable(),
  lastError: z.string().nullable(),
  approvedBy: z.string().nullable(),
  approvedAt: z.string().nullable(),
  /** The story revision that holds the applied translation. */
  appliedRevision: z.number().int().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type JobSummary = z.infer<typeof JobSummarySchema>;

export const JobSchema = JobSummarySchema.extend({
  segments: z.array(SegmentSchema),
  /** The target version as approval would write it, in the source's block structure (untranslated: source text). */
  preview: z.object({ title: z.string(), summary: z.string(), body: z.string() }),
});
export type Job = z.infer<typeof JobSchema>;

export const JobQuerySchema = z
  .object({
    status: JobStatusSchema.optional(),
    language: LanguageSchema.optional(),
    storyId: z
      .string()
      .regex(/^[0-9a-f]{24}$/, 'must be a 24-character hexadecimal id')
      .optional(),
    /** `true`: only jobs with segments changed since their last approval; `false`: only jobs without. */
    changed: z.enum(['true', 'false']).optional(),
    cursor: z.string().max(200).optional(),
    limit: z.coerce.number().int().min(1).max(100).default(20),
  })
  .strict();
export type JobQuery = z.input<typeof JobQuerySchema>;

export const SegmentEditSchema = z
  .object({
    target: z.string().max(50_000, 'must be at most 50000 characters').trim().min(1, 'target must not be empty'),
    /** The sourceHash the translator saw: if the source changed since, the edit is refused (409). */
    sourceHash: z.string().max(128).optional(),
  })
  .strict();
export type SegmentEdit = z.output<typeof SegmentEditSchema>;

// Lengths are checked before trimming: the limit is on what is sent, as the OpenAPI says.
const term = z
  .string()
  .max(200, 'must be at most 200 characters')
  .trim()
  .min(1, 'must not be empty')
  .regex(/^[^\t\n\r]*$/, 'must be one line without tabs')
  // The same rule on the untrimmed text, for the OpenAPI: something besides spaces, no tab or line break inside.
  .meta({ pattern: '^\\s*\\S(?:[^\\t\\n\\r]*\\S)?\\s*$' });

export const GlossaryEntryInputSchema = z
  .object({ sourceLanguage: LanguageSchema, targetLanguage: LanguageSchema, source: term, target: term })
  .strict()
  .refine((e) => e.sourceLanguage !== e.targetLanguage, {
    message: 'targetLanguage must differ from sourceLanguage',
    path: ['targetLanguage'],
  })
  .meta({
    // The refinement in JSON Schema: every pair of two different languages.
    anyOf: LanguageSchema.options.flatMap((from) =>
      LanguageSchema.options
        .filter((to) => to !== from)
        .map((to) => ({ properties: { sourceLanguage: { enum: [from] }, targetLanguage: { enum: [to] } } })),
    ),
  });

export const GlossaryEditSchema = z.object({ target: term }).strict();

export const GlossaryEntrySchema = z.object({
  id: z.string(),
  sourceLanguage: LanguageSchema,
  targetLanguage: LanguageSchema,
  source: z.string(),
  target: z.string(),
  updatedBy: z.string(),
  updatedAt: z.string(),
});
export type GlossaryEntry = z.infer<typeof GlossaryEntrySchema>;

export const GlossaryQuerySchema = z
  .object({ sourceLanguage: LanguageSchema.optional(), targetLanguage: LanguageSchema.optional() })
  .strict();

export const GlossaryIdSchema = z.string().regex(/^(th|en)-(th|en)-[0-9a-f]{16}$/, 'must be a glossary entry id');

const withActor = <T extends z.ZodRawShape>(shape: T) => z.object({ actor: ActorSchema, ...shape }).strict();

/** How many jobs are in each status (for the admins' health page). */
export const JobCountsSchema = z.object(
  Object.fromEntries(JobStatusSchema.options.map((s) => [s, z.number().int()])) as Record<JobStatus, z.ZodNumber>,
);
export type JobCounts = z.infer<typeof JobCountsSchema>;

export const TranslationRpc = {
  listJobs: defineRpc(
    'translation.list-jobs.v1',
    withActor({ query: JobQuerySchema }),
    z.object({ items: z.array(JobSummarySchema), nextCursor: z.string().nullable() }),
  ),
  countJobs: defineRpc('translation.count-jobs.v1', withActor({}), JobCountsSchema),
  getJob: defineRpc('translation.get-job.v1', withActor({ id: JobIdSchema }), JobSchema),
  editSegment: defineRpc(
    'translation.edit-segment.v1',
    withActor({ id: JobIdSchema, n: z.number().int().min(0), edit: SegmentEditSchema }),
    JobSchema,
  ),
  approveJob: defineRpc('translation.approve-job.v1', withActor({ id: JobIdSchema }), JobSchema),
  listGlossary: defineRpc(
    'translation.list-glossary.v1',
    withActor({ query: GlossaryQuerySchema }),
    z.object({ items: z.array(GlossaryEntrySchema) }),
  ),
  /** Adds or replaces a term (kept for callers of the first API, whose POST replaced an existing term). */
  putGlossary: defineRpc(
    'translation.put-glossary.v1',
    withActor({ entry: GlossaryEntryInputSchema }),
    GlossaryEntrySchema,
  ),
  /** Adds a term; one already there for that direction is refused (409) with the translation it has. */
  createGlossary: defineRpc(
    'translation.create-glossary.v1',
    withActor({ entry: GlossaryEntryInputSchema }),
    GlossaryEntrySchema,
  ),
  /** Changes the fixed translation of a term (the term itself is the entry's identity). */
  editGlossary: defineRpc(
    'translation.edit-glossary.v1',
    withActor({ id: GlossaryIdSchema, edit: GlossaryEditSchema }),
    GlossaryEntrySchema,
  ),
  deleteGlossary: defineRpc(
    'translation.delete-glossary.v1',
    withActor({ id: GlossaryIdSchema }),
    z.object({ id: z.string(), deleted: z.literal(true) }),
  ),
};

const JobEventBase = z.object({
  jobId: z.string(),
  storyId: z.string(),
  sourceLanguage: LanguageSchema,
  targetLanguage: LanguageSchema,
  sourceRevision: z.number().int(),
});

export const TranslationEvents = {
  /**
   * Every segment of a job has a draft (machine_translated), or a manual job is ready for a translator
   * (awaiting_translator). Once per source revision.
   */
  jobCompleted: defineEvent(
    'translation.job.completed.v1',
    JobEventBase.extend({
      status: JobStatusSchema,
      provider: ProviderNameSchema,
      segments: z.number().int(),
      /** Segments the provider translated for this revision; the rest came from memory or earlier revisions. */
      machineSegments: z.number().int(),
      memorySegments: z.number().int(),
    }),
  ),
  /** An approved translation was written into the story (as a draft, or published by policy). */
  jobApproved: defineEvent(
    'translation.job.approved.v1',
    JobEventBase.extend({
      approvedBy: z.string(),
      storyRevision: z.number().int(),
      targetStatus: z.string(),
    }),
  ),
};

/**
 * Notices for the review list each translation replica keeps in memory, not domain events: every write of a job
 * publishes its list row (or that the job is gone). Outside the `translation` family, so neither consumers nor the
 * live stream see them. Wire-stable type.
 */
export const TranslationListNotices = {
  jobListed: defineEvent(
    'list.translation-job.v1',
    z.union([
      z.object({
        jobId: z.string(),
        targetLanguage: LanguageSchema,
        status: JobStatusSchema,
        /** Some segment changed since the job's last approval. */
        changed: z.boolean(),
        updatedAt: z.string().datetime(),
      }),
      z.object({ jobId: z.string(), removed: z.literal(true) }),
    ]),
  ),
};
