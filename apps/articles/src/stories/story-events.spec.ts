import { describe, expect, it } from 'vitest';
import { eventsFor, importedEvents } from './story-events.js';
import type { StoryDoc, VersionDoc } from './story.schema.js';

const at = new Date('2026-11-25T03:00:00Z');
const version = (language: 'th' | 'en', status: VersionDoc['status'], title = 'ข่าวทดสอบ'): VersionDoc => ({
  language,
  title,
  summary: '',
  body: '',
  seo: {},
  slug: `${language}-slug`,
  status,
  revision: 1,
  scheduledAt: null,
  publishedAt: status === 'published' ? at : null,
  updatedAt: at,
  updatedBy: 'u',
  translationOf: language === 'en' ? 'th' : null,
});
const base = (versions: VersionDoc[], coverMediaId: string | null = null): StoryDoc =>
  ({
    _id: '6b0722b5d677dbc90e33bb0d',
    revision: 2,
    sourceLanguage: 'th',
    dateline: {},
    eventDate: null,
    categories: [],
    tags: [],
    byline: '',
    coverMediaId,
    galleryMediaIds: [],
    versions,
  }) as unknown as StoryDoc;

const types = (prev: StoryDoc | null, next: StoryDoc) =>
  eventsFor(prev, next, 'https://news.example.org/', 'u').map(
    (e) => `${e.type}:${(e.data as { language: string }).language}`,
  );

describe('eventsFor', () => {
  it('a new story: saved for its version', () => {
    expect(types(null, base([version('th', 'draft')]))).toEqual(['article.version.saved.v1:th']);
  });

  it('going live, a correction, leaving: published, updated, unpublished', () => {
    const draft = base([version('th', 'draft')]);
    const live = base([version('th', 'published')]);
    const corrected = base([version('th', 'published', 'ข่าวแก้ไขแล้ว')]);
    const down = base([version('th', 'unpublished', 'ข่าวแก้ไขแล้ว')]);
    expect(types(draft, live)).toEqual(['article.version.published.v1:th']);
    expect(types(live, corrected)).toEqual(['article.version.updated.v1:th']);
    expect(types(corrected, down)).toEqual(['article.version.unpublished.v1:th']);
    expect(types(live, live)).toEqual([]);
  });

  it('a shared field change reaches every version: updated where live, saved where not', () => {
    const before = base([version('th', 'published'), version('en', 'draft')]);
    const after = base([version('th', 'published'), version('en', 'draft')], '0123456789abcdef01234567');
    expect(types(before, after)).toEqual(['article.version.updated.v1:th', 'article.version.saved.v1:en']);
  });

  it('carries the public URL of the version', () => {
    const [e] = eventsFor(null, base([version('en', 'draft')]), 'https://news.example.org/', 'u');
    expect((e.data as { url: string }).url).toBe('https://news.example.org/en/news/en-slug');
  });
});

describe('importedEvents', () => {
  it('one published.v2 with imported: true per version, the v1 payload beside it', () => {
    const story = base([version('th', 'published', 'ข่าวเก่าจากคลังข่าว'), version('en', 'published', 'From the archive')]);
    const events = importedEvents(story, 'https://news.example.org/', 'admin');
    expect(events.map((e) => [e.type, e.version])).toEqual([
      ['article.version.published.v2', 2],
      ['article.version.published.v2', 2],
    ]);
    expect(events[0].data).toMatchObject({
      imported: true,
      language: 'th',
      title: 'ข่าวเก่าจากคลังข่าว',
      url: 'https://news.example.org/th/news/th-slug',
      publishedAt: at.toISOString(),
      by: 'admin',
    });
    expect(events[1].data).toMatchObject({ imported: true, language: 'en', translationOf: 'th' });
  });
});
