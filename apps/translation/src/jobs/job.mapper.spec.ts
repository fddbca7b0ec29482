import { describe, expect, it } from 'vitest';
import type { JobDoc, SegmentDoc } from './job.schema.js';
import { toJob, toSummary } from './job.mapper.js';

const seg = (over: Partial<SegmentDoc>): SegmentDoc => ({
  kind: 'p',
  source: 'พอช. จัดเวที',
  sourceHash: 'h',
  target: null,
  status: 'pending',
  editedBy: null,
  ...over,
});

function job(segments: SegmentDoc[], approvedAt: Date | null = null): JobDoc {
  const now = new Date('2026-12-01T00:00:00Z');
  return {
    _id: '0123456789abcdef01234567-en',
    storyId: '0123456789abcdef01234567',
    sourceLanguage: 'th',
    targetLanguage: 'en',
    sourceRevision: 2,
    title: 'ข่าว',
    status: 'in_review',
    provider: 'deepl',
    segments,
    skeleton: ['<p>', '</p><p>', '</p>'],
    attempts: 0,
    nextAttemptAt: null,
    lastError: null,
    machineSegments: 0,
    memorySegments: 0,
    approvedBy: null,
    approvedAt,
    appliedRevision: null,
    createdAt: now,
    updatedAt: now,
    outbox: [],
  };
}

describe('job mapper', () => {
  it('keeps the machine draft beside an edited target, and reads drafts of jobs written before drafts were kept', () => {
    const j = toJob(
      job([
        seg({
          kind: 'title',
          target: 'CODI holds a forum',
          status: 'edited',
          draft: 'Por Chor forum',
          draftFrom: 'provider',
        }),
        seg({ kind: 'summary', target: 'From memory', status: 'memory' }),
        seg({ target: 'Machine', status: 'machine' }),
        seg({ source: 'ใหม่' }),
      ]),
    );
    expect(j.segments.map((s) => [s.draft, s.draftFrom])).toEqual([
      ['Por Chor forum', 'provider'],
      ['From memory', 'memory'],
      ['Machine', 'provider'],
      [null, null],
    ]);
  });

  it('marks what changed since the last approval, and counts it in the summary', () => {
    const segments = [
      seg({ kind: 'title', target: 'T', status: 'approved' }),
      seg({ kind: 'summary', target: 'S', status: 'machine' }),
      seg({ target: 'P', status: 'approved' }),
      seg({ target: 'Q', status: 'edited' }),
    ];
    expect(toJob(job(segments)).segments.map((s) => s.changed)).toEqual([false, false, false, false]);
    const approvedOnce = job(segments, new Date('2026-11-30T00:00:00Z'));
    expect(toJob(approvedOnce).segments.map((s) => s.changed)).toEqual([false, true, false, true]);
    expect(toSummary(approvedOnce).changedCount).toBe(2);
  });

  it('previews the target in the source structure, the source standing in for what has no translation yet', () => {
    const j = toJob(
      job([
        seg({ kind: 'title', target: 'Title', status: 'edited' }),
        seg({ kind: 'summary' }),
        seg({ target: 'One' }),
        seg({ source: 'สอง' }),
      ]),
    );
    expect(j.preview).toEqual({ title: 'Title', summary: 'พอช. จัดเวที', body: '<p>One</p><p>สอง</p>' });
  });
});
