import { describe, expect, it } from 'vitest';
import { isValidSlug, segmentGraphemes, segmentWords, shortId, slugify } from './index.js';

const id = '665f1c2ab4e8a91d3c7f0e21';
const otherId = '665f1c2ab4e8a91d3c7f0e22';
const title = 'สภาองค์กรชุมชนตำบลบ้านดุงจัดเวทีแลกเปลี่ยนเรื่องบ้านมั่นคง';

describe('shortId', () => {
  it('is six base36 characters, the same for the same id', () => {
    expect(shortId(id)).toBe('bmwgdh');
    expect(shortId(id)).toBe(shortId(id));
    expect(shortId(id.toUpperCase())).toBe('bmwgdh');
  });

  it('differs for a different id, even one differing in the last digit', () => {
    expect(shortId(otherId)).toBe('pvt2sz');
  });

  it('is never empty, whatever it is given', () => {
    expect(shortId('')).toMatch(/^[0-9a-z]{6}$/u);
    expect(shortId('000000000000000000000000')).toMatch(/^[0-9a-z]{6}$/u);
  });
});

describe('slugify in Thai', () => {
  it('keeps the Thai words, readable and joined by hyphens', () => {
    expect(slugify(title, 'th', id)).toBe('สภา-องค์กร-ชุมชน-ตำบล-บ้านดุง-จัด-เวที-แลก-เปลี่ยน-เรื่อง-บ้าน-มั่นคง-bmwgdh');
  });

  it('drops punctuation and quotes, keeps digits and ASCII words lowercased', () => {
    expect(slugify('“พอช.” หนุนชาวบ้านอุดรธานีสร้างบ้านมั่นคง 120 หลัง ร่วมกับ UN-Habitat', 'th', id, 100)).toBe(
      'พอช-หนุน-ชาว-บ้าน-อุดรธานี-สร้าง-บ้าน-มั่นคง-120-หลัง-ร่วม-กับ-un-habitat-bmwgdh',
    );
  });

  it('keeps ๆ with its word, also when written after a space', () => {
    expect(slugify('เด็กๆ และผู้สูงอายุ ๆ ร่วมปลูกป่า', 'th', id)).toBe('เด็กๆ-และ-ผู้-สูง-อายุๆ-ร่วม-ปลูก-ป่า-bmwgdh');
  });

  it('cuts on a word boundary within the grapheme limit', () => {
    const slug = slugify(title, 'th', id, 20);
    expect(slug).toBe('สภา-องค์กร-ชุมชน-ตำบล-bmwgdh');
    const text = slug.slice(0, -'-bmwgdh'.length);
    expect(segmentGraphemes(text).length).toBeLessThanOrEqual(20);
    // Adding the next word would have gone over.
    expect(segmentGraphemes(`${text}-บ้านดุง`).length).toBeGreaterThan(20);
  });

  it('never splits a grapheme cluster when one word is longer than the limit', () => {
    // อุ is one cluster (a consonant with its vowel below), so two graphemes are อุ and ด.
    expect(slugify('อุดรธานี', 'th', id, 2)).toBe('อุด-bmwgdh');
    expect(slugify('ที่น้ำ', 'th', id, 1)).toBe('ที่-bmwgdh');
  });

  it('is stable for the same id and differs for another', () => {
    expect(slugify(title, 'th', id)).toBe(slugify(title, 'th', id));
    expect(slugify(title, 'th', otherId)).toBe('สภา-องค์กร-ชุมชน-ตำบล-บ้านดุง-จัด-เวที-แลก-เปลี่ยน-เรื่อง-บ้าน-มั่นคง-pvt2sz');
  });

  it('is never romanised', () => {
    const text = slugify(title, 'th', id).slice(0, -'-bmwgdh'.length);
    expect(text).not.toMatch(/[a-z]/u);
    expect(text.split('-')).toEqual(segmentWords(title));
  });

  it('falls back to ข่าว when nothing readable is left', () => {
    expect(slugify('“...” !!! 🎉🎉', 'th', id)).toBe('ข่าว-bmwgdh');
    expect(slugify('', 'th', id)).toBe('ข่าว-bmwgdh');
  });
});

describe('slugify in English', () => {
  it('is lowercase ASCII with diacritics stripped', () => {
    expect(slugify('Café in Chiang Mai', 'en', id)).toBe('cafe-in-chiang-mai-bmwgdh');
  });

  it('turns runs of anything else into one hyphen, with none at the ends', () => {
    expect(slugify('  "Baan Mankong" -- secure housing: 120 homes in Udon Thani!  ', 'en', id)).toBe(
      'baan-mankong-secure-housing-120-homes-in-udon-thani-bmwgdh',
    );
  });

  it("joins apostrophes and folds letters NFKD leaves whole ('ß', 'Ł', 'Ø')", () => {
    expect(slugify("Thailand's Straße to Łódź and Øresund", 'en', id)).toBe(
      'thailands-strasse-to-lodz-and-oresund-bmwgdh',
    );
  });

  it('cuts on a word boundary within the limit', () => {
    const slug = slugify('Community councils in Udon Thani plan secure housing with CODI', 'en', id, 30);
    expect(slug).toBe('community-councils-in-udon-bmwgdh');
  });

  it('drops Thai rather than romanising it, and falls back to story when nothing is left', () => {
    expect(slugify('อุดรธานี 2024', 'en', id)).toBe('2024-bmwgdh');
    expect(slugify('อุดรธานี', 'en', id)).toBe('story-bmwgdh');
    expect(slugify('🎉 !!!', 'en', id)).toBe('story-bmwgdh');
  });
});

describe('isValidSlug', () => {
  it('accepts what slugify makes', () => {
    expect(isValidSlug(slugify(title, 'th', id))).toBe(true);
    expect(isValidSlug(slugify('Café in Chiang Mai', 'en', id))).toBe(true);
    expect(isValidSlug(slugify('', 'en', id))).toBe(true);
  });

  it('accepts what slugify makes even from a huge limit and stacked marks', () => {
    const zalgo = 'ก' + '\u0E48'.repeat(300);
    expect(isValidSlug(slugify(`${title.repeat(20)} ${zalgo}`, 'th', id, 1000))).toBe(true);
    expect(isValidSlug(slugify(zalgo, 'th', id, 1000))).toBe(true);
  });

  it('refuses empty, too long, path, query, fragment, whitespace and edge hyphens', () => {
    expect(isValidSlug('')).toBe(false);
    expect(isValidSlug('ก'.repeat(200))).toBe(true);
    expect(isValidSlug('ก'.repeat(201))).toBe(false);
    expect(isValidSlug('ข่าว/bmwgdh')).toBe(false);
    expect(isValidSlug('ข่าว?bmwgdh')).toBe(false);
    expect(isValidSlug('ข่าว#bmwgdh')).toBe(false);
    expect(isValidSlug('ข่าว bmwgdh')).toBe(false);
    expect(isValidSlug('ข่าว\tbmwgdh')).toBe(false);
    expect(isValidSlug('ข่าว\u200Bbmwgdh')).toBe(false);
    expect(isValidSlug('-ข่าว-bmwgdh')).toBe(false);
    expect(isValidSlug('ข่าว-bmwgdh-')).toBe(false);
  });
});
