import { describe, expect, it } from 'vitest';
import { ArticleEvents, deadLetterFilter, deadLetterSubject, EventFamilies, inFamily, MediaEvents } from './index.js';

describe('event subjects', () => {
  it('names a family by its wildcard, and places each event in its own family only', () => {
    expect(EventFamilies.article).toBe('events.article.>');
    expect(inFamily(ArticleEvents.deleted.subject, EventFamilies.article)).toBe(true);
    expect(inFamily(MediaEvents.updated.subject, EventFamilies.article)).toBe(false);
    expect(inFamily(MediaEvents.updated.subject, EventFamilies.media)).toBe(true);
  });

  it('filters the dead letters of one consumer, or of all', () => {
    expect(deadLetterFilter('social-events')).toBe('dlq.social-events.>');
    expect(deadLetterFilter()).toBe('dlq.>');
    expect(deadLetterSubject('social-events', 'article.deleted.v1')).toMatch(/^dlq\.social-events\./);
  });
});
