import { Inject, Injectable } from '@nestjs/common';
import {
  JobStatusSchema,
  LanguageSchema,
  TranslationListNotices,
  type JobStatus,
  type JobSummary,
  type Language,
} from '@khao/contracts';
import { INFRA, MirroredList, type MirrorChange, type ServiceInfra } from '@khao/messaging';
import { JobsRepository } from './jobs.repository.js';

/** One job as the review list filters and sorts it; the story id is the id's prefix (`<storyId>-<language>`). */
export interface JobRow {
  id: string;
  language: Language;
  status: JobStatus;
  changed: boolean;
  /** ms since the epoch. */
  updatedAt: number;
}

export interface JobListFilter {
  status?: JobStatus;
  language?: Language;
  storyId?: string;
  changed?: boolean;
}

type Notice = typeof TranslationListNotices.jobListed;

// One string per status and language for every row, not one each (rows come from JSON and BSON).
const intern = <T extends string>(options: readonly T[]) => {
  const of = new Map<string, T>(options.map((o) => [o, o]));
  return (s: string): T => of.get(s) ?? (s as T);
};
const status = intern(JobStatusSchema.options);
const language = intern(LanguageSchema.options);
const statuses = new Set<string>(JobStatusSchema.options);
const languages = new Set<string>(LanguageSchema.options);

/** A row read back from a snapshot, if it is one. */
function revive(r: unknown): JobRow | undefined {
  const { id, language: l, status: s, changed, updatedAt } = (r ?? {}) as Partial<Record<keyof JobRow, unknown>>;
  if (typeof id !== 'string' || typeof l !== 'string' || !languages.has(l)) return;
  if (typeof s !== 'string' || !statuses.has(s) || typeof changed !== 'boolean' || typeof updatedAt !== 'number')
    return;
  return { id, language: language(l), status: status(s), changed, updatedAt };
}

/** The list's key: newest change first, then id; a cursor is the last item's key. */
export const keyOf = (r: { updatedAt: number | string; id: string }) =>
  `${new Date(r.updatedAt).toISOString()}|${r.id}`;

/**
 * This replica's review list (see ListMirror): a row per job, in the list's order (newest change first), kept
 * current by every replica's summary writes. The page's summaries are then read by `_id`.
 */
@Injectable()
export class JobList extends MirroredList<JobRow, Notice> {
  constructor(jobs: JobsRepository, @Inject(INFRA) infra: ServiceInfra) {
    super(
      infra,
      'job-list',
      {
        what: 'translation jobs',
        notice: TranslationListNotices.jobListed,
        toNotice: (c) =>
          'row' in c
            ? {
                jobId: c.row.id,
                targetLanguage: c.row.language,
                status: c.row.status,
                changed: c.row.changed,
                updatedAt: new Date(c.row.updatedAt).toISOString(),
              }
            : { jobId: c.removed, removed: true },
        fromNotice: (d): MirrorChange<JobRow> =>
          'removed' in d
            ? { removed: d.jobId }
            : {
                row: {
                  id: d.jobId,
                  language: language(d.targetLanguage),
                  status: status(d.status),
                  changed: d.changed,
                  updatedAt: Date.parse(d.updatedAt),
                },
              },
        compare: (a, b) => b.updatedAt - a.updatedAt || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0),
        supersedes: (incoming, current) => incoming.updatedAt >= current.updatedAt,
        load: () => rowsOf(jobs.summaries()),
      },
      { collection: 'job_list_snapshots', format: 1, revive },
    );
    jobs.observe({ changed: (s) => this.mirror.changed(rowOf(s)), removed: (id) => this.mirror.removed(id) });
  }

  /** Up to `limit` rows that match, after the cursor's key (`updatedAt|id`, as {@link keyOf}). */
  page(filter: JobListFilter, after: string | null, limit: number): JobRow[] {
    return this.mirror.page(after === null ? undefined : (r) => keyOf(r) >= after, matches(filter), limit);
  }

  /** The summaries read for a page's rows, as the mirror confirms them against the rows (see ListMirror.confirm). */
  confirm(filter: JobListFilter, rows: JobRow[], read: JobSummary[]): JobSummary[] {
    return this.mirror.confirm(rows, read, rowOf, matches(filter));
  }

  countByStatus(): Map<string, number> {
    return this.mirror.countBy((r) => r.status);
  }
}

const matches = (f: JobListFilter) => (r: JobRow) =>
  (f.status === undefined || r.status === f.status) &&
  (f.language === undefined || r.language === f.language) &&
  (f.changed === undefined || r.changed === f.changed) &&
  (f.storyId === undefined || r.id === `${f.storyId}-${r.language}`);

function rowOf(s: JobSummary): JobRow {
  return {
    id: s.id,
    language: language(s.targetLanguage),
    status: status(s.status),
    changed: s.changedCount > 0,
    updatedAt: Date.parse(s.updatedAt),
  };
}

async function* rowsOf(summaries: AsyncIterable<JobSummary>): AsyncGenerator<JobRow> {
  for await (const s of summaries) yield rowOf(s);
}
