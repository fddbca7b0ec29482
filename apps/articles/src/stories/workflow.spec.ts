import { describe, expect, it } from 'vitest';
import { DomainError } from '@khao/contracts';
import type { VersionDoc } from './story.schema.js';
import { applyTransition } from './workflow.js';

const now = new Date('2026-11-25T10:00:00Z');
const v = (status: VersionDoc['status']): VersionDoc => ({
  language: 'th',
  title: 'ข่าว',
  summary: '',
  body: '',
  seo: {},
  slug: 'ข่าว-abcdef',
  status,
  revision: 1,
  scheduledAt: null,
  publishedAt: null,
  updatedAt: now,
  updatedBy: 'u',
  translationOf: null,
});

describe('workflow', () => {
  it('draft → in_review → draft', () => {
    const x = v('draft');
    applyTransition(x, 'submit', now);
    expect(x.status).toBe('in_review');
    applyTransition(x, 'return', now);
    expect(x.status).toBe('draft');
  });

  it('publish with a future time schedules; without one publishes and keeps the first publish time', () => {
    const x = v('in_review');
    const at = new Date('2026-12-01T00:00:00Z');
    applyTransition(x, 'publish', now, at);
    expect(x).toMatchObject({ status: 'scheduled', scheduledAt: at });
    applyTransition(x, 'publish', now);
    expect(x).toMatchObject({ status: 'published', scheduledAt: null, publishedAt: now });
    applyTransition(x, 'unpublish', now);
    applyTransition(x, 'publish', new Date('2027-01-01T00:00:00Z'));
    expect(x.publishedAt).toEqual(now);
  });

  it('unpublishing a scheduled version cancels the schedule', () => {
    const x = v('draft');
    applyTransition(x, 'publish', now, new Date('2026-12-01T00:00:00Z'));
    applyTransition(x, 'unpublish', now);
    expect(x).toMatchObject({ status: 'draft', scheduledAt: null });
  });

  it('refuses a transition from the wrong state with a conflict that says why', () => {
    expect(() => applyTransition(v('published'), 'publish', now)).toThrow(
      new DomainError(
        'CONFLICT',
        'cannot publish the th version: it is published (publish needs draft or in_review or scheduled or unpublished)',
      ),
    );
    expect(() => applyTransition(v('draft'), 'unpublish', now)).toThrow(/it is draft/);
  });
});
