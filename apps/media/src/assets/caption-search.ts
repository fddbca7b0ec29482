import type { AssetDoc } from './asset.schema.js';

type Searchable = Pick<AssetDoc, 'captions' | 'alt' | 'credit' | 'filename'>;

/**
 * The library's caption search: every word of the query (split on spaces) must appear, in any case, in the captions,
 * alt texts, credit or file name. Substrings, not words: Thai has no spaces, so "ชุมชน" finds "สภาองค์กรชุมชน".
 * An empty query matches everything (undefined: no filter).
 */
export function captionMatcher(q: string | undefined): ((doc: Searchable) => boolean) | undefined {
  const words = (q ?? '').normalize('NFC').toLocaleLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return undefined;
  return (doc) => {
    const text = [doc.captions.th, doc.captions.en, doc.alt.th, doc.alt.en, doc.credit, doc.filename]
      .filter((t): t is string => typeof t === 'string')
      .join('\n')
      .normalize('NFC')
      .toLocaleLowerCase();
    return words.every((w) => text.includes(w));
  };
}
