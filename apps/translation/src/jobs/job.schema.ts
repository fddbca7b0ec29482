import { Schema, type Connection, type Model } from 'mongoose';
import { modelFor, outboxField, type OutboxEntry } from '@khao/persistence';
import type { Actor, JobStatus, Language, ProviderName, SegmentStatus } from '@khao/contracts';

export interface SegmentDoc {
  kind: string;
  source: string;
  sourceHash: string;
  target: string | null;
  status: SegmentStatus;
  editedBy: string | null;
  /** The provider's or the memory's text, kept when a person rewrites the target (absent on older jobs). */
  draft?: string | null;
  draftFrom?: 'provider' | 'memory' | null;
}

export interface JobDoc {
  /** `<storyId>-<target language>`: one job per story and language. */
  _id: string;
  storyId: string;
  sourceLanguage: Language;
  targetLanguage: Language;
  /** The source version's revision the segments were cut from; a refresh needs a higher one. */
  sourceRevision: number;
  title: string;
  status: JobStatus;
  provider: ProviderName;
  segments: SegmentDoc[];
  /** The body's markup between its segments (see segmentBody). */
  skeleton: string[];
  attempts: number;
  nextAttemptAt: Date | null;
  lastError: string | null;
  /** Segments the provider / the memory filled for the current source revision (for the completed event). */
  machineSegments: number;
  memorySegments: number;
  approvedBy: Actor | null;
  approvedAt: Date | null;
  appliedRevision: number | null;
  createdAt: Date;
  updatedAt: Date;
  outbox: OutboxEntry[];
}

const JobSchema = new Schema<JobDoc>(
  {
    _id: { type: String, required: true },
    storyId: { type: String, required: true },
    sourceLanguage: { type: String, required: true },
    targetLanguage: { type: String, required: true },
    sourceRevision: { type: Number, required: true },
    title: { type: String, default: '' },
    status: { type: String, required: true },
    provider: { type: String, required: true },
    segments: { type: Schema.Types.Mixed, default: [] },
    skeleton: { type: [String], default: [] },
    attempts: { type: Number, default: 0 },
    nextAttemptAt: { type: Date, default: null },
    lastError: { type: String, default: null },
    machineSegments: { type: Number, default: 0 },
    memorySegments: { type: Number, default: 0 },
    approvedBy: { type: Schema.Types.Mixed, default: null },
    approvedAt: { type: Date, default: null },
    appliedRevision: { type: Number, default: null },
    createdAt: { type: Date, required: true },
    updatedAt: { type: Date, required: true },
    ...outboxField,
  },
  { versionKey: false, timestamps: false, collection: 'jobs' },
);
// Reads and writes are by _id; only the review list reads the collection whole (see JobsRepository.list).

export type JobModel = Model<JobDoc>;

export function jobModel(conn: Connection): JobModel {
  return modelFor(conn, 'TranslationJob', JobSchema);
}

export function jobId(storyId: string, target: Language): string {
  return `${storyId}-${target}`;
}
