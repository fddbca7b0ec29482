import twitter from 'twitter-text';
import type { ChannelType } from '@khao/contracts';
import { segmentGraphemes, truncate } from '@khao/thai';

export type LengthUnit = 'x-weighted' | 'graphemes' | 'characters' | 'none';

/** How one platform counts a post, and its limit. */
export interface FitRules {
  unit: LengthUnit;
  /** Bluesky shows the link as readers read it (a Thai slug in Thai) and carries the encoded one in a facet. */
  readableUrl?: boolean;
  limit: number | null;
  measure(text: string): number;
}

export interface FitInput {
  template: string;
  title: string;
  summary: string;
  url: string;
  hashtags: string[];
}

export interface Fitted {
  text: string;
  length: number;
  limit: number | null;
  unit: LengthUnit;
  truncated: boolean;
}

const URL_RE = /https?:\/\/[^\s]+/gu;
const graphemeCount = (t: string) => segmentGraphemes(t).length;

/** X: twitter-text weighted length (most scripts, Thai included, 1 per code point; CJK and emoji 2; URLs 23). */
export const xLength = (t: string): number => twitter.parseTweet(t).weightedLength;

/** Mastodon: grapheme clusters, every URL counted as 23 whatever its length. */
export const mastodonLength = (t: string): number => graphemeCount(t.replace(URL_RE, 'x'.repeat(23)));

/** The counting rules of each channel type. Telegram counts UTF-16 code units; a photo caption allows 1024. */
export function rulesFor(type: ChannelType, options: Record<string, unknown> = {}, caption = false): FitRules {
  switch (type) {
    case 'x':
      return { unit: 'x-weighted', limit: 280, measure: xLength };
    case 'mastodon':
      return { unit: 'graphemes', limit: Number(options.characterLimit ?? 500), measure: mastodonLength };
    case 'bluesky':
      return { unit: 'graphemes', limit: 300, measure: graphemeCount, readableUrl: true };
    case 'line_oa':
      return { unit: 'characters', limit: 5000, measure: (t) => t.length };
    case 'telegram':
      return { unit: 'characters', limit: caption ? 1024 : 4096, measure: (t) => t.length };
    case 'facebook_page':
      return { unit: 'characters', limit: 63_206, measure: (t) => t.length };
    case 'webhook':
      return { unit: 'none', limit: null, measure: (t) => t.length };
  }
}

/** A URL as posted: percent-encoded (a Thai slug becomes ASCII), so every platform links all of it. */
export function postableUrl(url: string): string {
  return encodedUrl(url);
}

/** The URL as it appears in the text of a channel: encoded, or readable (decoded) where a facet carries the link. */
export function displayUrl(url: string, readable = false): string {
  if (!readable) return encodedUrl(url);
  try {
    return decodeURI(encodedUrl(url));
  } catch {
    return url;
  }
}

function encodedUrl(url: string): string {
  try {
    return new URL(url).href;
  } catch {
    return encodeURI(url);
  }
}

function render(template: string, title: string, summary: string, url: string, tags: string): string {
  const text = template.replace(/\{(title|summary|url|hashtags)\}/g, (_, k: string) =>
    k === 'title' ? title : k === 'summary' ? summary : k === 'url' ? url : tags,
  );
  // An empty field leaves no blank paragraphs or trailing spaces behind.
  return text
    .split('\n')
    .map((l) => l.replace(/[ \t]+$/u, ''))
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/**
 * Fits the template to the platform: the summary is shortened first, then the hashtags dropped, then the title
 * shortened; the URL is never cut. Cuts fall on word boundaries (Thai words found by ICU) or, failing one nearby,
 * between grapheme clusters, and end with an ellipsis.
 */
export function fitText(input: FitInput, rules: FitRules): Fitted {
  const url = displayUrl(input.url, rules.readableUrl);
  const tags = input.hashtags.map((h) => `#${h}`).join(' ');
  const done = (text: string, truncated: boolean): Fitted => ({
    text,
    length: rules.measure(text),
    limit: rules.limit,
    unit: rules.unit,
    truncated,
  });
  const full = render(input.template, input.title, input.summary, url, tags);
  const limit = rules.limit;
  if (limit === null || rules.measure(full) <= limit) return done(full, false);
  const fits = (t: string) => rules.measure(t) <= limit;

  const withTags = longestFit(input.summary, (s) => render(input.template, input.title, s, url, tags), fits);
  if (withTags !== null) return done(withTags, true);
  const noTags = longestFit(input.summary, (s) => render(input.template, input.title, s, url, ''), fits);
  if (noTags !== null) return done(noTags, true);
  const titleFit = longestFit(input.title, (t) => render(input.template, t, '', url, ''), fits);
  if (titleFit !== null) return done(titleFit, true);
  return done(render(input.template, '', '', url, ''), true);
}

/** The text with `field` cut to the most graphemes that still fit, or null when even an empty field does not. */
function longestFit(field: string, build: (f: string) => string, fits: (t: string) => boolean): string | null {
  const n = graphemeCount(field);
  let lo = 0;
  let hi = n;
  let best: string | null = fits(build('')) ? build('') : null;
  if (best === null) return null;
  // Binary search on the grapheme allowance; truncate() keeps clusters and prefers word boundaries.
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    const candidate = build(cut(field, mid));
    if (fits(candidate)) {
      best = candidate;
      lo = mid;
    } else hi = mid - 1;
  }
  return best;
}

/** Below this many graphemes a shortened field says nothing; it is left out instead. */
const MIN_CUT = 12;

function cut(field: string, graphemes: number): string {
  if (graphemes < MIN_CUT) return '';
  return truncate(field, graphemes);
}

/** Bluesky rich-text facets: the link and each hashtag, at UTF-8 byte offsets into the text. */
export function blueskyFacets(text: string, url: string, hashtags: string[]): unknown[] {
  const facets: unknown[] = [];
  const bytes = (s: string) => Buffer.byteLength(s, 'utf8');
  const shown = displayUrl(url, true);
  const at = text.indexOf(shown);
  if (at >= 0) {
    const byteStart = bytes(text.slice(0, at));
    facets.push({
      index: { byteStart, byteEnd: byteStart + bytes(shown) },
      features: [{ $type: 'app.bsky.richtext.facet#link', uri: postableUrl(url) }],
    });
  }
  for (const tag of hashtags) {
    const i = text.indexOf(`#${tag}`);
    if (i < 0) continue;
    const byteStart = bytes(text.slice(0, i));
    facets.push({
      index: { byteStart, byteEnd: byteStart + bytes(`#${tag}`) },
      features: [{ $type: 'app.bsky.richtext.facet#tag', tag }],
    });
  }
  return facets;
}
