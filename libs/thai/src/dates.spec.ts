import { describe, expect, it } from 'vitest';
import { endOfNewsroomDay, formatDateRange, isDateOnly, newsroomDateOf, startOfNewsroomDay } from './dates.js';

describe('whole newsroom days', () => {
  it('starts a day at midnight in Bangkok, which is 17:00 UTC the day before', () => {
    expect(startOfNewsroomDay('2017-04-10').toISOString()).toBe('2017-04-09T17:00:00.000Z');
    expect(endOfNewsroomDay('2017-04-10').toISOString()).toBe('2017-04-10T16:59:59.999Z');
    expect(newsroomDateOf(startOfNewsroomDay('2017-04-10'))).toBe('2017-04-10');
    expect(newsroomDateOf(endOfNewsroomDay('2017-04-10'))).toBe('2017-04-10');
  });

  it('tells dates from date-times', () => {
    expect(isDateOnly('2017-04-10')).toBe(true);
    expect(isDateOnly('2017-04-10T09:00:00+07:00')).toBe(false);
  });

  it('writes a range of whole days in each calendar', () => {
    const range = (lang: 'th' | 'en') =>
      formatDateRange(startOfNewsroomDay('2017-04-30'), startOfNewsroomDay('2017-05-02'), lang);
    expect(range('th')).toBe('30 เมษายน – 2 พฤษภาคม 2560');
    expect(range('en')).toMatch(/^30 April\s?–\s?2 May 2017$/);
  });
});
