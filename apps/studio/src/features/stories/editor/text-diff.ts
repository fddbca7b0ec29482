import { diffArrays } from 'diff';

export interface DiffPart {
  text: string;
  added: boolean;
  removed: boolean;
}

const words = new Intl.Segmenter('th', { granularity: 'word' });

/** Plain text of body HTML, one line per block, for comparing what people read. */
export function htmlText(html: string): string {
  const doc = new DOMParser().parseFromString(html, 'text/html');
  return Array.from(doc.body.querySelectorAll('p,h2,h3,h4,li,blockquote,figcaption,td,th'))
    .filter((el) => !el.querySelector('p,li'))
    .map((el) => el.textContent?.trim() ?? '')
    .filter((line) => line !== '')
    .join('\n');
}

/**
 * A word-level diff from `before` to `after`: Thai is cut into words with Intl.Segmenter (it has no spaces), so a
 * changed word shows as that word, not as the whole sentence.
 */
export function diffWords(before: string, after: string): DiffPart[] {
  const split = (s: string) => Array.from(words.segment(s), (x) => x.segment);
  return diffArrays(split(before), split(after)).map((c) => ({
    text: c.value.join(''),
    added: Boolean(c.added),
    removed: Boolean(c.removed),
  }));
}
