import { describe, expect, it } from 'vitest';
import { analyzeFields, SearchIndex } from './engine.js';
import { parseQuery } from './query.js';

const doc = {
  key: 's1:th',
  title: 'ชาวบ้านขอนแก่นร่วมวางแผนพัฒนาที่อยู่อาศัย',
  summary: 'สภาองค์กรชุมชนจัดเวทีบ้านมั่นคง',
  body: 'ชุมชนริมน้ำมีบ้านใหม่ 120 หลัง Community housing in Khon Kaen',
  extra: 'ขอนแก่น กองบรรณาธิการ',
  extraTerms: ['2567', '2024'],
  time: 1,
};

describe('SearchIndex.analyzedOf', () => {
  it('gives back what analyzeFields cut, so a snapshot is put again without ICU and found alike', () => {
    const index = new SearchIndex();
    index.put(doc);
    const analyzed = index.analyzedOf('s1:th');
    expect(analyzed).toEqual(analyzeFields(doc));
    const again = new SearchIndex();
    again.put({ key: 's1:th', title: '', summary: '', body: '', extra: '', analyzed, time: 1 });
    for (const q of ['ที่อยู่อาศัย', 'บ้านมั่นคง', 'housing', '2024']) {
      expect(again.match(parseQuery(q)).map((h) => h.key)).toEqual(index.match(parseQuery(q)).map((h) => h.key));
      expect(again.match(parseQuery(q))).toHaveLength(1);
    }
  });

  it('gives each of many documents sharing their words its own terms back, in order, however often a word repeats', () => {
    const index = new SearchIndex();
    const docs = Array.from({ length: 40 }, (_, i) => ({
      ...doc,
      key: `s${i}:th`,
      title: `${doc.title} ครั้งที่ ${i}`,
      body: `${'ชุมชนริมน้ำ ชุมชน ริมน้ำ '.repeat(1 + (i % 7))}${doc.body} ${i % 3 ? 'บ้านมั่นคง' : ''}`,
    }));
    for (const d of docs) index.put(d);
    index.remove('s5:th');
    for (const d of docs.filter((x) => x.key !== 's5:th'))
      expect(index.analyzedOf(d.key), d.key).toEqual(analyzeFields(d));
  });

  it('is undefined for a key not indexed, or removed', () => {
    const index = new SearchIndex();
    index.put(doc);
    index.remove('s1:th');
    expect(index.analyzedOf('s1:th')).toBeUndefined();
    expect(index.analyzedOf('nope')).toBeUndefined();
  });
});
