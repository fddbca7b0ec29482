import type { JobStatus } from '@khao/contracts';
import type { SourceSegment } from '../segments/segmenter.js';
import type { SegmentDoc } from './job.schema.js';

/**
 * The segments of a new source revision, keeping the translation (and its state: machine, memory, edited,
 * approved) of every segment whose source hash is unchanged; the others are pending.
 */
export function mergeSegments(previous: SegmentDoc[], fresh: SourceSegment[]): SegmentDoc[] {
  const byHash = new Map<string, SegmentDoc[]>();
  for (const s of previous) {
    if (s.target === null) continue;
    const list = byHash.get(s.sourceHash) ?? [];
    list.push(s);
    byHash.set(s.sourceHash, list);
  }
  return fresh.map((f) => {
    const kept = byHash.get(f.sourceHash)?.shift();
    if (kept) return { ...kept, kind: f.kind, source: f.source };
    return {
      kind: f.kind,
      source: f.source,
      sourceHash: f.sourceHash,
      target: null,
      status: 'pending',
      editedBy: null,
      draft: null,
      draftFrom: null,
    };
  });
}

export function sameComposition(a: SegmentDoc[], b: SegmentDoc[]): boolean {
  return a.length === b.length && a.every((s, i) => s.sourceHash === b[i].sourceHash);
}

export const pendingCount = (segments: SegmentDoc[]) => segments.filter((s) => s.target === null).length;

/** A segment changed since the job's last approval: the job was approved once and this one is not approved now. */
export const changedSinceApproval = (job: { approvedAt: Date | null }, s: SegmentDoc) =>
  job.approvedAt !== null && s.status !== 'approved';

/** The job's status after a refresh to a new source revision. */
export function statusAfterRefresh(opts: {
  previous: { status: JobStatus; segments: SegmentDoc[] } | null;
  segments: SegmentDoc[];
  machine: boolean;
}): JobStatus {
  const { previous, segments, machine } = opts;
  if (pendingCount(segments) > 0) return machine ? 'pending' : 'awaiting_translator';
  const ready: JobStatus = machine ? 'machine_translated' : 'awaiting_translator';
  if (!previous || previous.status === 'pending') return ready;
  if (sameComposition(previous.segments, segments)) return previous.status;
  // Everything is translated, but the text around it changed: a person approves the new whole.
  return previous.status === 'approved' || previous.status === 'applied' ? 'in_review' : previous.status;
}

/** "Ready": every segment has a draft (machine) or the job waits for a translator (manual). */
export const isReady = (s: JobStatus) => s === 'machine_translated' || s === 'awaiting_translator';
