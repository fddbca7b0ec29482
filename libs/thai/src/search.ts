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
