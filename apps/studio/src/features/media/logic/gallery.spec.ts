import { describe, expect, it } from 'vitest';
import { addPhotos, moveId, moveItem, removePhoto, setCover } from './gallery';

const ids = ['a', 'b', 'c', 'd', 'e'];

describe('gallery order', () => {
  it('moves a photo forwards and backwards', () => {
    expect(moveItem(ids, 0, 3)).toEqual(['b', 'c', 'd', 'a', 'e']);
    expect(moveItem(ids, 4, 0)).toEqual(['e', 'a', 'b', 'c', 'd']);
    expect(moveId(ids, 'c', 'b')).toEqual(['a', 'c', 'b', 'd', 'e']);
  });

  it('leaves the order alone for a drop outside or out of range', () => {
    expect(moveId(ids, 'c', null)).toEqual(ids);
    expect(moveItem(ids, 2, 9)).toEqual(ids);
    expect(moveId(ids, 'x', 'a')).toEqual(ids);
  });
});

describe('adding, removing, cover', () => {
  it('adds picked photos at the end once, and gives a story without a cover its first photo', () => {
    expect(addPhotos({ cover: null, gallery: [] }, ['c', 'a', 'c'])).toEqual({ cover: 'c', gallery: ['c', 'a'] });
    expect(addPhotos({ cover: 'a', gallery: ['a'] }, ['b', 'a'])).toEqual({ cover: 'a', gallery: ['a', 'b'] });
  });

  it('clears the cover when its photo leaves the story', () => {
    expect(removePhoto({ cover: 'b', gallery: ['a', 'b'] }, 'b')).toEqual({ cover: null, gallery: ['a'] });
    expect(removePhoto({ cover: 'a', gallery: ['a', 'b'] }, 'b')).toEqual({ cover: 'a', gallery: ['a'] });
  });

  it('takes a cover only from the gallery', () => {
    expect(setCover({ cover: 'a', gallery: ['a', 'b'] }, 'b').cover).toBe('b');
    expect(setCover({ cover: 'a', gallery: ['a', 'b'] }, 'z').cover).toBe('a');
  });
});
