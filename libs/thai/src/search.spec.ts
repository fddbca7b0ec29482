import { describe, expect, it } from 'vitest';
import { queryPhrases, queryTokens, searchText, searchTokens } from './index.js';

const story =
  '“สภาองค์กรชุมชนตำบลบ้านดุงจัดเวทีแลกเปลี่ยนเรื่องบ้านมั่นคง” ชาวบ้านอุดรธานีร่วมวางแผนกับ พอช. ' +
  'และ CODI ในโครงการ Baan Mankong ปี 2567 บ้านมั่นคง 120 หลัง';

/** A document matches when every query token is one of its tokens. */
function matches(document: string, query: string): boolean {
  const index = new Set(searchTokens(document));
  const terms = queryTokens(query);
  return terms.length > 0 && terms.every((t) => index.has(t));
}

describe('searchTokens', () => {
  it('cuts Thai runs into words, drops punctuation and spaces, lowercases, dedupes in first-seen order', () => {
    expect(searchTokens(story)).toEqual([
      'สภา',
      'องค์กร',
      'ชุมชน',
      'ตำบล',
      'บ้านดุง',
      'จัด',
      'เวที',
      'แลก',
      'เปลี่ยน',
      'เรื่อง',
      'บ้าน',
      'มั่นคง',
      'ชาว',
      'อุดรธานี',
      'ร่วม',
      'วางแผน',
      'กับ',
      'พอช',
      'และ',
      'codi',
      'ใน',
      'โครงการ',
      'baan',
      'mankong',
      'ปี',
      '2567',
      '120',
      'หลัง',
    ]);
  });

  it('gives a word from the middle of an unspaced run a token of its own', () => {
    expect(searchTokens('ชาวบ้านอุดรธานีร่วมวางแผน')).toEqual(['ชาว', 'บ้าน', 'อุดรธานี', 'ร่วม', 'วางแผน']);
  });

  it('normalizes to NFC, so a decomposed accent gives the same token', () => {
    expect(searchTokens('Cafe\u0301 CAFÉ café')).toEqual(['café']);
  });

  it('gives nothing for punctuation and emoji', () => {
    expect(searchTokens('“…” !! 🎉')).toEqual([]);
  });
});

describe('queryTokens', () => {
  it('tokenizes a query as documents are', () => {
    expect(queryTokens('บ้านมั่นคง อุดรธานี')).toEqual(['บ้าน', 'มั่นคง', 'อุดรธานี']);
  });

  it('finds a Thai word from the middle of an unspaced run', () => {
    expect(matches(story, 'อุดรธานี')).toBe(true);
    expect(matches(story, 'วางแผน')).toBe(true);
    expect(matches(story, 'เชียงใหม่')).toBe(false);
  });

  it('finds English words whatever their case', () => {
    expect(matches(story, 'codi')).toBe(true);
    expect(matches(story, 'BAAN mankong')).toBe(true);
    expect(matches(story, 'Habitat')).toBe(false);
  });

  it('finds an abbreviation written with or without its full stop', () => {
    expect(queryTokens('พอช.')).toEqual(['พอช']);
    expect(matches(story, 'พอช')).toBe(true);
  });
});

describe('queryPhrases', () => {
  it('keeps each unspaced run of a query as one phrase, normalised', () => {
    expect(queryPhrases('  ครัวกลาง   Community  ')).toEqual(['ครัวกลาง', 'community']);
    expect(queryPhrases('… “ ”')).toEqual([]);
    expect(searchText('ชาวบ้าน\n\tอุดรธานี  CODI')).toBe('ชาวบ้าน อุดรธานี codi');
  });
});
