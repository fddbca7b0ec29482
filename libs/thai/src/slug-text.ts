import type { Lang } from './dates.js';
import { segmentGraphemes, segmentWords } from './segment.js';

// Browser-safe (no Node built-ins): the studio imports it for its live slug preview.

export const SHORT_ID_LENGTH = 6;
/** Longest slug a route accepts; slugify stays within it whatever the title. */
export const MAX_SLUG_LENGTH = 200;
const MAX_TEXT_LENGTH = MAX_SLUG_LENGTH - SHORT_ID_LENGTH - 1;

/** Used when nothing readable is left of the title (only punctuation or emoji). */
const FALLBACK_WORD: Record<Lang, string> = { en: 'story', th: 'ข่าว' };

/** Thai letters, vowels, tone marks, ๆ and Thai digits; not ฿ (U+0E3F) nor the ๏ ๚ ๛ punctuation. */
const THAI_KEPT = '\u0E01-\u0E3A\u0E40-\u0E4E\u0E50-\u0E59';
const NOT_KEPT = new RegExp(`[^a-z0-9${THAI_KEPT}]+`, 'gu');
const NOT_THAI = /[^\u0E00-\u0E7F]+/gu;
const ONLY_REPETITION = /^ๆ+$/u;

// Apostrophes join a word rather than split it: "Thailand's" reads better as "thailands" than "thailand-s".
const APOSTROPHES = /['’ʼ]/gu;

// Latin letters that NFKD leaves whole, so stripping diacritics alone would drop them.
const UNDECOMPOSED: Record<string, string> = {
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  ø: 'o',
  đ: 'd',
  ð: 'd',
  ł: 'l',
  þ: 'th',
  ı: 'i',
};
const UNDECOMPOSED_RE = new RegExp(`[${Object.keys(UNDECOMPOSED).join('')}]`, 'gu');

/**
 * The readable part of a slug: English as ASCII words, Thai as Thai words (never romanised), joined by '-' and cut
 * on a word boundary to at most `maxGraphemes`; 'story' / 'ข่าว' when nothing readable is left.
 */
export function slugText(title: string, lang: Lang, maxGraphemes = 60): string {
  const clean = title.normalize('NFC').replace(APOSTROPHES, '');
  const words = lang === 'th' ? thaiWords(clean) : asciiWords(clean);
  return joinWithin(words, maxGraphemes) || FALLBACK_WORD[lang];
}

function asciiWords(text: string): string[] {
  return foldLatin(text)
    .split(/[^a-z0-9]+/u)
    .filter((w) => w !== '');
}

function foldLatin(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(UNDECOMPOSED_RE, (c) => UNDECOMPOSED[c] ?? '');
}

/**
 * Words as ICU finds them, each reduced to kept characters; what a word loses inside (the '.' of '3.5') becomes '-'.
 * Thai marks are combining characters, so only the non-Thai runs are folded to ASCII: NFKD would also split 'ำ'.
 */
function thaiWords(text: string): string[] {
  const out: string[] = [];
  for (const word of segmentWords(text, 'th')) {
    const kept = word
      .toLowerCase()
      .replace(NOT_THAI, foldLatin)
      .replace(NOT_KEPT, '-')
      .replace(/^-+|-+$/gu, '');
    if (kept === '') continue;
    // Thai spells "เด็ก ๆ" with a space; ICU then sees ๆ as a word of its own, but it belongs to the word before.
    if (ONLY_REPETITION.test(kept) && out.length > 0) out[out.length - 1] += kept;
    else out.push(kept);
  }
  return out;
}

/** As many whole words as fit; a first word longer than the room is cut between graphemes. */
function joinWithin(words: string[], maxGraphemes: number): string {
  let text = '';
  for (const word of words) {
    const next = text === '' ? word : `${text}-${word}`;
    if (!fits(next, maxGraphemes)) break;
    text = next;
  }
  const [first] = words;
  if (text !== '' || first === undefined) return text;
  const clusters = segmentGraphemes(first).slice(0, Math.max(0, maxGraphemes));
  while (clusters.length > 0 && clusters.join('').length > MAX_TEXT_LENGTH) clusters.pop();
  return clusters.join('').replace(/-+$/u, '');
}

function fits(text: string, maxGraphemes: number): boolean {
  return text.length <= MAX_TEXT_LENGTH && segmentGraphemes(text).length <= maxGraphemes;
}
