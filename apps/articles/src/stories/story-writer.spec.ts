import { describe, expect, it } from 'vitest';
import { DomainError, ErrorCode, type Actor } from '@khao/contracts';
import type { OutboxEntry } from '@khao/persistence';
import type { ArticlesConfig } from '../config.js';
import type { RevisionDoc } from '../revisions/revision.schema.js';
import type { RevisionsRepository } from '../revisions/revisions.repository.js';
import type { ScheduleRepository } from '../scheduler/schedule.repository.js';
import { StoryIndex } from './story-index.js';
import type { StoryRepository, WriteHooks } from './story.repository.js';
import { newStory, type StoryDoc } from './story.schema.js';
import { StoryWriter } from './story-writer.js';

// The writer's rules with repositories held in memory: claims, revisions, events, schedule and index.
const actor: Actor = { id: 'u1', email: 'editor@example.org', role: 'editor' };
const config = { PUBLIC_BASE_URL: 'https://khao.example.org' } as ArticlesConfig;

class FakeStories {
  readonly docs = new Map<string, StoryDoc>();
  readonly recorded: { id: string; events: OutboxEntry[]; indexedFirst: boolean }[] = [];
  constructor(private readonly index: StoryIndex) {}
  newId = () => `6b0722b5d677dbc90e33bb${String(this.docs.size).padStart(2, '0')}`;
  async insert(story: StoryDoc, events: OutboxEntry[], hooks: WriteHooks = {}) {
    this.write(story, events, hooks);
    return Promise.resolve();
  }
  async replace(next: StoryDoc, events: OutboxEntry[], hooks: WriteHooks = {}) {
    hooks.beforeWrite?.();
    this.write(next, events, hooks);
    return Promise.resolve();
  }
  findLive(id: string) {
    const doc = this.docs.get(id);
    return Promise.resolve(doc && !doc.deletedAt ? structuredClone(doc) : null);
  }
  private write(story: StoryDoc, events: OutboxEntry[], hooks: WriteHooks) {
    this.docs.set(story._id, structuredClone({ ...story, outbox: events }));
    hooks.afterWrite?.();
    this.recorded.push({ id: story._id, events, indexedFirst: this.index.revisionOf(story._id) === story.revision });
  }
}

class FakeRevisions {
  readonly claims = new Map<string, Omit<RevisionDoc, '_id'>>();
  /** Revisions someone else claims first, as if a concurrent save won the race. */
  readonly stolen = new Set<number>();
  claim(rev: Omit<RevisionDoc, '_id'>) {
    const key = `${rev.storyId}:${rev.revision}`;
    if (this.claims.has(key) || this.stolen.delete(rev.revision)) return Promise.resolve(false);
    this.claims.set(key, rev);
    return Promise.resolve(true);
  }
  get(storyId: string, revision: number) {
    const rev = this.claims.get(`${storyId}:${revision}`);
    return Promise.resolve(rev ? { _id: `${storyId}:${revision}`, ...rev } : null);
  }
  release(storyId: string, revision: number) {
    return Promise.resolve(this.claims.delete(`${storyId}:${revision}`));
  }
}

class FakeSchedule {
  readonly marks: { storyId: string; dueAt: Date }[] = [];
  mark(storyId: string, dueAt: Date) {
    this.marks.push({ storyId, dueAt });
    return Promise.resolve();
  }
}

function setup() {
  const index = new StoryIndex();
  const stories = new FakeStories(index);
  const revisions = new FakeRevisions();
  const schedule = new FakeSchedule();
  const writer = new StoryWriter(
    stories as unknown as StoryRepository,
    revisions as unknown as RevisionsRepository,
    schedule as unknown as ScheduleRepository,
    index,
    config,
  );
  return { writer, stories, revisions, schedule, index };
}

function draft(id: string): StoryDoc {
  const now = new Date('2026-12-01T02:00:00Z');
  return newStory({
    _id: id,
    revision: 1,
    sourceLanguage: 'th',
    versions: [
      {
        language: 'th',
        title: 'ชาวบ้านหนองคายร่วมปลูกป่าชายเลน',
        slug: '',
        status: 'draft',
        revision: 1,
        updatedAt: now,
        updatedBy: actor.id,
      },
    ],
    createdBy: actor.id,
    createdAt: now,
    updatedAt: now,
  });
}

describe('StoryWriter', () => {
  it('inserts a story with its created event, claims revision 1 and indexes it before the event goes out', async () => {
    const { writer, stories, revisions } = setup();
    const story = await writer.insert(draft('6b0722b5d677dbc90e33bb01'), actor);
    expect(revisions.claims.has(`${story._id}:1`)).toBe(true);
    expect(stories.recorded).toHaveLength(1);
    expect(stories.recorded[0].events.map((e) => e.type)).toEqual(['article.version.saved.v1']);
    expect(stories.recorded[0].indexedFirst).toBe(true);
    expect(story.versions[0].slug).not.toBe('');
  });

  it('a change writes revision N+1 with its events; an If-Match on an older revision is a 412', async () => {
    const { writer, stories } = setup();
    const { _id } = await writer.insert(draft('6b0722b5d677dbc90e33bb02'), actor);
    const next = await writer.write({
      actor,
      id: _id,
      expectedRevision: 1,
      action: 'put-version:th',
      change: (s) => (s.versions[0].summary = 'อาสาสมัครกว่าสองร้อยคน'),
    });
    expect(next.revision).toBe(2);
    expect(stories.docs.get(_id)?.versions[0].summary).toBe('อาสาสมัครกว่าสองร้อยคน');
    expect(stories.recorded.at(-1)?.events.length).toBeGreaterThan(0);
    const stale = writer.write({ actor, id: _id, expectedRevision: 1, action: 'put-version:th', change: () => {} });
    await expect(stale).rejects.toMatchObject({ code: ErrorCode.PreconditionFailed });
  });

  it('without If-Match, a save that loses the claim to a concurrent one redoes its change on top', async () => {
    const { writer, revisions } = setup();
    const { _id } = await writer.insert(draft('6b0722b5d677dbc90e33bb03'), actor);
    revisions.stolen.add(2);
    const next = await writer.write({ actor, id: _id, action: 'patch', change: (s) => s.tags.push('ป่าชายเลน') });
    expect(next.revision).toBe(2);
    expect(next.tags).toEqual(['ป่าชายเลน']);
  });

  it('with If-Match, losing the claim is the caller’s conflict', async () => {
    const { writer, revisions } = setup();
    const { _id } = await writer.insert(draft('6b0722b5d677dbc90e33bb04'), actor);
    revisions.stolen.add(2);
    const lost = writer.write({ actor, id: _id, expectedRevision: 1, action: 'patch', change: () => {} });
    await expect(lost).rejects.toBeInstanceOf(DomainError);
  });

  it('marks the schedule before the write when a version is scheduled', async () => {
    const { writer, schedule } = setup();
    const { _id } = await writer.insert(draft('6b0722b5d677dbc90e33bb05'), actor);
    const at = new Date(Date.now() + 3_600_000);
    await writer.write({
      actor,
      id: _id,
      action: 'schedule:th',
      change: (s) => Object.assign(s.versions[0], { status: 'scheduled', scheduledAt: at }),
    });
    expect(schedule.marks).toEqual([{ storyId: _id, dueAt: at }]);
  });

  it('a missing story is a 404', async () => {
    const { writer } = setup();
    await expect(writer.load('6b0722b5d677dbc90e33bbff')).rejects.toMatchObject({ code: ErrorCode.NotFound });
  });
});
