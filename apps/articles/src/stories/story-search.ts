import { analyzeFields, otherCalendarYear, type SearchDoc } from '@khao/thai';
import { htmlToText } from '../content/sanitize.js';
import { sharedText } from './story-state.js';
import type { StoryDoc, VersionDoc } from './story.schema.js';

/**
 * What the text search indexes of one language version: its title, summary and body, and the fields every reader
 * of it sees (tags, categories, dateline, byline), with the event date's years in both calendars (2560 and 2017);
 * already analysed when the story keeps its `searchTerms`.
 */
export function searchDocOf(
  story: StoryDoc,
  v: Pick<VersionDoc, 'language' | 'title' | 'summary' | 'body'>,
): SearchDoc {
  const key = `${story._id}:${v.language}`;
  const time = new Date(story.updatedAt).getTime();
  // What the last save analysed (derive keeps it for every version), so that a load does not cut the text again.
  const kept = story.searchTerms?.find((t) => t.language === v.language);
  if (kept && story.searchTerms?.length === story.versions.length) {
    return { key, title: '', summary: '', body: '', extra: '', analyzed: kept.fields, time };
  }
  return {
    key,
    title: v.title,
    summary: v.summary,
    body: htmlToText(v.body),
    extra: sharedText(story),
    extraTerms: eventYears(story.eventDate),
    time,
  };
}

/** Every year an event spans, CE and BE. */
function eventYears(date: StoryDoc['eventDate']): string[] {
  if (!date) return [];
  // Newsroom dates are Thai local dates: a year begins at midnight in Bangkok (UTC+7).
  const year = (d: Date) => new Date(new Date(d).getTime() + 7 * 3600_000).getUTCFullYear();
  const from = year(date.start);
  const to = Math.min(from + 10, date.end ? year(date.end) : from);
  const out: string[] = [];
  for (let y = from; y <= to; y++) out.push(String(y), otherCalendarYear(String(y)) ?? String(y + 543));
  return out;
}

/** Every version's search fields analysed, kept in the story on save (see `StoryDoc.searchTerms`). */
export function searchTermsOf(story: StoryDoc): { language: StoryDoc['sourceLanguage']; fields: string[] }[] {
  return story.versions.map((v) => {
    const { analyzed: _a, ...doc } = searchDocOf({ ...story, searchTerms: undefined }, v); // eslint-disable-line @typescript-eslint/no-unused-vars
    return { language: v.language, fields: analyzeFields(doc) };
  });
}
