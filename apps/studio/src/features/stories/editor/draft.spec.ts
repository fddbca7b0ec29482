import { describe, expect, it } from 'vitest';
import type { Story } from '../../../api/types';
import { changesOf, draftFromStory, fieldsToApi, rebase } from './draft';

const story = (over: Partial<Story> = {}, title = 'เวทีแลกเปลี่ยนเรื่องบ้านมั่นคง', summary = 'สรุปเดิม'): Story => ({
  id: '6b0722b5d677dbc90e33bb0d',
  revision: 3,
  sourceLanguage: 'th',
  dateline: { place: 'บ้านดุง', province: 'อุดรธานี' },
  eventDate: { start: '2017-04-09T17:00:00.000Z', end: '2017-04-10T17:00:00.000Z' },
  categories: [],
  tags: ['บ้านมั่นคง'],
  byline: '',
  coverMediaId: null,
  galleryMediaIds: [],
  versions: [
    {
      language: 'th',
      title,
      summary,
      body: '<p>เนื้อข่าว</p>',
      seo: {},
      slug: 'เวที-แลก-เปลี่ยน-n2im1r',
      status: 'draft',
      revision: 3,
      scheduledAt: null,
      publishedAt: null,
      updatedAt: '2026-12-01T03:00:00.000Z',
      updatedBy: 'u1',
      translationOf: null,
      dateText: '10–11 เมษายน 2560',
    },
  ],
  createdBy: 'u1',
  createdAt: '2026-12-01T03:00:00.000Z',
  updatedAt: '2026-12-01T03:00:00.000Z',
  ...over,
});

describe('the editor draft', () => {
  it('reads stored instants and whole days as newsroom days and sends them back as whole days', () => {
    const d = draftFromStory(story());
    expect(d.fields.eventDays).toEqual(['2017-04-10', '2017-04-11']);
    expect(fieldsToApi(d.fields).eventDate).toEqual({ start: '2017-04-10', end: '2017-04-11' });
    expect(fieldsToApi({ ...d.fields, eventDays: ['2017-04-10', null] }).eventDate).toEqual({ start: '2017-04-10' });
    const days = draftFromStory(story({ eventDate: { start: '2017-04-10', end: '2017-04-11' } }));
    expect(days.fields.eventDays).toEqual(['2017-04-10', '2017-04-11']);
  });

  it('finds no change in a story just loaded, and only the version that was edited', () => {
    const base = story();
    expect(changesOf(base, draftFromStory(base))).toEqual({ versions: [] });
    const d = draftFromStory(base);
    d.versions.th = { ...d.versions.th!, summary: 'สรุปใหม่' };
    const c = changesOf(base, d);
    expect(c.fields).toBeUndefined();
    expect(c.versions.map((v) => [v.language, v.input.summary])).toEqual([['th', 'สรุปใหม่']]);
  });

  it('carries this person’s changes onto a newer save and takes theirs everywhere else', () => {
    const base = story();
    const mine = draftFromStory(base);
    mine.versions.th = { ...mine.versions.th!, summary: 'ชาวบ้าน ๑๒๐ ครัวเรือน' };
    const theirs = story({ revision: 4, tags: ['บ้านมั่นคง', 'พอช.'] }, 'หัวข้อที่เขาแก้');
    const merged = rebase(base, mine, theirs);
    expect(merged.versions.th).toMatchObject({ title: 'หัวข้อที่เขาแก้', summary: 'ชาวบ้าน ๑๒๐ ครัวเรือน' });
    expect(merged.fields.tags).toEqual(['บ้านมั่นคง', 'พอช.']);
    // What is left to send on top of their revision is exactly this person's edit.
    expect(changesOf(theirs, merged).versions.map((v) => v.input.summary)).toEqual(['ชาวบ้าน ๑๒๐ ครัวเรือน']);
    expect(changesOf(theirs, merged).fields).toBeUndefined();
  });
});
