/**
 * Normalising text for search, the same for documents and queries. Lengths are kept (one UTF-16 unit in, one out)
 * wherever offsets matter, so a match found in the normalised text marks the same characters in the original.
 */

const THAI_DIGIT_ZERO = 0x0e50;
/** Thai marks typed above or below a consonant: the upper/lower vowels, the tone marks and the other diacritics. */
const VOWEL_MARK = /[\u0E31\u0E34-\u0E3A\u0E47]/u;
const TONE_MARK = /[\u0E48-\u0E4C]/u;

/**
 * Lowercase, Thai digits as Arabic ones (๒๕๖๐ = 2560), and Thai marks in one order: a tone mark typed before the
 * vowel above or below it (ท + ่ + ี) is put after it (ที่), as keyboards and fonts expect. Keeps the length (apply
 * NFC first with `nfc`): an offset in the result is the same character in the input.
 */
export function normalizeForSearch(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    const code = c.charCodeAt(0);
    if (code >= THAI_DIGIT_ZERO && code <= THAI_DIGIT_ZERO + 9) {
      out += String.fromCharCode(48 + code - THAI_DIGIT_ZERO);
      continue;
    }
    const next = text[i + 1];
    if (next && TONE_MARK.test(c) && VOWEL_MARK.test(next)) {
      out += next + c;
      i++;
      continue;
    }
    const lower = c.toLowerCase();
    out += lower.length === 1 ? lower : c;
  }
  return out;
}

/** Canonical composition: what is stored and shown, so that normalising for search never changes a length. */
export const nfc = (text: string): string => text.normalize('NFC');

/** Thai consonants and vowels that take a place on the line (what a reader counts as letters, marks excluded). */
export function baseLetters(word: string): number {
  let n = 0;
  for (const c of word) if (!/[\u0E31\u0E34-\u0E3A\u0E47-\u0E4E]/u.test(c)) n++;
  return n;
}

export const isThai = (word: string): boolean => /[\u0E01-\u0E2E]/u.test(word);
