import { describe, expect, it } from 'vitest';
import { buddhistYear, formatDate, formatDateRange, segmentGraphemes, segmentWords, truncate } from './index.js';

// 10 and 11 April 2017, 10:00 in Bangkok (03:00 UTC).
const apr10 = new Date('2017-04-10T03:00:00Z');
const apr11 = new Date('2017-04-11T03:00:00Z');

describe('Thai words', () => {
  it('finds the words of an unspaced Thai run', () => {
    expect(segmentWords('ชาวบ้านอุดรธานีร่วมวางแผนพัฒนาที่อยู่อาศัย')).toEqual([
      'ชาว',
      'บ้าน',
      'อุดรธานี',
      'ร่วม',
      'วางแผน',
      'พัฒนา',
      'ที่',
      'อยู่',
      'อาศัย',
    ]);
  });

  it('keeps a consonant with its vowel and tone marks as one grapheme', () => {
    expect(segmentGraphemes('ที่น้ำ')).toEqual(['ที่', 'น้ำ']);
  });

  it('truncates on a word boundary and never inside a cluster', () => {
    const title = 'สภาองค์กรชุมชนตำบลร่วมกับพอช.จัดเวทีแลกเปลี่ยนเรื่องบ้านมั่นคง';
    const short = truncate(title, 20);
    expect(segmentGraphemes(short).length).toBeLessThanOrEqual(20);
    expect(short.endsWith('…')).toBe(true);
    expect(title.startsWith(short.slice(0, -1))).toBe(true);
    // The cut falls where a word ends.
    const words = segmentWords(short.slice(0, -1));
    expect(segmentWords(title).slice(0, words.length)).toEqual(words);
  });

  it('leaves text within the limit alone', () => {
    expect(truncate('ข่าวสั้น', 20)).toBe('ข่าวสั้น');
  });
});

describe('dates', () => {
  it('prints the Buddhist Era in Thai and the Common Era in English', () => {
    expect(formatDate(apr10, 'th')).toBe('10 เมษายน 2560');
    expect(formatDate(apr10, 'en')).toBe('10 April 2017');
    expect(buddhistYear(apr10)).toBe(2560);
  });

  it('collapses a range within one month', () => {
    expect(formatDateRange(apr10, apr11, 'th')).toBe('10–11 เมษายน 2560');
    expect(formatDateRange(apr10, apr11, 'en')).toMatch(/^10\s?–\s?11 April 2017$/);
    expect(formatDateRange(apr10, undefined, 'th')).toBe('10 เมษายน 2560');
  });

  it('uses the Bangkok date: 20:00 UTC on 31 December is already New Year in Thailand', () => {
    expect(formatDate(new Date('2016-12-31T20:00:00Z'), 'th')).toBe('1 มกราคม 2560');
  });
});
