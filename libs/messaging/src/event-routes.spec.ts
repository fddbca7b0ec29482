import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { defineEvent, type EventEnvelope } from '@khao/contracts';
import { EventRoutes } from './event-routes.js';

const saved = defineEvent('test.story.saved.v1', z.object({ storyId: z.string(), title: z.string() }));
const deleted = defineEvent('test.story.deleted.v1', z.object({ storyId: z.string() }));

const envelope = (type: string, data: unknown): EventEnvelope => ({
  id: 'e1',
  type,
  version: 1,
  occurredAt: '2026-12-01T00:00:00.000Z',
  correlationId: 'c1',
  data,
});

describe('EventRoutes', () => {
  it('subscribes to the subjects of the definitions it has handlers for', () => {
    const routes = new EventRoutes();
    routes.add(saved, () => undefined);
    routes.addRaw(deleted, () => undefined);
    expect(routes.subjects()).toEqual(['events.test.story.saved.v1', 'events.test.story.deleted.v1']);
  });

  it('hands the handler its payload parsed by the schema (unknown fields dropped)', async () => {
    const routes = new EventRoutes();
    const seen: unknown[] = [];
    routes.add(saved, (e) => void seen.push(e.data));
    const handled = await routes.dispatch(envelope(saved.type, { storyId: 's1', title: 'น้ำท่วมเชียงใหม่', extra: 1 }));
    expect(handled).toBe(true);
    expect(seen).toEqual([{ storyId: 's1', title: 'น้ำท่วมเชียงใหม่' }]);
  });

  it('throws on a payload its schema refuses, and leaves a raw handler its payload as it came', async () => {
    const routes = new EventRoutes();
    const raw: unknown[] = [];
    routes.add(saved, () => undefined);
    routes.addRaw(deleted, (e) => void raw.push(e.data));
    await expect(routes.dispatch(envelope(saved.type, { storyId: 's1' }))).rejects.toThrow(/title/);
    await routes.dispatch(envelope(deleted.type, { whatever: 'ข่าว' }));
    expect(raw).toEqual([{ whatever: 'ข่าว' }]);
  });

  it('reports an event no handler takes, and refuses a second handler for one type', async () => {
    const routes = new EventRoutes();
    routes.add(saved, () => undefined);
    expect(await routes.dispatch(envelope('test.story.other.v1', {}))).toBe(false);
    expect(() => routes.add(saved, () => undefined)).toThrow(/has a handler already/);
  });
});
