import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '@khao/logging';
import { connectMongo, DatabaseInspector, Locks, type Database, type LockOptions } from '@khao/persistence';
import { infraEnv, uniqueSuffix } from '@khao/testing';

// Short locks across processes (a translation job's read-modify-write), against the real MongoDB-wire server. Each
// locker has its own connection, as replicas do.
const logger = createLogger({ service: 'locks-test', level: 'silent' });
const dbName = `locks_${uniqueSuffix()}`;
const connections: Database[] = [];
let n = 0;
const nextId = () => `ข่าว-${++n}-th`;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

class Busy extends Error {}
const options: LockOptions = { ttlMs: 30_000, waitMs: 10_000, busy: (id) => new Busy(`${id} is busy`) };

async function lockers(count: number, o: Partial<LockOptions> = {}): Promise<Locks[]> {
  const out: Locks[] = [];
  for (let i = 0; i < count; i++) {
    const db = await connectMongo({ url: infraEnv().MONGO_URL, dbName, logger });
    connections.push(db);
    out.push(new Locks(db, 'locks', { ...options, ...o }));
  }
  return out;
}

/** Holders of each id at once, at most: 1 when the lock holds. */
class Overlap {
  private readonly now = new Map<string, number>();
  readonly most = new Map<string, number>();

  async hold(id: string, ms: number): Promise<void> {
    const here = (this.now.get(id) ?? 0) + 1;
    this.now.set(id, here);
    this.most.set(id, Math.max(this.most.get(id) ?? 0, here));
    await sleep(ms);
    this.now.set(id, (this.now.get(id) ?? 1) - 1);
  }
}

let inspector: DatabaseInspector;
const stored = () => inspector.db(dbName).collection<{ _id: string; owner: string; until: number }>('locks');
beforeAll(async () => {
  inspector = await DatabaseInspector.open(infraEnv().MONGO_URL);
});
afterAll(async () => {
  await inspector
    ?.db(dbName)
    .dropDatabase()
    .catch(() => undefined);
  for (const c of connections) await c.close();
  await inspector?.close();
});

/** A lock as a process that died holding it left it. */
const deadLock = (id: string) => stored().insertOne({ _id: id, owner: 'ผู้ถือที่ตายไป', until: Date.now() - 1000 });

describe('locks', () => {
  it('let one holder in at a time, whichever replica asks', async () => {
    const [a, b, c] = await lockers(3);
    const id = nextId();
    const overlap = new Overlap();
    let done = 0;
    await Promise.all(
      [a, b, c].flatMap((l) =>
        Array.from({ length: 8 }, () => l.withLock(id, async () => void (await overlap.hold(id, 3), done++))),
      ),
    );
    expect(done).toBe(24);
    expect(overlap.most.get(id)).toBe(1);
  });

  it('a lock its holder died with is taken over by exactly one of the lockers racing for it', async () => {
    const ids = Array.from({ length: 30 }, nextId);
    for (const id of ids) await deadLock(id);
    const all = await lockers(4);
    const overlap = new Overlap();
    await Promise.all(ids.flatMap((id) => all.map((l) => l.withLock(id, () => overlap.hold(id, 40)))));
    expect(ids.map((id) => overlap.most.get(id))).toEqual(ids.map(() => 1));
  });

  it('gives up on a lock held longer than it waits, with the caller’s error', async () => {
    const [a, b] = await lockers(2, { waitMs: 300 });
    const id = nextId();
    let release!: () => void;
    const held = a.withLock(id, () => new Promise<void>((r) => (release = r)));
    await sleep(50);
    await expect(b.withLock(id, () => Promise.resolve())).rejects.toThrow(`${id} is busy`);
    release();
    await held;
    // Given back: the next locker gets it at once.
    await expect(b.withLock(id, () => Promise.resolve('ได้แล้ว'))).resolves.toBe('ได้แล้ว');
  });

  it('a holder that ran past three quarters of its time leaves the lock to run out, then it is taken over', async () => {
    const overruns: string[] = [];
    const [a, b] = await lockers(2, { ttlMs: 400, waitMs: 5000, onOverrun: (id) => overruns.push(id) });
    const id = nextId();
    await a.withLock(id, () => sleep(320));
    expect(overruns).toEqual([id]);
    expect(await stored().findById(id)).not.toBeNull();
    const started = Date.now();
    await b.withLock(id, () => Promise.resolve());
    expect(Date.now() - started).toBeGreaterThanOrEqual(40);
    // Taken over by b and given back by b in time: the lock is gone.
    expect(await stored().findById(id)).toBeNull();
  });
});
