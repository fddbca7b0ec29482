const wordSegmenters = new Map<string, Intl.Segmenter>();

function wordSegmenter(locale: string): Intl.Segmenter {
  let s = wordSegmenters.get(locale);
  if (!s) {
    s = new Intl.Segmenter(locale, { granularity: 'word' });
    wordSegmenters.set(locale, s);
  }
  return s;
}

const graphemes = new Intl.Segmenter('th', { granularity: 'grapheme' });

/** Words of `text` (Thai has no spaces between words: ICU's dictionary finds the boundaries). */
export function segmentWords(text: string, locale = 'th'): string[] {
  const out: string[] = [];
  for (const s of wordSegmenter(locale).segment(text)) if (s.isWordLike) out.push(s.segment);
  return out;
}

/** Grapheme clusters: a Thai consonant with its vowel and tone marks is one, never split. */
export function segmentGraphemes(text: string): string[] {
  return Array.from(graphemes.segment(text), (s) => s.segment);
}

/**
 * Shortens `text` to at most `max` graphemes (ellipsis included), cutting on a word boundary when one exists in
 * the second half of the allowance, otherwise on a grapheme boundary: never inside a Thai cluster.
 */
export function truncate(text: string, max: number, ellipsis = '…'): string {
  const clusters = segmentGraphemes(text);
  if (clusters.length <= max) return text;
  const room = Math.max(0, max - segmentGraphemes(ellipsis).length);
  let cut = 0;
  let count = 0;
  for (const s of wordSegmenter('th').segment(text)) {
    const len = segmentGraphemes(s.segment).length;
    if (count + len > room) break;
    count += len;
    cut = s.index + s.segment.length;
  }
  let head = count >= room / 2 ? text.slice(0, cut) : clusters.slice(0, room).join('');
  head = head.replace(/\s+$/u, '');
  return head + ellipsis;
}
