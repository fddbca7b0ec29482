import { describe, expect, it } from 'vitest';
import { PageDocuments } from './page-documents.js';

interface Row {
  id: string;
  status: string;
}
interface Doc {
  _id: string;
  status: string;
  text: string;
}

function store(docs: Doc[], o: { max?: number; ttlMs?: number } = {}) {
  const reads: string[][] = [];
  const byId = new Map(docs.map((d) => [d._id, d]));
  const kept = new PageDocuments<Row, Doc>({
    read: (ids) => {
      reads.push(ids);
      return Promise.resolve(ids.flatMap((id) => (byId.has(id) ? [{ ...byId.get(id)! }] : [])));
    },
    rowOf: (d) => ({ id: d._id, status: d.status }),
    max: o.max ?? 100,
    ttlMs: o.ttlMs ?? 60_000,
  });
  return { kept, reads, byId };
}

const docs: Doc[] = [
  { _id: 'ขอนแก่น', status: 'sent', text: 'ชาวบ้านริมคลองร่วมวางแผน' },
  { _id: 'น่าน', status: 'queued', text: 'กองทุนสวัสดิการชุมชน' },
  { _id: 'ตรัง', status: 'failed', text: 'สภาองค์กรชุมชนตรัง' },
];
const rows = (...pairs: [string, string][]) => pairs.map(([id, status]) => ({ id, status }));

describe('PageDocuments', () => {
  it('reads only the documents whose row changed since they were kept, in the rows’ order', async () => {
    const { kept, reads, byId } = store(docs);
    const page = rows(['ขอนแก่น', 'sent'], ['น่าน', 'queued'], ['ตรัง', 'failed']);
    expect((await kept.of(page)).map((d) => d._id)).toEqual(['ขอนแก่น', 'น่าน', 'ตรัง']);
    expect(await kept.of(page)).toHaveLength(3);
    expect(reads).toEqual([['ขอนแก่น', 'น่าน', 'ตรัง']]);
    // A notice moved one row: only that document is read again.
    byId.set('น่าน', { ...byId.get('น่าน')!, status: 'sent', text: 'ส่งแล้ว' });
    const after = await kept.of(rows(['ขอนแก่น', 'sent'], ['น่าน', 'sent'], ['ตรัง', 'failed']));
    expect(reads.at(-1)).toEqual(['น่าน']);
    expect(after[1]).toMatchObject({ status: 'sent', text: 'ส่งแล้ว' });
    // A row whose document is gone is left out.
    expect((await kept.of(rows(['ไม่มี', 'sent'], ['ตรัง', 'failed']))).map((d) => d._id)).toEqual(['ตรัง']);
  });

  it('reads a kept document again after its time, and keeps at most `max`, the least recently shown going', async () => {
    const { kept, reads } = store(docs, { max: 2, ttlMs: 30 });
    await kept.of(rows(['ขอนแก่น', 'sent'], ['น่าน', 'queued']));
    await kept.of(rows(['ขอนแก่น', 'sent']));
    await kept.of(rows(['ตรัง', 'failed']));
    expect(kept.size).toBe(2);
    await kept.of(rows(['ขอนแก่น', 'sent'], ['น่าน', 'queued']));
    expect(reads.at(-1)).toEqual(['น่าน']);
    await new Promise((r) => setTimeout(r, 40));
    await kept.of(rows(['ขอนแก่น', 'sent']));
    expect(reads.at(-1)).toEqual(['ขอนแก่น']);
  });
});
