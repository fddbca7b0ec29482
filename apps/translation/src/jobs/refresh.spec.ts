import { describe, expect, it } from 'vitest';
import { segmentVersion } from '../segments/segmenter.js';
import type { SegmentDoc } from './job.schema.js';
import { mergeSegments, pendingCount, statusAfterRefresh } from './refresh.js';

const v1 = segmentVersion({
  title: 'พอช. จัดเวที',
  summary: 'สรุป',
  body: '<p>ย่อหน้าแรก</p><p>ย่อหน้าสอง</p><p>ย่อหน้าสาม</p>',
});
const translated = (): SegmentDoc[] =>
  v1.segments.map((s, i) => ({
    ...s,
    target: `T${i}`,
    status: i === 2 ? 'edited' : i === 3 ? 'approved' : 'machine',
    editedBy: i === 2 ? 'u1' : null,
  }));

describe('mergeSegments', () => {
  it('keeps the translation and state of unchanged segments; only the edited one is pending', () => {
    const v2 = segmentVersion({
      title: 'พอช. จัดเวที',
      summary: 'สรุป',
      body: '<p>ย่อหน้าแรก</p><p>ย่อหน้าสองที่แก้แล้ว</p><p>ย่อหน้าสาม</p>',
    });
    const merged = mergeSegments(translated(), v2.segments);
    expect(merged.map((s) => [s.target, s.status])).toEqual([
      ['T0', 'machine'],
      ['T1', 'machine'],
      ['T2', 'edited'],
      [null, 'pending'],
      ['T4', 'machine'],
    ]);
    expect(pendingCount(merged)).toBe(1);
  });

  it('follows moved paragraphs by their hash', () => {
    const moved = segmentVersion({
      title: 'พอช. จัดเวที',
      summary: 'สรุป',
      body: '<p>ย่อหน้าสาม</p><p>ย่อหน้าแรก</p>',
    });
    expect(mergeSegments(translated(), moved.segments).map((s) => s.target)).toEqual(['T0', 'T1', 'T4', 'T2']);
  });
});

describe('statusAfterRefresh', () => {
  const segs = translated();
  it('is pending while a segment needs the provider, or waits for a translator (manual)', () => {
    const withPending = [...segs, { ...segs[0], sourceHash: 'x', target: null, status: 'pending' as const }];
    expect(statusAfterRefresh({ previous: null, segments: withPending, machine: true })).toBe('pending');
    expect(statusAfterRefresh({ previous: null, segments: withPending, machine: false })).toBe('awaiting_translator');
  });
  it('keeps the status when the segments are the same, asks for review when an approved whole changed', () => {
    expect(statusAfterRefresh({ previous: { status: 'applied', segments: segs }, segments: segs, machine: true })).toBe(
      'applied',
    );
    expect(
      statusAfterRefresh({ previous: { status: 'applied', segments: segs }, segments: segs.slice(1), machine: true }),
    ).toBe('in_review');
    expect(statusAfterRefresh({ previous: null, segments: segs, machine: true })).toBe('machine_translated');
  });
});
