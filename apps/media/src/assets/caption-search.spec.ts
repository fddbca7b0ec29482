import { describe, expect, it } from 'vitest';
import { captionMatcher } from './caption-search.js';

const photo = {
  captions: { th: 'ผู้นำชุมชนบ้านดุงร่วมเวทีบ้านมั่นคง', en: 'Community leaders of Ban Dung' },
  alt: { th: 'ชาวบ้านนั่งฟังในศาลา' },
  credit: 'CODI Udon Thani',
  filename: 'IMG 3551.jpg',
};

describe('captionMatcher', () => {
  it('is no filter for an empty query', () => {
    expect(captionMatcher(undefined)).toBeUndefined();
    expect(captionMatcher('   ')).toBeUndefined();
  });

  it('finds Thai inside unspaced text, English in any case, credit and file name', () => {
    expect(captionMatcher('บ้านมั่นคง')!(photo)).toBe(true);
    expect(captionMatcher('BAN dung')!(photo)).toBe(true);
    expect(captionMatcher('codi')!(photo)).toBe(true);
    expect(captionMatcher('img 3551')!(photo)).toBe(true);
    expect(captionMatcher('ศาลา')!(photo)).toBe(true);
  });

  it('needs every word', () => {
    expect(captionMatcher('ชุมชน flood')!(photo)).toBe(false);
    expect(captionMatcher('น้ำท่วม')!({ captions: {}, alt: {}, credit: '', filename: null })).toBe(false);
  });
});
