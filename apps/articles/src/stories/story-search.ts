import { otherCalendarYear, type SearchDoc } from '@khao/thai';
import { htmlToText } from '../content/sanitize.js';
import { sharedText } from './story-state.js';
import type { StoryDoc, VersionDoc } from './story.schema.js';

/**
 * What the text search indexes of one language version: its title, summary and body, and the fields every reader
 * of it sees (tags, categories, dateline, byline), with the event date's years in both calendars (2560 and 2017).
 */
export function searchDocOf(
  story: StoryDoc,
  v: Pick<VersionDoc, 'language' | 'title' | 'summary' | 'body'>,
): SearchDoc {
  return {
    key: `${story._id}:${v.language}`,
    title: v.title,
    summary: v.summary,
    body: htmlToText(v.body),
    extra: sharedText(story),
    extraTerms: eventYears(story.eventDate),
    time: new Date(story.updatedAt).getTime(),
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
