import { createHash } from 'node:crypto';
import type { Lang } from './dates.js';
import { MAX_SLUG_LENGTH, SHORT_ID_LENGTH, slugText } from './slug-text.js';

const SHORT_ID_SPACE = 36n ** BigInt(SHORT_ID_LENGTH);

/**
 * Six lowercase base36 characters from the sha256 of the id: the same id always gives the same short id, and
 * hashing spreads ObjectIds, whose leading bytes are a timestamp and trailing bytes a counter.
 */
export function shortId(hexId: string): string {
  const digest = createHash('sha256').update(hexId.trim().toLowerCase()).digest();
  return (digest.readBigUInt64BE(0) % SHORT_ID_SPACE).toString(36).padStart(SHORT_ID_LENGTH, '0');
}

/**
 * English slugs are ASCII words, Thai slugs readable Thai words (never romanised), joined by '-', cut on a word
 * boundary to at most `maxGraphemes`, then '-' and the short id; an empty title gives 'story-' / 'ข่าว-' + short id.
 */
export function slugify(title: string, lang: Lang, id: string, maxGraphemes = 60): string {
  return `${slugText(title, lang, maxGraphemes)}-${shortId(id)}`;
}

/** A slug a route accepts: 1–200 characters, nothing that ends a path segment or hides in a URL, no edge '-'. */
export function isValidSlug(slug: string): boolean {
  if (slug.length === 0 || slug.length > MAX_SLUG_LENGTH) return false;
  if (/[/?#\s\p{Cc}\p{Cf}]/u.test(slug)) return false;
  return !slug.startsWith('-') && !slug.endsWith('-');
}
