import { analyze } from './analyze.js';
import { nfc } from './normalize.js';
import type { ParsedQuery } from './query.js';

export interface Snippet {
  /** A piece of the text, cut on word boundaries, with "…" where it was cut. */
  text: string;
  /** The matched words: [start, end) UTF-16 offsets into `text`. */
  marks: [number, number][];
}

const words = new Intl.Segmenter('th', { granularity: 'word' });

/**
 * The part of `text` around the query's words, at most about `max` characters, cut on word boundaries (Thai words
 * by ICU, never inside a cluster), with the matched words marked. Starts the window a little before the first match
 * of the query's rarest-looking (longest) word; without a match, the text's beginning.
 */
export function snippet(text: string, query: ParsedQuery, max = 180): Snippet {
  const source = nfc(text).replace(/\s+/gu, ' ').trim();
  const wanted = new Set(query.groups.flatMap((g) => g.alternatives.flat()));
  const terms = analyze(source);
  const hits = terms.filter((t) => wanted.has(t.term));
  const anchor = hits.length ? hits.reduce((a, b) => (b.term.length > a.term.length ? b : a), hits[0]) : undefined;
  let from = 0;
  if (anchor && anchor.start > max / 4) from = boundaryBefore(source, Math.max(0, anchor.start - Math.floor(max / 4)));
  let to = boundaryBefore(source, Math.min(source.length, from + max), true);
  if (to <= from) to = Math.min(source.length, from + max);
  const lead = from > 0 ? '…' : '';
  const tail = to < source.length ? '…' : '';
  const body = source.slice(from, to).trim();
  const shift = lead.length - from - (source.slice(from, to).length - source.slice(from, to).trimStart().length);
  const marks = mergeMarks(
    hits.filter((t) => t.start >= from && t.end <= to).map((t): [number, number] => [t.start + shift, t.end + shift]),
  );
  return { text: lead + body + tail, marks };
}

/** The last word boundary at or before `at` (the end of the text counts when `orEnd`). */
function boundaryBefore(text: string, at: number, orEnd = false): number {
  if (orEnd && at >= text.length) return text.length;
  let best = 0;
  for (const s of words.segment(text)) {
    if (s.index > at) break;
    best = s.index;
  }
  return best;
}

/** Adjacent marks (the words of one phrase) become one. */
function mergeMarks(marks: [number, number][]): [number, number][] {
  const out: [number, number][] = [];
  for (const m of marks) {
    const last = out.at(-1);
    if (last && m[0] <= last[1] + 1) last[1] = Math.max(last[1], m[1]);
    else out.push([...m]);
  }
  return out;
}
