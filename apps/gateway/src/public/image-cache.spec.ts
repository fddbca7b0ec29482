import { describe, expect, it } from 'vitest';
import type { ResolvedImage } from '@khao/contracts';
import { ImageCache } from './image-cache.js';

const image = (id: string, alt: string) => ({ id, alt }) as unknown as ResolvedImage;

describe('ImageCache', () => {
  it('keeps images per language and names the ids it does not know', () => {
    const cache = new ImageCache(10);
    const first = cache.lookup(['a', 'b'], 'th');
    expect(first.missing).toEqual(['a', 'b']);
    cache.store([image('a', 'ชาวบ้านร่วมเวที')], 'th', first.token);
    const again = cache.lookup(['a', 'b'], 'th');
    expect(again.found.get('a')?.alt).toBe('ชาวบ้านร่วมเวที');
    expect(again.missing).toEqual(['b']);
    expect(cache.lookup(['a'], 'en').missing).toEqual(['a']);
  });

  it('forgets every language of a changed image, and does not keep a resolve that a change overtook', () => {
    const cache = new ImageCache(10);
    cache.store([image('a', 'th')], 'th', cache.lookup([], 'th').token);
    cache.store([image('a', 'en')], 'en', cache.lookup([], 'en').token);
    const inFlight = cache.lookup(['a', 'b'], 'th').token;
    cache.forget('a');
    expect(cache.lookup(['a'], 'th').missing).toEqual(['a']);
    expect(cache.lookup(['a'], 'en').missing).toEqual(['a']);
    cache.store([image('b', 'before the change')], 'th', inFlight);
    expect(cache.lookup(['b'], 'th').missing).toEqual(['b']);
  });

  it('drops the oldest beyond its bound, and keeps nothing when off or after a clear', () => {
    const cache = new ImageCache(2);
    for (const id of ['a', 'b', 'c']) cache.store([image(id, id)], 'th', cache.lookup([], 'th').token);
    expect(cache.size).toBe(2);
    expect(cache.lookup(['a', 'b', 'c'], 'th').missing).toEqual(['a']);
    cache.clear();
    expect(cache.size).toBe(0);
    const off = new ImageCache(0);
    off.store([image('a', 'a')], 'th', off.lookup([], 'th').token);
    expect(off.size).toBe(0);
  });
});
