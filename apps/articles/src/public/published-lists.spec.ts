import { describe, expect, it } from 'vitest';
import type { VersionStatus } from '@khao/contracts';
import { newObjectId } from '@khao/persistence';
import { StoryIndex } from '../stories/story-index.js';
import { derive } from '../stories/story-state.js';
import { newStory, type StoryDoc, type VersionDoc } from '../stories/story.schema.js';
import { PublishedLists } from './published-lists.js';

const provinces = ['อุดรธานี', 'ขอนแก่น', 'น่าน'];

function story(id: string, n: number, versions: [lang: 'th' | 'en', status: VersionStatus, publishedAt: string][]) {
  const updatedAt = new Date(Date.UTC(2026, 10, 1) + n * 60_000);
  const doc: StoryDoc = newStory({
    _id: id,
    revision: n,
    sourceLanguage: 'th',
    dateline: { province: provinces[n % provinces.length] },
    eventDate: null,
    categories: ['บ้านมั่นคง'],
    tags: [],
    byline: '',
    coverMediaId: null,
    galleryMediaIds: [],
    versions: versions.map(([language, status, publishedAt]): VersionDoc => ({
      language,
      title: language === 'th' ? `ชาวบ้านร่วมวางแผนพัฒนาที่อยู่อาศัย ฉบับที่ ${n}` : `Housing plan, issue ${n}`,
      summary: '',
      body: '<p>สภาองค์กรชุมชนร่วมกับ พอช.</p>',
      seo: {},
      slug: '',
      status,
      revision: n,
      scheduledAt: null,
      publishedAt: status === 'draft' ? null : new Date(publishedAt),
      updatedAt,
      updatedBy: 'u1',
      translationOf: language === 'en' ? 'th' : null,
    })),
    createdBy: 'u1',
    createdAt: updatedAt,
    updatedAt,
  });
  derive(doc);
  return doc;
}

/** What the lists should say, computed from nothing. */
function fresh(index: StoryIndex) {
  const again = new PublishedLists(index);
  return {
    th: again.of('th').map((p) => p.key),
    all: again.of('*').map((p) => p.key),
    months: [...again.monthsOf('th'), ...again.monthsOf('en')],
  };
}

describe('PublishedLists', () => {
  it('kept in step one story at a time says what a rebuild says: order, months, counts and lastmod', () => {
    const index = new StoryIndex();
    let seed = 2560;
    const rnd = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const month = () => `2024-0${1 + Math.floor(rnd() * 4)}-1${Math.floor(rnd() * 9)}T08:00:00.000Z`;
    const statuses: VersionStatus[] = ['published', 'published', 'draft', 'unpublished'];
    const ids = Array.from({ length: 30 }, () => newObjectId());
    for (const [n, id] of ids.entries()) index.put(story(id, n, [['th', 'published', month()]]));
    const lists = new PublishedLists(index);
    expect(lists.of('th')).toHaveLength(30);

    for (let n = 30; n < 400; n++) {
      const id = ids[Math.floor(rnd() * ids.length)];
      if (rnd() < 0.1) index.remove(id);
      else {
        const pick = () => statuses[Math.floor(rnd() * statuses.length)];
        const versions: [lang: 'th' | 'en', VersionStatus, string][] = [['th', pick(), month()]];
        if (rnd() < 0.5) versions.push(['en', pick(), month()]);
        index.put(story(id, n, versions));
      }
      if (n % 37 === 0) {
        const want = fresh(index);
        expect(lists.of('th').map((p) => p.key)).toEqual(want.th);
        expect(lists.of('*').map((p) => p.key)).toEqual(want.all);
        expect([...lists.monthsOf('th'), ...lists.monthsOf('en')]).toEqual(want.months);
      }
    }
    const months = lists.monthsOf('th');
    expect(months.map((m) => m.month)).toEqual([...months.map((m) => m.month)].sort().reverse());
    expect(months.reduce((sum, m) => sum + m.count, 0)).toBe(lists.of('th').length);
  });

  it('a reload of the index drops the lists until they are asked for again', () => {
    const index = new StoryIndex();
    const id = newObjectId();
    index.put(story(id, 1, [['th', 'published', '2024-03-10T08:00:00.000Z']]));
    const lists = new PublishedLists(index);
    expect(lists.monthsOf('th')).toEqual([
      { language: 'th', month: '2024-03', count: 1, lastmod: '2026-11-01T00:01:00.000Z' },
    ]);
    index.clear();
    expect(lists.of('th')).toEqual([]);
    index.put(story(id, 2, [['th', 'published', '2024-04-10T08:00:00.000Z']]));
    expect(lists.monthsOf('th').map((m) => m.month)).toEqual(['2024-04']);
  });
});
