import { stemEnglish } from './stem.js';
import { baseLetters, isThai, normalizeForSearch } from './normalize.js';

/** Where a term stands in its unspaced run of Thai (see `analyze`). */
export const TermFlag = {
  /** Not a short word glued to another short piece: a word in its own right, not a syllable of a longer word. */
  free: 1,
  /** At one end of its run (a space, punctuation or the end of the field beside it). */
  edge: 2,
} as const;

export interface Term {
  term: string;
  /** UTF-16 offsets in the analysed text. */
  start: number;
  end: number;
  flags: number;
}

const segmenter = new Intl.Segmenter('th', { granularity: 'word' });
const SINGLE_THAI_LETTER = /^[\u0E01-\u0E2E]$/u;
const SINGLE_LETTER = /^[\u0E01-\u0E2Ea-z]$/u;
/** A dot after a Thai letter ends an abbreviation (อบต.หนองบัว, ผศ.ดร.วิไลวรรณ): it separates like a space. */
const THAI_ABBREVIATION_DOT = /(?<=[\u0E01-\u0E4E])\./gu;

/**
 * The terms of a text, for documents and queries alike: normalised (`normalizeForSearch`), cut into words by ICU's
 * dictionary (Thai has no spaces), with abbreviations made one form (สปสช. = สปสช = ส.ป.ส.ช. = ส ป ส ช), thousands
 * separators dropped (5,000 = 5000) and English stemmed. Each term carries whether it is a short piece glued to other
 * short pieces (ICU cuts unknown loanwords like ลาซานญ่า into ลา|ซาน|ญ่า) and whether it ends its run.
 */
export function analyze(text: string): Term[] {
  const normal = normalizeForSearch(text).replace(THAI_ABBREVIATION_DOT, ' ');
  const words: Term[] = [];
  for (const s of segmenter.segment(normal)) {
    if (s.isWordLike) words.push({ term: s.segment, start: s.index, end: s.index + s.segment.length, flags: 0 });
  }
  const terms = joinSpelledLetters(words, normal);
  for (const t of terms) {
    if (/^\d{1,3}(?:,\d{3})+$/u.test(t.term)) t.term = t.term.replaceAll(',', '');
    else if (/^[a-z]+$/u.test(t.term)) t.term = stemEnglish(t.term);
  }
  for (let i = 0; i < terms.length; i++) {
    const t = terms[i];
    const prev = glued(terms[i - 1], t) ? terms[i - 1] : undefined;
    const next = glued(t, terms[i + 1]) ? terms[i + 1] : undefined;
    const short = isThai(t.term) && baseLetters(t.term) <= 2;
    const shortNeighbour = [prev, next].some((n) => n && baseLetters(n.term) <= 3);
    t.flags = (short && shortNeighbour ? 0 : TermFlag.free) | (prev && next ? 0 : TermFlag.edge);
  }
  return terms;
}

/** Two Thai words with nothing between them: one unspaced run. */
function glued(a: Term | undefined, b: Term | undefined): boolean {
  return !!a && !!b && a.end === b.start && isThai(a.term) && isThai(b.term);
}

/** Letters spelled one by one with dots or spaces between them (ส.ป.ส.ช., อ บ ต) are one abbreviation. */
function joinSpelledLetters(words: Term[], text: string): Term[] {
  const out: Term[] = [];
  for (let i = 0; i < words.length; i++) {
    let j = i;
    while (
      j + 1 < words.length &&
      SINGLE_LETTER.test(words[j].term) &&
      SINGLE_LETTER.test(words[j + 1].term) &&
      /^[ .]{1,2}$/u.test(text.slice(words[j].end, words[j + 1].start)) &&
      (SINGLE_THAI_LETTER.test(words[j].term) || text.slice(words[j].end, words[j + 1].start).includes('.'))
    ) {
      j++;
    }
    if (j > i) {
      out.push({
        term: words
          .slice(i, j + 1)
          .map((w) => w.term)
          .join(''),
        start: words[i].start,
        end: words[j].end,
        flags: 0,
      });
      i = j;
    } else out.push(words[i]);
  }
  return out;
}
