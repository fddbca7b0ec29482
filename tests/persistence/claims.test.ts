import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createLogger } from '@khao/logging';
import { connectMongo, DueMarkers, dueMarkers, type Database } from '@khao/persistence';
import { infraEnv, uniqueSuffix } from '@khao/testing';

// The lease/claim primitive every due-marker collection is built on, against the real MongoDB-wire server.
const logger = createLogger({ service: 'claims-test', level: 'silent' });
const Work = dueMarkers('work', { note: z.string().default('') });
let db: Database;
let markers: DueMarkers<(typeof Work)['schema']['shape']>;
let n = 0;
const nextId = () => `งาน-${++n}`;
const past = () => new Date(Date.now() - 1000);

beforeAll(async () => {
  db = await connectMongo({ url: infraEnv().MONGO_URL, dbName: `claims_${uniqueSuffix()}`, logger });
  markers = new DueMarkers(db, Work);
});
afterAll(async () => {
  await db?.dropDatabase().catch(() => undefined);
  await db?.close();
});

async function dueOne(id: string) {
  return (await markers.due(new Date(), 1000)).find((m) => m._id === id);
}

describe('due markers', () => {
  it('are due from their time on, earliest first, with their fields', async () => {
    const [early, late, future] = [nextId(), nextId(), nextId()];
    await markers.schedule(late, new Date(Date.now() - 1000), { note: 'ข่าวเช้า' });
    await markers.schedule(early, new Date(Date.now() - 5000));
    await markers.schedule(future, new Date(Date.now() + 60_000));
    const due = (await markers.due(new Date(), 1000)).map((m) => m._id);
    expect(due.indexOf(early)).toBeLessThan(due.indexOf(late));
    expect(due).not.toContain(future);
    expect((await dueOne(late))?.note).toBe('ข่าวเช้า');
  });

  it('contention: of two claimers that read the same marker, exactly one wins', async () => {
    const id = nextId();
    await markers.schedule(id, past());
    const seen = (await dueOne(id))!;
    const claims = await Promise.all([markers.claim(seen, 60_000), markers.claim({ ...seen }, 60_000)]);
    expect(claims.filter(Boolean)).toHaveLength(1);
    // …and a held marker is not due to anyone else while its lease runs.
    expect(await dueOne(id)).toBeUndefined();
  });

  it('contention, many times over: of four claimers each round exactly one wins (FerretDB has no conditional write)', async () => {
    const rounds = 25;
    const ids = Array.from({ length: rounds }, nextId);
    for (const id of ids) await markers.schedule(id, past());
    const winners = await Promise.all(
      ids.map(async (id) => {
        const seen = (await markers.get(id))!;
        const claims = await Promise.all([1, 2, 3, 4].map(() => markers.claim({ ...seen }, 60_000)));
        return claims.filter(Boolean).length;
      }),
    );
    expect(winners).toEqual(ids.map(() => 1));
  });

  it('a lease run out is taken over by exactly one of the claimers racing for it', async () => {
    const ids = Array.from({ length: 10 }, nextId);
    for (const id of ids) await markers.schedule(id, past());
    for (const id of ids) expect(await markers.claim((await markers.get(id))!, 150)).not.toBeNull();
    await new Promise((r) => setTimeout(r, 250));
    const winners = await Promise.all(
      ids.map(async (id) => {
        const seen = (await markers.get(id))!;
        const claims = await Promise.all([1, 2, 3].map(() => markers.claim({ ...seen }, 60_000)));
        return claims.filter(Boolean).length;
      }),
    );
    expect(winners).toEqual(ids.map(() => 1));
  });

  it('a claim read before a release and a new claim steps over the given-back ticket and meets the live one', async () => {
    const id = nextId();
    await markers.schedule(id, past());
    const stale = (await markers.get(id))!;
    const first = (await markers.claim(stale, 60_000))!;
    expect(await markers.release(first, past())).toBe(true);
    const second = await markers.claim((await dueOne(id))!, 60_000);
    expect(second?.ticket).toBe(first.ticket + 1);
    expect(await markers.claim(stale, 60_000)).toBeNull();
  });

  it('a renew or release with under a quarter of the lease left is refused (a takeover may be under way)', async () => {
    const id = nextId();
    await markers.schedule(id, past());
    const claim = (await markers.claim((await dueOne(id))!, 400))!;
    await new Promise((r) => setTimeout(r, 330));
    expect(await markers.renew(claim, 60_000)).toBe(false);
    expect(await markers.release(claim, past())).toBe(false);
  });

  it('done drops the marker and its tickets: a marker scheduled again is claimed afresh, a stale claim gets nothing', async () => {
    const id = nextId();
    await markers.schedule(id, past());
    const read = (await markers.get(id))!;
    const claim = (await markers.claim(read, 60_000))!;
    expect(await markers.done(claim)).toBe(true);
    expect(await markers.claim(read, 60_000)).toBeNull(); // the marker is gone
    await markers.schedule(id, past());
    const again = await markers.claim((await dueOne(id))!, 60_000);
    expect(again?.ticket).toBe(0);
  });

  it('crash: once the lease runs out another claimer takes it, and the dead holder can no longer renew or release', async () => {
    const id = nextId();
    await markers.schedule(id, past());
    const dead = (await markers.claim((await dueOne(id))!, 200))!;
    expect(dead).not.toBeNull();
    await new Promise((r) => setTimeout(r, 300));
    const again = await dueOne(id);
    expect(again).toBeDefined();
    const next = await markers.claim(again!, 60_000);
    expect(next).not.toBeNull();
    expect(await markers.renew(dead, 60_000)).toBe(false);
    expect(await markers.release(dead, new Date())).toBe(false);
    expect(await markers.renew(next!, 60_000)).toBe(true);
  });

  it('release gives the marker back, due again later with new fields', async () => {
    const id = nextId();
    await markers.schedule(id, past());
    const claim = (await markers.claim((await dueOne(id))!, 60_000))!;
    expect(await markers.release(claim, past(), { note: 'ลองใหม่' })).toBe(true);
    const back = await dueOne(id);
    expect(back).toMatchObject({ holder: null, note: 'ลองใหม่' });
  });

  it('a reschedule keeps a running lease, and done with the marker as read does not drop a rescheduled one', async () => {
    const id = nextId();
    expect(await markers.schedule(id, past())).toEqual({ seq: 1, created: true });
    const read = (await dueOne(id))!;
    const claim = (await markers.claim(read, 60_000))!;
    expect(await markers.schedule(id, past())).toEqual({ seq: 2, created: false });
    expect(await dueOne(id)).toBeUndefined(); // still held
    expect(await markers.renew(claim, 60_000)).toBe(true);
    expect(await markers.done(read)).toBe(false); // read at seq 1: rescheduled since
    expect(await markers.get(id)).not.toBeNull();
    expect(await markers.done({ _id: id, seq: 2 })).toBe(true);
    expect(await markers.get(id)).toBeNull();
  });

  it('two schedules of a new marker at once make one marker', async () => {
    const id = nextId();
    const results = await Promise.all([markers.schedule(id, past()), markers.schedule(id, past())]);
    expect(results.filter((r) => r.created)).toHaveLength(1);
    expect((await markers.get(id))?.seq).toBe(2);
  });

  it('a write that does not match the schema is refused before it reaches the server', async () => {
    await expect(markers.schedule(nextId(), past(), { note: 42 as unknown as string })).rejects.toThrow(
      /invalid write to work at note/,
    );
  });
});
