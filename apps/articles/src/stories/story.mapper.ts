import type { Story, StorySummary, Version } from '@khao/contracts';
import { formatDateRange, newsroomDateOf } from '@khao/thai';
import type { IndexedStory } from './story-index.js';
import type { StoryDoc, VersionDoc } from './story.schema.js';

const iso = (d: Date | null | undefined) => (d ? new Date(d).toISOString() : null);

export function toVersion(v: VersionDoc, eventDate: StoryDoc['eventDate']): Version {
  return {
    language: v.language,
    title: v.title,
    summary: v.summary,
    body: v.body,
    seo: v.seo ?? {},
    slug: v.slug,
    status: v.status,
    revision: v.revision,
    scheduledAt: iso(v.scheduledAt),
    publishedAt: iso(v.publishedAt),
    updatedAt: iso(v.updatedAt)!,
    updatedBy: v.updatedBy,
    translationOf: v.translationOf ?? null,
    dateText: dateTextOf(eventDate, v.language),
  };
}

/** The event date as the API shows it: the dates of a whole-day event (no time), instants otherwise. */
export function eventDateView(eventDate: StoryDoc['eventDate']): Story['eventDate'] {
  if (!eventDate) return null;
  const show = (d: Date) => (eventDate.allDay ? newsroomDateOf(new Date(d)) : new Date(d).toISOString());
  return { start: show(eventDate.start), ...(eventDate.end ? { end: show(eventDate.end) } : {}) };
}

/** The event date in a language's calendar: Buddhist Era in Thai, CE in English; null without an event date. */
export function dateTextOf(eventDate: StoryDoc['eventDate'], language: Version['language']): string | null {
  return eventDate
    ? formatDateRange(new Date(eventDate.start), eventDate.end ? new Date(eventDate.end) : undefined, language)
    : null;
}

function shared(doc: IndexedStory): Omit<Story, 'versions'> {
  return {
    id: doc._id,
    revision: doc.revision,
    sourceLanguage: doc.sourceLanguage,
    dateline: doc.dateline ?? {},
    eventDate: eventDateView(doc.eventDate),
    categories: doc.categories,
    tags: doc.tags,
    byline: doc.byline,
    coverMediaId: doc.coverMediaId,
    galleryMediaIds: doc.galleryMediaIds,
    createdBy: doc.createdBy,
    createdAt: iso(doc.createdAt)!,
    updatedAt: iso(doc.updatedAt)!,
  };
}

export function toStory(doc: StoryDoc): Story {
  return { ...shared(doc), versions: doc.versions.map((v) => toVersion(v, doc.eventDate)) };
}

export function toSummary(doc: IndexedStory): StorySummary {
  return {
    ...shared(doc),
    versions: doc.versions.map((v) => ({
      language: v.language,
      title: v.title,
      summary: v.summary,
      slug: v.slug,
      status: v.status,
    })),
  };
}
