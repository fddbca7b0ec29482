import { segmentWords } from './segment.js';

/**
 * Index terms of a text: NFC, lowercase, ICU's Thai word segmentation (which also splits English on spaces and
 * punctuation), word-like segments only, each once in first-seen order. Thai has no spaces, so without the
 * dictionary 'อุดรธานี' inside 'ชาวบ้านอุดรธานีร่วมวางแผน' could never be found.
 */
export function searchTokens(text: string): string[] {
  return [...new Set(segmentWords(text.normalize('NFC').toLowerCase(), 'th'))];
}

/** A query is cut exactly as documents are, so each query word meets the same token in the index. */
export function queryTokens(query: string): string[] {
  return searchTokens(query);
}

/** The text a phrase is looked for in: NFC, lowercase, runs of white space as one space. */
export function searchText(text: string): string {
  return text.normalize('NFC').toLowerCase().replace(/\s+/gu, ' ').trim();
}

/**
 * The phrases of a query: each run without spaces must appear as written. A Thai reader who types an unspaced
 * run ('ครัวกลาง') means those words together, not 'ครัว' in one paragraph and 'กลาง' in another.
 */
export function queryPhrases(query: string): string[] {
  return searchText(query)
    .split(' ')
    .filter((p) => searchTokens(p).length > 0);
}
