import type { ParsedQuery } from './query.js';

/**
 * "Did you mean": each query word the index does not hold is replaced by the indexed word nearest to it by edit
 * distance (at most 1 for words up to four characters, 2 beyond), the more common one among equals. In an unspaced
 * run the unknown pieces are joined first (ICU cuts a misspelt word into odd pieces: ลาดตระเวร → ลาด|ตระ|เวร).
 * Undefined when every word is known or nothing is near.
 */
export function suggest(
  query: ParsedQuery,
  vocabulary: () => Iterable<[string, number]>,
  known: (word: string) => boolean,
): string | undefined {
  let changed = false;
  const ok = (w: string) => known(w) || /^\d+$/u.test(w);
  const out = query.groups.map((g) => {
    const words = g.alternatives[0];
    const first = words.findIndex((w) => !ok(w));
    if (first < 0) return words.join('');
    // The unknown middle of the run, from its first unknown piece to its last, is what was misspelt.
    const last = words.length - 1 - [...words].reverse().findIndex((w) => !ok(w));
    const fix = nearest(words.slice(first, last + 1).join(''), vocabulary);
    if (fix === undefined) return words.join('');
    changed = true;
    return [...words.slice(0, first), fix, ...words.slice(last + 1)].join('');
  });
  return changed ? out.join(' ') : undefined;
}

function nearest(word: string, vocabulary: () => Iterable<[string, number]>): string | undefined {
  const limit = [...word].length <= 4 ? 1 : 2;
  let best: { word: string; d: number; df: number } | undefined;
  for (const [candidate, df] of vocabulary()) {
    if (Math.abs(candidate.length - word.length) > limit) continue;
    const d = editDistance(word, candidate, limit);
    if (d <= limit && (!best || d < best.d || (d === best.d && df > best.df))) best = { word: candidate, d, df };
  }
  return best?.word;
}

/** Levenshtein distance over code points, giving up (limit + 1) as soon as it must exceed `limit`. */
export function editDistance(a: string, b: string, limit = Infinity): number {
  const x = [...a];
  const y = [...b];
  let prev = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const cur = [i];
    let rowMin = i;
    for (let j = 1; j <= y.length; j++) {
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (x[i - 1] === y[j - 1] ? 0 : 1));
      rowMin = Math.min(rowMin, cur[j]);
    }
    if (rowMin > limit) return limit + 1;
    prev = cur;
  }
  return prev[y.length];
}
