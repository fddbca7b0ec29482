import { describe, expect, it } from 'vitest';
import type { ArticlesConfig } from '../config.js';
import { SearchService } from './search.service.js';
import type { StoryRepository } from './story.repository.js';
import { StoryIndex } from './story-index.js';
import type { StoryIndexSync } from './story-index.sync.js';
import type { StoryDoc } from './story.schema.js';

const image = '6b0722b5d677dbc90e33bb0d';

function story(id: string, fields: Partial<StoryDoc>, statuses: Record<string, string>): StoryDoc {
  return {
    _id: id,
    coverMediaId: null,
    galleryMediaIds: [],
    versions: Object.entries(statuses).map(([language, status]) => ({
      language,
      status,
      slug: `${id}-${language}`,
      title: 'ชุมชนริมน้ำ',
      summary: '',
      body: '',
      revision: 1,
    })),
    tags: [],
    categories: [],
    dateline: {},
    byline: '',
    slugs: [],
    tokens: [],
    searchText: '',
    history: [],
    outbox: [],
    updatedAt: new Date(),
    ...fields,
  } as unknown as StoryDoc;
}

describe('articles.media-usage.v1', () => {
  it('lists the stories that show an image, as cover or in the gallery, with the languages where they are live', async () => {
    const index = new StoryIndex();
    index.put(story('a'.repeat(24), { coverMediaId: image }, { th: 'published', en: 'draft' }));
    index.put(story('b'.repeat(24), { galleryMediaIds: ['x', image] }, { th: 'draft' }));
    index.put(story('c'.repeat(24), { coverMediaId: image, galleryMediaIds: [image] }, { en: 'scheduled' }));
    index.put(story('d'.repeat(24), { coverMediaId: 'other' }, { th: 'published' }));
    const sync = { ready: Promise.resolve() } as unknown as StoryIndexSync;
    const service = new SearchService(
      index,
      sync,
      {} as StoryRepository,
      { LANGUAGES: ['th', 'en'] } as ArticlesConfig,
    );
    const usage = await service.mediaUsage(image);
    expect(usage.stories.sort((x, y) => x.storyId.localeCompare(y.storyId))).toEqual([
      { storyId: 'a'.repeat(24), as: ['cover'], live: ['th'] },
      { storyId: 'b'.repeat(24), as: ['gallery'], live: [] },
      { storyId: 'c'.repeat(24), as: ['cover', 'gallery'], live: ['en'] },
    ]);
  });
});
