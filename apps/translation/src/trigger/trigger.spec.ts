import { describe, expect, it } from 'vitest';
import { ArticleEvents } from '@khao/contracts';
import { triggerEvents, triggers } from './trigger.js';

describe('triggers', () => {
  it('save: any saved text; submit: in review or later; publish: live text only', () => {
    const statuses = ['draft', 'in_review', 'scheduled', 'published', 'unpublished'] as const;
    const table = (t: 'save' | 'submit' | 'publish') => statuses.filter((s) => triggers(t, s));
    expect(table('save')).toEqual(['draft', 'in_review', 'scheduled', 'published']);
    expect(table('submit')).toEqual(['in_review', 'scheduled', 'published']);
    expect(table('publish')).toEqual(['published']);
  });

  it('subscribes with publish only to the events of live text; with save and submit also to saves and submissions', () => {
    const names = (t: 'save' | 'submit' | 'publish') => triggerEvents(t).map((e) => e.type);
    const live = [
      ArticleEvents.versionPublished.type,
      ArticleEvents.versionPublishedV2.type,
      ArticleEvents.versionUpdated.type,
    ];
    expect(names('publish')).toEqual(live);
    for (const t of ['save', 'submit'] as const) {
      expect(names(t)).toEqual([ArticleEvents.versionSaved.type, ArticleEvents.versionSubmitted.type, ...live]);
    }
  });
});
