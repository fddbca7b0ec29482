import { describe, expect, it } from 'vitest';
import {
  analyzeFields,
  editDistance,
  parseQuery,
  SearchIndex,
  snippet,
  stemEnglish,
  suggest,
  type SearchDoc,
} from '../index.js';

const doc = (
  key: string,
  title: string,
  body = '',
  extra = '',
  time = 0,
  more: Partial<SearchDoc> = {},
): SearchDoc => ({
  key,
  title,
  summary: '',
  body,
  extra,
  time,
  ...more,
});

function index(...docs: SearchDoc[]): SearchIndex {
  const ix = new SearchIndex();
  for (const d of docs) ix.put(d);
  return ix;
}
const keys = (ix: SearchIndex, q: string) => ix.search(parseQuery(q)).hits.map((h) => h.key);

describe('SearchIndex', () => {
  it('ranks a title match above a body match, and the newer first among equals', () => {
    const ix = index(
      doc('body', 'ชาวบ้านประชุม', '<p>เรื่องป่าชุมชนต้นน้ำ</p>', '', 3),
      doc('title', 'ป่าชุมชนต้นน้ำได้รับรางวัล', '', '', 1),
      doc('title-newer', 'ป่าชุมชนต้นน้ำได้รับรางวัล', '', '', 2),
    );
    expect(keys(ix, 'ป่าชุมชน')).toEqual(['title-newer', 'title', 'body']);
  });

  it('finds unspaced words that lie apart, below the exact phrase; a syllable of a compound does not count', () => {
    const ix = index(
      doc('apart', 'ชาวบ้านน่านทำแนวกันไฟปกป้องป่าชุมชนต้นน้ำ', '', 'น่าน'),
      doc('exact', 'เครือข่ายป่าชุมชนน่านจัดพิธีบวชป่า'),
      doc('compound', 'สำรวจข้อมูลครัวเรือนที่ศาลากลางจังหวัด'),
    );
    expect(keys(ix, 'ป่าชุมชนน่าน')).toEqual(['exact', 'apart']);
    // ครัว only inside ครัวเรือน, กลาง only inside ศาลากลาง
    expect(keys(ix, 'ครัวกลาง')).toEqual([]);
    expect(keys(ix, 'ครัวเรือน')).toEqual(['compound']);
  });

  it('does not match a short word that is only a syllable of a loanword', () => {
    const ix = index(
      doc('cafe', 'เพิ่มเมนูลาซานญ่าและลาเต้'),
      doc('herb', 'อสม. ตั้งแปลงยาสมุนไพรรวม'),
      doc('drink', 'ขายยาคูลท์ผสมน้ำผึ้ง'),
    );
    expect(keys(ix, 'ลา')).toEqual([]);
    expect(keys(ix, 'ลาซานญ่า')).toEqual(['cafe']);
    expect(keys(ix, 'ยา')).toEqual(['herb']);
  });

  it('forgives abbreviation dots and spacing, Thai digits, the calendar and the order of Thai marks', () => {
    const ix = index(
      doc('nhso', 'สปสช. หนุนกองทุนสุขภาพ', 'อบต.หนองบัว ปลูกป่า ๓๐๐ ไร่ เมื่อปี 2560', '', 0, { extraTerms: ['2017', '2560'] }),
    );
    for (const q of ['สปสช', 'ส.ป.ส.ช.', 'ส ป ส ช', 'อบต', 'อ.บ.ต.', 'หนองบัว', '300 ไร่', '๒๕๖๐', '2017']) {
      expect(keys(ix, q), q).toEqual(['nhso']);
    }
    // ผู้สูงอายุ typed with the tone mark before the vowel below it
    const elderly = index(doc('elderly', 'กองทุนดูแลผู้สูงอายุติดเตียง'));
    expect(keys(elderly, 'ผ\u0E49\u0E39สูงอายุ')).toEqual(['elderly']);
  });

  it('stems English plurals and verb forms', () => {
    const ix = index(doc('en', 'Families return after the floods', 'They repaired flooded houses'));
    expect(keys(ix, 'flood')).toEqual(['en']);
    expect(keys(ix, 'house repairs')).toEqual(['en']);
    expect(stemEnglish('libraries')).toBe(stemEnglish('library'));
    expect(stemEnglish('housing')).toBe(stemEnglish('houses'));
  });

  it('forgets removed and replaced documents', () => {
    const ix = index(doc('a', 'ธนาคารข้าว'), doc('b', 'ธนาคารข้าวชุมชน'));
    ix.put(doc('a', 'กองทุนหมู่บ้าน'));
    ix.remove('b');
    expect(keys(ix, 'ธนาคารข้าว')).toEqual([]);
    expect(keys(ix, 'กองทุน')).toEqual(['a']);
    expect(ix.size).toBe(1);
  });

  it('ranks, checks phrases and gives back analysed fields the same after removals compact the index', () => {
    const kept = [
      doc('k1', 'ป่าชุมชนน่านได้รางวัล', '<p>ชาวบ้านน่านทำแนวกันไฟ</p>', 'น่าน', 1),
      doc('k2', 'ชาวบ้านประชุมเรื่องป่า', '<p>ชุมชน ชุมชน ป่าชุมชนน่าน</p>', '', 2, { facet: 3 }),
      doc('k3', 'ข่าวป่าชุมชน', '<p>น่านจัดเวทีชาวบ้าน</p>', '', 3),
    ];
    const churned = new SearchIndex();
    // More than a thousand removed, more than are left: the postings and their positions are renumbered.
    for (let i = 0; i < 1200; i++) churned.put(doc(`gone${i}`, `ชาวบ้านหมู่ ${i} ป่าชุมชนน่าน`, '<p>ชุมชนบ้านนา</p>', '', i));
    churned.put(kept[0]);
    for (let i = 0; i < 600; i++) churned.remove(`gone${i}`);
    churned.put(kept[1]);
    for (let i = 600; i < 1200; i++) churned.remove(`gone${i}`);
    churned.put(kept[2]);
    const fresh = index(...kept);
    for (const q of ['ป่าชุมชนน่าน', 'ชาวบ้าน', 'ชุมชน น่าน', 'บ้านนา', 'หมู่']) {
      expect(churned.search(parseQuery(q)), q).toEqual(fresh.search(parseQuery(q)));
    }
    expect(keys(churned, 'ชาวบ้าน')).toHaveLength(3);
    expect(churned.search(parseQuery('ชาวบ้าน'), { facet: (f) => f === 3 }).hits.map((h) => h.key)).toEqual(['k2']);
    for (const d of kept) expect(churned.analyzedOf(d.key)).toEqual(fresh.analyzedOf(d.key));
    expect(churned.size).toBe(3);
  });

  it('ranks and checks phrases the same once a bulk load is fitted, and grows again for the documents after it', () => {
    // Past 512 postings and 1,024 positions a term's arrays grow by a quarter; a story's number is a term of its own.
    const story = (i: number) =>
      doc(`s${i}`, `ชาวบ้านร่วมวางแผนพัฒนาที่อยู่อาศัย ฉบับที่ ${i}`, '<p>ชุมชนริมน้ำ ชุมชนริมน้ำ บ้านมั่นคง</p>', 'น่าน', i);
    const fitted = new SearchIndex();
    for (let i = 0; i < 1500; i++) fitted.put(story(i));
    fitted.fit();
    for (let i = 1500; i < 1600; i++) fitted.put(story(i));
    fitted.remove('s7');
    const whole = index(...Array.from({ length: 1600 }, (_, i) => story(i)).filter((d) => d.key !== 's7'));
    for (const q of ['ชุมชนริมน้ำ', 'บ้านมั่นคง น่าน', 'ที่อยู่อาศัย 1555', '42', 'ริมน้ำ บ้านมั่นคง']) {
      expect(fitted.search(parseQuery(q), { limit: 20 }), q).toEqual(whole.search(parseQuery(q), { limit: 20 }));
    }
    expect(fitted.search(parseQuery('ชุมชนริมน้ำ')).total).toBe(1599);
    for (const key of ['s0', 's1499', 's1599']) expect(fitted.analyzedOf(key)).toEqual(whole.analyzedOf(key));
  });
  it('finds a phrase only within one field, at any of its words, however often the others occur', () => {
    const ix = index(
      // ชุมชน many times, น่าน once: the phrase is checked where น่าน stands
      doc('exact', 'ชุมชน ชุมชน ชุมชน', '<p>ชุมชน ชุมชน ป่าชุมชนน่าน ชุมชน</p>', '', 1),
      // ป่าชุมชน ends the title and น่าน begins the body: not one phrase
      doc('across', 'ข่าวป่าชุมชน', '<p>น่านจัดเวที</p>', '', 2),
    );
    const hits = ix.search(parseQuery('ป่าชุมชนน่าน')).hits;
    expect(hits.map((h) => [h.key, h.exact])).toEqual([
      ['exact', true],
      ['across', false],
    ]);
  });

  it('pages a phrase query of many equal matches by recency, and a one-word query as the same query would rank', () => {
    const ix = new SearchIndex();
    for (let i = 0; i < 60; i++) {
      ix.put(doc(`d${i}`, 'ชาวประมงพื้นบ้าน', '<p>ฟื้นแหล่งหญ้าทะเลให้พะยูน</p>', i % 3 ? '' : 'ตรัง', i % 7));
    }
    const page = ix.search(parseQuery('หญ้าทะเล พะยูน'), { limit: 5 });
    expect(page.total).toBe(60);
    // every document scores the same: the newest (time 6) first, then the lower slot
    expect(page.hits.map((h) => h.key)).toEqual(['d6', 'd13', 'd20', 'd27', 'd34']);
    const all = ix.search(parseQuery('หญ้าทะเล พะยูน')).hits.map((h) => h.key);
    expect(page.hits.map((h) => h.key)).toEqual(all.slice(0, 5));
    // one word, one pass: the page is the head of the full ranking, and `accept` counts in the total
    const one = ix.search(parseQuery('ตรัง'), { limit: 3, accept: () => true });
    expect(one.total).toBe(20);
    expect(one.hits.map((h) => h.key)).toEqual(
      ix
        .search(parseQuery('ตรัง'))
        .hits.slice(0, 3)
        .map((h) => h.key),
    );
    expect(ix.search(parseQuery('ตรัง'), { accept: () => false }).total).toBe(0);
  });
});

describe('snippet and suggestions', () => {
  it('cuts around the match on word boundaries and marks it', () => {
    const text = `${'ชาวบ้านร่วมกันทำแนวกันไฟ '.repeat(12)}สภาองค์กรชุมชนตำบลจัดเวที ${'ปลูกป่าต้นน้ำ '.repeat(12)}`;
    const s = snippet(text, parseQuery('สภาองค์กรชุมชน'), 80);
    expect(s.text.startsWith('…')).toBe(true);
    expect(s.text.endsWith('…')).toBe(true);
    expect(s.marks).toHaveLength(1);
    expect(s.text.slice(...s.marks[0])).toBe('สภาองค์กรชุมชน');
  });

  it('suggests the nearest indexed word when a word is unknown', () => {
    const ix = index(doc('a', 'อุดรธานี'), doc('b', 'community forest'));
    const words = () => ix.vocabulary();
    const known = (w: string) => ix.documentFrequency(w) > 0;
    expect(suggest(parseQuery('อุดรธาน'), words, known)).toBe('อุดรธานี');
    expect(suggest(parseQuery('comunity'), words, known)).toBe('community');
    expect(suggest(parseQuery('อุดรธานี'), words, known)).toBeUndefined();
    expect(editDistance('กขค', 'กขง')).toBe(1);
  });
});

describe('analysed fields kept with the document', () => {
  it('index the same as the text they were cut from', () => {
    const text = doc('a', 'สปสช. หนุนกองทุนสุขภาพ', 'ชาวบ้านน่านทำแนวกันไฟ ลาซานญ่า', 'น่าน', 5, {
      extraTerms: ['2017', '2560'],
    });
    const kept = { ...text, title: '', summary: '', body: '', extra: '', analyzed: analyzeFields(text) };
    for (const q of ['สปสช', 'น่าน', 'แนวกันไฟ', '2560', 'ลา']) {
      expect(index(kept).search(parseQuery(q)), q).toEqual(index(text).search(parseQuery(q)));
    }
    expect(keys(index(kept), '2017')).toEqual(['a']);
  });
});
