import { analyze, type Term } from './analyze.js';
import { baseLetters, isThai, nfc } from './normalize.js';

/**
 * One unspaced run of the query (a Thai reader types the words of one idea without spaces), as alternatives of
 * term sequences: a year has its other calendar's spelling as a second alternative (2560 ↔ 2017).
 */
export interface QueryGroup {
  alternatives: string[][];
}

export interface ParsedQuery {
  groups: QueryGroup[];
  /** Every term in query order (the first alternative of each group). */
  terms: string[];
}

/** Buddhist Era = CE + 543; years a newsroom writes about, in either calendar. */
const BE_OFFSET = 543;
const isCeYear = (n: number) => n >= 1900 && n <= 2200;
const isBeYear = (n: number) => n >= 2443 && n <= 2743;

/** The other calendar's spelling of a year term, if it is one. */
export function otherCalendarYear(term: string): string | undefined {
  if (!/^\d{4}$/u.test(term)) return undefined;
  const n = Number(term);
  if (isBeYear(n)) return String(n - BE_OFFSET);
  if (isCeYear(n)) return String(n + BE_OFFSET);
  return undefined;
}

/** A query as groups of terms: runs glued together (no space between them) form one group. */
export function parseQuery(query: string): ParsedQuery {
  const terms = analyze(nfc(query));
  const runs: Term[][] = [];
  for (const t of terms) {
    const last = runs.at(-1);
    if (last && last.at(-1)!.end === t.start) last.push(t);
    else runs.push([t]);
  }
  const groups = runs.map((run): QueryGroup => {
    const words = run.map((t) => t.term);
    const year = words.length === 1 ? otherCalendarYear(words[0]) : undefined;
    return { alternatives: year ? [words, [year]] : [words] };
  });
  return { groups, terms: terms.map((t) => t.term) };
}

/**
 * Whether a part of an unspaced query can stand for itself when the words of the query lie apart in a story: a
 * phrase of two words or more, a word of five letters or more, or a word that starts or ends a run there (checked
 * by the caller). Shorter words ("ครัว" of ครัวเรือน) are too often syllables of another compound.
 */
export function strongPart(words: string[]): boolean {
  return words.length > 1 || !isThai(words[0]) || baseLetters(words[0]) >= 5;
}

/** A one-word query of at most two letters (ลา, ยา): it matches only where it is a word of its own. */
export function shortWord(word: string): boolean {
  return isThai(word) && baseLetters(word) <= 2;
}
