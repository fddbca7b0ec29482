import { ArticleEvents, storyUrl, type EventDefinition, type VersionEvent } from '@khao/contracts';
import { outboxEntry, type OutboxEntry } from '@khao/persistence';
import type { StoryDoc, VersionDoc } from './story.schema.js';

function payload(story: StoryDoc, v: VersionDoc, base: string, by: string): VersionEvent {
  return {
    storyId: story._id,
    language: v.language,
    sourceLanguage: story.sourceLanguage,
    translationOf: v.translationOf,
    slug: v.slug,
    title: v.title,
    summary: v.summary,
    url: storyUrl(base, v.language, v.slug),
    coverMediaId: story.coverMediaId,
    revision: story.revision,
    status: v.status,
    publishedAt: v.publishedAt ? new Date(v.publishedAt).toISOString() : null,
    by,
  };
}

const sharedChanged = (a: StoryDoc, b: StoryDoc) =>
  JSON.stringify([a.dateline, a.eventDate, a.categories, a.tags, a.byline, a.coverMediaId, a.galleryMediaIds]) !==
  JSON.stringify([b.dateline, b.eventDate, b.categories, b.tags, b.byline, b.coverMediaId, b.galleryMediaIds]);

const contentChanged = (a: VersionDoc, b: VersionDoc) =>
  JSON.stringify([a.title, a.summary, a.body, a.seo, a.slug]) !==
  JSON.stringify([b.title, b.summary, b.body, b.seo, b.slug]);

/**
 * The events a save implies, from the state before and after it, one rule per fact: going live is "published",
 * leaving it "unpublished", a change while live "updated" (a correction), a change while not live "saved",
 * entering review "submitted".
 */
export function eventsFor(prev: StoryDoc | null, next: StoryDoc, base: string, by: string): OutboxEntry[] {
  const out: OutboxEntry[] = [];
  const emit = (def: EventDefinition, v: VersionDoc) => out.push(outboxEntry(def, payload(next, v, base, by)));
  const shared = prev ? sharedChanged(prev, next) : false;
  for (const v of next.versions) {
    const before = prev?.versions.find((p) => p.language === v.language);
    const wasLive = before?.status === 'published';
    const isLive = v.status === 'published';
    const changed = !before || contentChanged(before, v) || shared;
    if (isLive && !wasLive) emit(ArticleEvents.versionPublished, v);
    else if (wasLive && !isLive) emit(ArticleEvents.versionUnpublished, v);
    else if (isLive && changed) emit(ArticleEvents.versionUpdated, v);
    else if (!isLive && changed) emit(ArticleEvents.versionSaved, v);
    if (v.status === 'in_review' && before?.status !== 'in_review') emit(ArticleEvents.versionSubmitted, v);
  }
  return out;
}

/** The events of a story imported from an archive: each version published, as v2 with `imported: true`. */
export function importedEvents(story: StoryDoc, base: string, by: string): OutboxEntry[] {
  return story.versions.map((v) =>
    outboxEntry(ArticleEvents.versionPublishedV2, { ...payload(story, v, base, by), imported: true }),
  );
}

export function deletedEvent(story: StoryDoc, by: string): OutboxEntry {
  return outboxEntry(ArticleEvents.deleted, {
    storyId: story._id,
    revision: story.revision,
    versions: story.versions.map((v) => ({ language: v.language, slug: v.slug, status: v.status })),
    by,
  });
}
