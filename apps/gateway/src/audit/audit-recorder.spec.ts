import { describe, expect, it } from 'vitest';
import type { EventEnvelope } from '@khao/contracts';
import { entryIdOf } from './audit-recorder.js';

const event = (id: string, occurredAt: string): EventEnvelope => ({
  id,
  type: 'article.version.published.v1',
  version: 1,
  occurredAt,
  correlationId: 'ทดสอบ',
  data: { storyId: 's1', title: 'ชาวบ้านร่วมวางแผนพัฒนาที่อยู่อาศัยริมคลอง' },
});

describe('entryIdOf', () => {
  it('gives an event the same entry id every time, so recording it again stores nothing new', () => {
    const e = event('evt-1', '2026-12-01T09:00:00.123Z');
    expect(entryIdOf(e).toHexString()).toBe(entryIdOf({ ...e }).toHexString());
    expect(entryIdOf(e).toHexString()).not.toBe(entryIdOf(event('evt-2', e.occurredAt)).toHexString());
  });

  it('orders entries by when their events happened, to the millisecond (the trail lists newest first by id)', () => {
    const ids = ['2026-12-01T09:00:00.900Z', '2026-12-01T09:00:00.901Z', '2026-12-01T09:00:01.000Z'].map((at, i) =>
      entryIdOf(event(`z-${3 - i}`, at)).toHexString(),
    );
    expect([...ids].sort()).toEqual(ids);
    expect(entryIdOf(event('a', '2026-12-01T09:00:00.000Z')).getTimestamp().toISOString()).toBe(
      '2026-12-01T09:00:00.000Z',
    );
  });
});
