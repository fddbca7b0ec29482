import { describe, expect, it } from 'vitest';
import { triggers } from './trigger.js';

describe('triggers', () => {
  it('save: any saved text; submit: in review or later; publish: live text only', () => {
    const statuses = ['draft', 'in_review', 'scheduled', 'published', 'unpublished'] as const;
    const table = (t: 'save' | 'submit' | 'publish') => statuses.filter((s) => triggers(t, s));
    expect(table('save')).toEqual(['draft', 'in_review', 'scheduled', 'published']);
    expect(table('submit')).toEqual(['in_review', 'scheduled', 'published']);
    expect(table('publish')).toEqual(['published']);
  });
});
