import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { defineEvent } from '@khao/contracts';
import { createLogger } from '@khao/logging';
import type { NatsConnection } from '@nats-io/transport-node';
import { ListMirror, type MirrorChange } from './list-mirror.js';
import { SortedRows } from './sorted-rows.js';

interface Row {
  id: string;
  at: number;
}
const byAtDesc = (a: Row, b: Row) => b.at - a.at || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0);
const ids = (rows: readonly Row[]) => rows.map((r) => r.id);

describe('SortedRows', () => {
  it('keeps one row per id in order through puts and removals, and pages from a cursor', () => {
    const rows = SortedRows.of(
      [
        { id: 'ขอนแก่น', at: 3 },
        { id: 'น่าน', at: 1 },
        { id: 'ตรัง', at: 2 },
        { id: 'น่าน', at: 5 },
      ],
      byAtDesc,
    );
    expect(ids(rows.all())).toEqual(['น่าน', 'ขอนแก่น', 'ตรัง']);
    rows.put({ id: 'ตรัง', at: 9 });
    rows.put({ id: 'ลำปาง', at: 3 });
    rows.remove('ขอนแก่น');
    rows.remove('ไม่มี');
    expect(ids(rows.all())).toEqual(['ตรัง', 'น่าน', 'ลำปาง']);
    expect(rows.get('ขอนแก่น')).toBeUndefined();
    const all = () => true;
    expect(ids(rows.page(undefined, all, 2))).toEqual(['ตรัง', 'น่าน']);
    // After the cursor row (at 5): everything older.
    expect(ids(rows.page((r) => byAtDesc(r, { id: 'น่าน', at: 5 }) <= 0, all, 2))).toEqual(['ลำปาง']);
    expect(ids(rows.page(undefined, (r) => r.at < 9, 5))).toEqual(['น่าน', 'ลำปาง']);
  });
});

const notice = defineEvent(
  'list.test-row.v1',
  z.union([z.object({ id: z.string(), at: z.number() }), z.object({ id: z.string(), removed: z.literal(true) })]),
);

function mirror(load: () => AsyncIterable<Row>) {
  const published: unknown[] = [];
  const m = new ListMirror<Row, typeof notice>({
    what: 'test',
    nats: undefined as unknown as NatsConnection, // never started: no follower
    publisher: {
      publish: (e) => Promise.resolve((published.push(e.data), { seq: published.length, duplicate: false })),
    },
    logger: createLogger({ service: 'list-mirror-spec', level: 'silent' }),
    notice,
    toNotice: (c) => ('row' in c ? c.row : { id: c.removed, removed: true }),
    fromNotice: (d): MirrorChange<Row> => ('removed' in d ? { removed: d.id } : { row: d }),
    compare: byAtDesc,
    supersedes: (incoming, current) => incoming.at >= current.at,
    load,
  });
  return { m, published };
}

describe('ListMirror', () => {
  it('keeps the changes made while a load runs over what the load read, the newer write winning', async () => {
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const { m, published } = mirror(async function* () {
      yield { id: 'a', at: 1 };
      yield { id: 'b', at: 5 };
      await gate; // the load is slow: writes come meanwhile
      yield { id: 'c', at: 2 };
    });
    const loading = m.reload();
    await new Promise((r) => setTimeout(r, 10));
    expect(m.ready).toBe(false);
    await m.changed({ id: 'a', at: 7 }); // newer than what the load read
    await m.changed({ id: 'd', at: 3 }); // new since
    await m.removed('c'); // gone since, though the load reads it later
    await m.changed({ id: 'b', at: 4 }); // an older write that crossed a newer one: ignored
    release();
    await loading;
    expect(m.ready).toBe(true);
    expect(ids(m.page(undefined, () => true, 10))).toEqual(['a', 'b', 'd']);
    expect(m.get('b')?.at).toBe(5);
    expect(published).toHaveLength(4);
    expect(published[2]).toEqual({ id: 'c', removed: true });
    expect(m.countBy((r) => (r.at > 4 ? 'new' : 'old'))).toEqual(
      new Map([
        ['new', 2],
        ['old', 1],
      ]),
    );
  });

  it('answers with what it has while a load after a gap runs, and tries a failed load again', async () => {
    let calls = 0;
    const { m } = mirror(async function* () {
      calls++;
      if (calls === 2) throw new Error('FerretDB went away');
      yield { id: 'a', at: 1 };
      if (calls >= 3) yield { id: 'b', at: 2 };
    });
    await m.reload();
    expect(m.size).toBe(1);
    await m.reload(); // fails: the old rows stay
    expect(m.size).toBe(1);
    await new Promise((r) => setTimeout(r, 2100)); // retried after 2 s
    expect(calls).toBe(3);
    await m.reload();
    expect(ids(m.page(undefined, () => true, 10))).toEqual(['b', 'a']);
    // A read older than what a notice brought since does not take the row back.
    await m.changed({ id: 'a', at: 12 });
    const all = m.page(undefined, () => true, 10);
    m.confirm(
      all,
      [{ key: 'a', stamp: 1 }],
      (d) => ({ id: d.key, at: d.stamp }),
      () => true,
    );
    expect(m.get('a')?.at).toBe(12);
    await m.stop();
  }, 10_000);

  it('confirms a page against its documents: gone rows forgotten, differing rows corrected, the filter kept', async () => {
    const { m } = mirror(async function* () {
      yield* [
        { id: 'a', at: 1 },
        { id: 'b', at: 2 },
        { id: 'c', at: 3 },
      ];
    });
    await m.reload();
    const shown = m.page(undefined, () => true, 10);
    // "c" is gone (a removal whose notice was lost), "b" was written again elsewhere (at 9): the documents say so.
    const docs = [
      { key: 'b', stamp: 9 },
      { key: 'a', stamp: 1 },
    ];
    const kept = m.confirm(
      shown,
      docs,
      (d) => ({ id: d.key, at: d.stamp }),
      (r) => r.at > 1,
    );
    expect(kept).toEqual([{ key: 'b', stamp: 9 }]);
    expect(m.get('c')).toBeUndefined();
    expect(m.get('b')?.at).toBe(9);
    expect(ids(m.page(undefined, () => true, 10))).toEqual(['b', 'a']);
    // A read older than what a notice brought since does not take the row back.
    await m.changed({ id: 'a', at: 12 });
    const all = m.page(undefined, () => true, 10);
    m.confirm(
      all,
      [{ key: 'a', stamp: 1 }],
      (d) => ({ id: d.key, at: d.stamp }),
      () => true,
    );
    expect(m.get('a')?.at).toBe(12);
    await m.stop();
  });
});
