import { describe, expect, it } from 'vitest';
import type { AssetDoc } from '../assets/asset.schema.js';
import { AssetCache } from './asset-cache.js';

const asset = (id: string, status: AssetDoc['status'] = 'ready', caption = 'ประชุมกลุ่มออมทรัพย์') =>
  ({ _id: id, status, captions: { th: caption }, outbox: [{ id: 'e1' }] }) as unknown as AssetDoc;

function counting(docs: Map<string, AssetDoc>) {
  const loads: string[] = [];
  const load = (id: string) => {
    loads.push(id);
    return Promise.resolve(docs.get(id) ?? null);
  };
  return { loads, load };
}

describe('AssetCache', () => {
  it('reads a ready asset once, and keeps it without its outbox', async () => {
    const cache = new AssetCache(10);
    const { loads, load } = counting(new Map([['a', asset('a')]]));
    await cache.get('a', load);
    const again = await cache.get('a', load);
    expect(loads).toEqual(['a']);
    expect(again?.outbox).toEqual([]);
  });

  it('does not keep assets that are not ready, nor unknown ids', async () => {
    const cache = new AssetCache(10);
    const { loads, load } = counting(new Map([['p', asset('p', 'processing')]]));
    for (let i = 0; i < 2; i++) {
      await cache.get('p', load);
      await cache.get('missing', load);
    }
    expect(loads).toEqual(['p', 'missing', 'p', 'missing']);
    expect(cache.size).toBe(0);
  });

  it('drops the least recently used beyond its bound', async () => {
    const cache = new AssetCache(2);
    const { loads, load } = counting(new Map(['a', 'b', 'c'].map((id) => [id, asset(id)])));
    await cache.get('a', load);
    await cache.get('b', load);
    await cache.get('a', load); // a is now the most recent
    await cache.get('c', load); // b goes
    expect(cache.size).toBe(2);
    loads.length = 0;
    await cache.get('a', load);
    await cache.get('b', load);
    expect(loads).toEqual(['b']);
  });

  it('forgets on a change, and does not keep a read that a change overtook', async () => {
    const cache = new AssetCache(10);
    const docs = new Map([['a', asset('a', 'ready', 'เดิม')]]);
    const { loads, load } = counting(docs);
    await cache.get('a', load);
    docs.set('a', asset('a', 'ready', 'ใหม่'));
    cache.forget('a');
    expect((await cache.get('a', load))?.captions.th).toBe('ใหม่');

    // A read that started before a change and ends after it: answered, but not kept.
    let finish!: (d: AssetDoc) => void;
    cache.forget('a');
    const slow = cache.get('a', () => new Promise<AssetDoc>((r) => (finish = r)));
    cache.forget('a');
    finish(asset('a', 'ready', 'ก่อนแก้'));
    expect((await slow)?.captions.th).toBe('ก่อนแก้');
    loads.length = 0;
    expect((await cache.get('a', load))?.captions.th).toBe('ใหม่');
    expect(loads).toEqual(['a']);
  });

  it('keeps nothing with a bound of 0, and nothing after clear()', async () => {
    const off = new AssetCache(0);
    const { loads, load } = counting(new Map([['a', asset('a')]]));
    await off.get('a', load);
    await off.get('a', load);
    expect(loads).toEqual(['a', 'a']);
    const on = new AssetCache(5);
    await on.get('a', load);
    on.clear();
    expect(on.size).toBe(0);
  });
});
