import { newObjectId } from '@khao/persistence';
import { describe, expect, it, vi } from 'vitest';
import { DomainError, type VersionStatus } from '@khao/contracts';
import { StoryIndex } from '../stories/story-index.js';
import type { StoryIndexSync } from '../stories/story-index.sync.js';
import type { StoryRepository } from '../stories/story.repository.js';
import { derive } from '../stories/story-state.js';
import { newStory, type StoryDoc, type VersionDoc } from '../stories/story.schema.js';
import { PublicStoriesService } from './public-stories.service.js';

function version(language: 'th' | 'en', title: string, status: VersionStatus, publishedAt: string | null): VersionDoc {
  return {
    language,
    title,
    summary: '',
    body: `<p>${title}</p>`,
    seo: {},
    slug: '',
    status,
    revision: 1,
    scheduledAt: null,
    publishedAt: publishedAt ? new Date(publishedAt) : null,
    updatedAt: new Date('2026-11-01T00:00:00Z'),
    updatedBy: 'u1',
    translationOf: language === 'en' ? 'th' : null,
  };
}

function story(versions: VersionDoc[]): StoryDoc {
  const doc: StoryDoc = newStory({
    _id: newObjectId(),
    revision: 1,
    sourceLanguage: 'th',
    dateline: { province: 'อุดรธานี' },
    eventDate: { start: new Date('2017-04-10T02:00:00Z') },
    categories: ['บ้านมั่นคง'],
    tags: [],
    byline: '',
    coverMediaId: null,
    galleryMediaIds: [],
    versions,
    createdBy: 'u1',
    createdAt: new Date('2026-11-01T00:00:00Z'),
    updatedAt: new Date('2026-11-01T00:00:00Z'),
  });
  derive(doc);
  return doc;
}

function setup(docs: StoryDoc[]) {
  const index = new StoryIndex();
  for (const d of docs) index.put(d);
  const byId = new Map(docs.map((d) => [d._id, d]));
  const findLive = vi.fn((id: string) => Promise.resolve(byId.get(id) ?? null));
  const service = new PublicStoriesService(
    index,
    { ready: Promise.resolve() } as StoryIndexSync,
    { findLive } as unknown as StoryRepository,
  );
  return { index, service, findLive, byId };
}

const older = story([
  version('th', 'ชาวบ้านหนองบัวตั้งกลุ่มออมทรัพย์', 'published', '2026-11-02T00:00:00Z'),
  version('en', 'Nong Bua villagers start a savings group', 'published', '2026-11-04T00:00:00Z'),
]);
const newer = story([version('th', 'ชุมชนริมคลองสร้างบ้านมั่นคง', 'published', '2026-11-03T00:00:00Z')]);
const draft = story([version('th', 'ร่างข่าวที่ยังไม่เผยแพร่', 'draft', null)]);
const withdrawn = story([version('th', 'ข่าวที่ถูกถอนออกแล้ว', 'unpublished', '2026-11-01T00:00:00Z')]);

describe('PublicStoriesService', () => {
  it('lists published versions only, newest publication first, with their published translations', async () => {
    const { service } = setup([older, newer, draft, withdrawn]);
    const all = await service.list({ limit: 20 });
    expect(all.items.map((i) => `${i.title}`)).toEqual([
      'Nong Bua villagers start a savings group',
      'ชุมชนริมคลองสร้างบ้านมั่นคง',
      'ชาวบ้านหนองบัวตั้งกลุ่มออมทรัพย์',
    ]);
    expect(all.items[2].translations).toEqual([
      { language: 'en', slug: older.versions[1].slug, title: 'Nong Bua villagers start a savings group' },
    ]);
    expect(all.items[2].dateText).toBe('10 เมษายน 2560');
    const th = await service.list({ lang: 'th', limit: 1 });
    expect(th.items.map((i) => i.storyId)).toEqual([newer._id]);
    const next = await service.list({ lang: 'th', limit: 1, cursor: th.nextCursor! });
    expect(next.items.map((i) => i.storyId)).toEqual([older._id]);
    expect(next.nextCursor).toBeNull();
    await expect(service.list({ limit: 1, cursor: 'bm9wZQ' })).rejects.toThrow(DomainError);
  });

  it('matches a Thai word inside an unspaced run', async () => {
    const { service } = setup([older, newer]);
    expect((await service.list({ q: 'ออมทรัพย์', lang: 'th', limit: 20 })).items.map((i) => i.storyId)).toEqual([
      older._id,
    ]);
  });

  it('gets a published version; never published is unknown, withdrawn is gone', async () => {
    const { service } = setup([older, newer, draft, withdrawn]);
    const got = await service.get('th', older.versions[0].slug);
    expect(got).toMatchObject({
      kind: 'story',
      story: { storyId: older._id, body: '<p>ชาวบ้านหนองบัวตั้งกลุ่มออมทรัพย์</p>' },
    });
    await expect(service.get('th', draft.versions[0].slug)).rejects.toThrow(/no published th story/);
    expect(await service.get('th', withdrawn.versions[0].slug)).toEqual({ kind: 'gone' });
    await expect(service.get('en', 'no-such-story')).rejects.toThrow(DomainError);
  });

  it('answers an old slug with the current one', async () => {
    const renamed = story([version('th', 'หัวข้อเดิมเรื่องธนาคารข้าว', 'published', '2026-11-05T00:00:00Z')]);
    const oldSlug = renamed.versions[0].slug;
    renamed.versions[0].title = 'ชุมชนตั้งธนาคารข้าว';
    renamed.revision = 2;
    derive(renamed);
    const { service } = setup([renamed]);
    expect(await service.get('th', oldSlug)).toEqual({ kind: 'moved', slug: renamed.versions[0].slug });
  });

  it('loads a story once per revision', async () => {
    const { service, findLive, index, byId } = setup([older]);
    const slug = older.versions[0].slug;
    await service.get('th', slug);
    await service.get('th', slug);
    expect(findLive).toHaveBeenCalledTimes(1);
    const corrected: StoryDoc = {
      ...older,
      revision: 2,
      versions: older.versions.map((v) => ({ ...v, body: '<p>แก้ไข</p>' })),
    };
    byId.set(older._id, corrected);
    index.put(corrected);
    expect(await service.get('th', slug)).toMatchObject({ story: { body: '<p>แก้ไข</p>' } });
    expect(findLive).toHaveBeenCalledTimes(2);
  });
});
