import { htmlToText } from '../content/sanitize.js';
import { searchText, searchTokens, slugify } from '@khao/thai';
import { searchTermsOf } from './story-search.js';
import type { PublicTermsDoc, StoryDoc, StoryFieldsDoc, VersionDoc } from './story.schema.js';

/** Recomputes what queries need from the editable state: slugs, search tokens, status keys, schedule. */
export function derive(story: StoryDoc): void {
  const id = story._id;
  for (const v of story.versions) {
    const slug = slugify(v.title, v.language, id);
    v.slug = slug;
    const key = `${v.language}:${slug}`;
    if (!story.slugs.includes(key)) story.slugs.push(key);
  }
  // Each part is cut once: words never cross the line breaks between parts, so the story's words are their union.
  const shared = cut(sharedText(story));
  const versions = story.versions.map((v) => cut(versionText(v)));
  story.tokens = [...new Set([...versions.flatMap((v) => v.tokens), ...shared.tokens])];
  story.searchText = searchText([...versions.map((v) => v.text), shared.text].join('\n'));
  story.publicTerms = publicTermsOf(story, { shared, versions });
  story.searchTerms = searchTermsOf(story);
  story.langStatus = story.versions.map((v) => `${v.language}:${v.status}`);
  story.eventStart = story.eventDate ? new Date(story.eventDate.start) : null;
  const scheduled = story.versions
    .filter((v) => v.status === 'scheduled' && v.scheduledAt)
    .map((v) => new Date(v.scheduledAt!).getTime());
  story.nextScheduledAt = scheduled.length ? new Date(Math.min(...scheduled)) : null;
}

/** The searchable text of one language version: its title, summary and the text of its body. */
export function versionText(v: Pick<VersionDoc, 'title' | 'summary' | 'body'>): string {
  return [v.title, v.summary, htmlToText(v.body)].join('\n');
}

/** The searchable text all versions share (every reader of any version sees it): tags, categories, dateline, byline. */
export function sharedText(s: Pick<StoryFieldsDoc, 'tags' | 'categories' | 'dateline' | 'byline'>): string {
  return [...s.tags, ...s.categories, s.dateline.place ?? '', s.dateline.province ?? '', s.byline].join('\n');
}

interface Cut {
  text: string;
  tokens: string[];
}
const cut = (text: string): Cut => ({ text, tokens: searchTokens(text) });

/**
 * What the public search matches, per published version: its words and text with the fields every reader sees.
 * `cuts` (by version index) saves cutting again what derive() has just cut.
 */
export function publicTermsOf(
  story: Pick<StoryDoc, 'versions' | 'tags' | 'categories' | 'dateline' | 'byline'>,
  cuts?: { shared: Cut; versions: Cut[] },
): PublicTermsDoc[] {
  const shared = cuts?.shared ?? cut(sharedText(story));
  return story.versions.flatMap((v, i) => {
    if (v.status !== 'published') return [];
    const own = cuts?.versions[i] ?? cut(versionText(v));
    return [
      {
        language: v.language,
        tokens: [...new Set([...own.tokens, ...shared.tokens])],
        searchText: searchText(`${own.text}\n${shared.text}`),
      },
    ];
  });
}

export function versionOf(story: StoryDoc, language: string): VersionDoc | undefined {
  return story.versions.find((v) => v.language === language);
}

/** A copy to change: nested values are new, Dates are shared (never mutated in place). */
export function cloneStory(story: StoryDoc): StoryDoc {
  return {
    ...story,
    dateline: { ...story.dateline },
    eventDate: story.eventDate ? { ...story.eventDate } : null,
    categories: [...story.categories],
    tags: [...story.tags],
    galleryMediaIds: [...story.galleryMediaIds],
    versions: story.versions.map((v) => ({ ...v, seo: { ...v.seo } })),
    slugs: [...story.slugs],
    tokens: [...story.tokens],
    publicTerms: [...(story.publicTerms ?? [])],
    ...(story.searchTerms ? { searchTerms: [...story.searchTerms] } : {}),
    langStatus: [...story.langStatus],
    history: [...(story.history ?? [])],
    outbox: [...(story.outbox ?? [])],
  };
}
