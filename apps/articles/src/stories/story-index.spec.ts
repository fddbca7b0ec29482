import { newObjectId } from '@khao/persistence';
import { describe, expect, it } from 'vitest';
import { searchTokens } from '@khao/thai';
import { StoryIndex, type IndexQuery } from './story-index.js';
import { derive, publicTermsOf, sharedText, versionText } from './story-state.js';
import { newStory, type StoryDoc } from './story.schema.js';

function story(title: string, updatedAt: string, extra: Partial<StoryDoc> = {}): StoryDoc {
  const now = new Date(updatedAt);
  const doc: StoryDoc = newStory({
    _id: newObjectId(),
    revision: 1,
    sourceLanguage: 'th',
    dateline: { province: 'อุดรธานี' },
    eventDate: null,
    categories: [],
    tags: [],
    byline: '',
    coverMediaId: null,
    galleryMediaIds: [],
    versions: [
      {
        language: 'th',
        title,
        summary: '',
        body: '<p>ชาวบ้านร่วมกันทำแนวกันไฟ</p>',
        seo: {},
        slug: '',
        status: 'draft',
        revision: 1,
        scheduledAt: null,
        publishedAt: null,
        updatedAt: now,
        updatedBy: 'u1',
        translationOf: null,
      },
    ],
    createdBy: 'u1',
    createdAt: now,
    updatedAt: now,
    ...extra,
  });
  derive(doc);
  return doc;
}

describe('StoryIndex', () => {
  const a = story('น้ำท่วมขอนแก่นชุมชนตั้งครัวกลาง', '2026-01-01T00:00:00Z');
  const b = story('สภาองค์กรชุมชนอุดรธานีประชุม', '2026-01-02T00:00:00Z', { createdBy: 'u2' });
  const index = new StoryIndex();
  index.put(a);
  index.put(b);
  const q = { tokens: [], phrases: [], limit: 10 };

  it('finds a word inside an unspaced Thai run, newest first', () => {
    expect(
      index.query({ ...q, tokens: ['ครัว', 'กลาง'], phrases: ['ครัวกลาง'] }).items.map((s) => s.versions[0].title),
    ).toEqual(['น้ำท่วมขอนแก่นชุมชนตั้งครัวกลาง']);
    expect(index.query({ ...q, tokens: ['ชุมชน'] }).items.map((s) => s._id)).toEqual([b._id, a._id]);
    expect(index.query({ ...q, tokens: ['ชุมชน'], createdBy: 'u2' }).items.map((s) => s._id)).toEqual([b._id]);
  });

  it('pages after a key without repeats', () => {
    const first = index.query({ ...q, limit: 1 });
    expect(first.more).toBe(true);
    const second = index.query({ ...q, limit: 1, after: first.lastKey! });
    expect(second.items.map((s) => s._id)).toEqual([a._id]);
    expect(second.more).toBe(false);
  });

  it('resolves current and old slugs, and forgets a removed story', () => {
    const slug = a.versions[0].slug;
    expect(index.bySlug('th', slug)?._id).toEqual(a._id);
    index.remove(a._id);
    expect(index.bySlug('th', slug)).toBeUndefined();
    expect(index.size).toBe(1);
  });
});

describe('StoryIndex: what readers can find', () => {
  const published = (title: string, body: string) => ({
    ...story(title, '2026-01-03T00:00:00Z').versions[0],
    body,
    status: 'published' as const,
    publishedAt: new Date('2026-01-03T00:00:00Z'),
  });
  const words = (text: string) => searchTokens(text);

  it('matches only the published version in that language, never a draft of another', () => {
    const index = new StoryIndex();
    const doc = story('ชาวบ้านปลูกข้าวอินทรีย์', '2026-01-03T00:00:00Z', { tags: ['เกษตรกรรม'] });
    doc.versions[0] = published('ชาวบ้านปลูกข้าวอินทรีย์', '<p>ขายที่ตลาดนัดชุมชน</p>');
    doc.versions.push({
      ...doc.versions[0],
      language: 'en',
      title: 'Draft',
      body: '<p>มังคุดคัดเกรด</p>',
      status: 'draft',
    });
    derive(doc);
    index.put(doc);
    expect(index.matchesPublished(doc._id, 'th', words('ตลาดนัด'), ['ตลาดนัด'])).toBe(true);
    expect(index.matchesPublished(doc._id, 'th', words('เกษตรกรรม'), [])).toBe(true); // shared fields are public
    expect(index.matchesPublished(doc._id, 'th', words('มังคุด'), [])).toBe(false); // only in the draft
    expect(index.matchesPublished(doc._id, 'en', words('ตลาดนัด'), [])).toBe(false); // en is not published
    // The admin search still sees the draft.
    expect(index.query({ tokens: words('มังคุด'), phrases: [], limit: 10 }).items.map((s) => s._id)).toEqual([doc._id]);

    doc.versions[1] = { ...doc.versions[1], status: 'published', revision: 2 };
    doc.revision = 2;
    derive(doc);
    index.put(doc);
    expect(index.matchesPublished(doc._id, 'en', words('มังคุด'), [])).toBe(true);
    expect(index.matchesPublished(doc._id, 'th', words('มังคุด'), [])).toBe(false);
  });

  it('follows a live correction and a change of the shared fields', () => {
    const index = new StoryIndex();
    const doc = story('ชาวบ้านปลูกข้าวอินทรีย์', '2026-01-03T00:00:00Z');
    doc.versions[0] = published('ชาวบ้านปลูกข้าวอินทรีย์', '<p>ขายที่ตลาดนัดชุมชน</p>');
    derive(doc);
    index.put(doc);
    doc.versions[0] = { ...doc.versions[0], body: '<p>ส่งขายโรงสีสหกรณ์</p>', revision: 2 };
    derive(doc);
    index.put(doc);
    expect(index.matchesPublished(doc._id, 'th', words('สหกรณ์'), [])).toBe(true);
    expect(index.matchesPublished(doc._id, 'th', words('ตลาดนัด'), [])).toBe(false);
    doc.tags = ['ข้าวหอมมะลิ'];
    derive(doc);
    index.put(doc);
    expect(index.matchesPublished(doc._id, 'th', words('หอมมะลิ'), [])).toBe(true);
  });

  it('cuts the public words itself for a story saved before they were kept, the same as a save does', () => {
    const doc = story('ชาวบ้านปลูกข้าวอินทรีย์', '2026-01-03T00:00:00Z', { tags: ['เกษตรกรรม'] });
    doc.versions[0] = published('ชาวบ้านปลูกข้าวอินทรีย์', '<p>ขายที่ตลาดนัดชุมชน</p>');
    derive(doc);
    expect(doc.publicTerms).toEqual(publicTermsOf(doc));
    const { publicTerms: _p, ...legacy } = doc; // eslint-disable-line @typescript-eslint/no-unused-vars
    const index = new StoryIndex();
    index.put(legacy);
    expect(index.matchesPublished(doc._id, 'th', words('ตลาดนัดชุมชน'), ['ตลาดนัดชุมชน'])).toBe(true);
    expect(index.matchesPublished(doc._id, 'th', words('เกษตรกรรม'), [])).toBe(true);
  });

  it("keeps the story's own words as they were: one cut of all its text, drafts included", () => {
    const doc = story('ชาวบ้านปลูกข้าวอินทรีย์', '2026-01-03T00:00:00Z', { tags: ['เกษตรกรรม'], byline: 'ทีมข่าว' });
    doc.versions.push({ ...doc.versions[0], language: 'en', title: 'Organic rice', body: '<p>มังคุดคัดเกรด</p>' });
    derive(doc);
    const all = [...doc.versions.map(versionText), sharedText(doc)].join('\n');
    expect(doc.tokens).toEqual(searchTokens(all));
  });
});

describe('StoryIndex snapshot entries', () => {
  it('put again from what indexed() gives, the index lists and finds alike', () => {
    const source = new StoryIndex();
    const stories = [
      story('ชาวนาบ้านหนองแวงปลูกข้าวอินทรีย์', '2026-02-01T00:00:00Z', { tags: ['เกษตรอินทรีย์'] }),
      story('ตลาดน้ำชุมชนริมคลองเปิดใหม่', '2026-02-02T00:00:00Z'),
      story('ข้าวหอมมะลิชุมชนส่งออกญี่ปุ่น', '2026-02-03T00:00:00Z'),
    ];
    for (const s of stories) source.put(s);
    const copy = new StoryIndex();
    for (const { story: s, analyzed } of source.indexed()) copy.putIndexed(structuredClone(s), analyzed);
    const q: IndexQuery = { tokens: [], phrases: [], limit: 10 };
    const ids = (index: StoryIndex, query: IndexQuery) => index.query(query).items.map((s) => s._id);
    expect(ids(copy, q)).toEqual(ids(source, q));
    expect(ids(copy, { ...q, tokens: ['ข้าว'] })).toEqual([stories[2]._id, stories[0]._id]);
    expect(ids(copy, { ...q, tokens: ['ข้าว'] })).toEqual(ids(source, { ...q, tokens: ['ข้าว'] }));
    expect(ids(copy, { ...q, tag: 'เกษตรอินทรีย์' })).toEqual([stories[0]._id]);
    expect(copy.revisionOf(stories[1]._id)).toBe(1);
    copy.clear();
    expect(copy.size).toBe(0);
    expect(ids(copy, { ...q, tokens: ['ข้าว'] })).toEqual([]);
  });
});
