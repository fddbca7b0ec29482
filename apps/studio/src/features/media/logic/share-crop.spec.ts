import { describe, expect, it } from 'vitest';
import { cropStyle, focalFromClick, nudgeFocal, shareCrop } from './share-crop';

describe('shareCrop', () => {
  it('keeps the full height of a wide photo and cuts its sides around the focal point', () => {
    // 4000×2000 scaled to cover 1200×630: 1260×630, so 1200/1260 of the width shows.
    const c = shareCrop(4000, 2000, { x: 0.5, y: 0.5 });
    expect(c.height).toBeCloseTo(1);
    expect(c.width).toBeCloseTo(1200 / 1260);
    expect(c.left).toBeCloseTo((1 - 1200 / 1260) / 2);
    expect(c.top).toBe(0);
  });

  it('keeps the full width of a tall photo and follows the focal point up and down', () => {
    // 3000×4000 → 1200×1600: 630/1600 of the height shows; focal at 0.2 → top at 0.2·1600 − 315 = 5 px.
    const c = shareCrop(3000, 4000, { x: 0.9, y: 0.2 });
    expect(c.width).toBeCloseTo(1);
    expect(c.left).toBe(0);
    expect(c.height).toBeCloseTo(630 / 1600);
    expect(c.top).toBeCloseTo(5 / 1600);
  });

  it('pushes the frame back inside the image at the edges', () => {
    const top = shareCrop(3000, 4000, { x: 0.5, y: 0 });
    expect(top.top).toBe(0);
    const bottom = shareCrop(3000, 4000, { x: 0.5, y: 1 });
    expect(bottom.top + bottom.height).toBeCloseTo(1);
    const right = shareCrop(4000, 1000, { x: 1, y: 0.5 });
    expect(right.left + right.width).toBeCloseTo(1);
  });

  it('enlarges a small photo to fill the frame (the share image may be upscaled)', () => {
    const c = shareCrop(600, 315, { x: 0.3, y: 0.7 });
    expect(c).toEqual({ left: 0, top: 0, width: 1, height: 1 });
  });
});

describe('focal point input', () => {
  it('turns a click into fractions of the image, in thousandths, inside it', () => {
    const rect = { left: 100, top: 50, width: 400, height: 300 };
    expect(focalFromClick(rect, { x: 200, y: 125 })).toEqual({ x: 0.25, y: 0.25 });
    expect(focalFromClick(rect, { x: 601, y: 20 })).toEqual({ x: 1, y: 0 });
    expect(focalFromClick(rect, { x: 233.33, y: 50 })).toEqual({ x: 0.333, y: 0 });
  });

  it('moves with the arrow keys and stops at the edges', () => {
    expect(nudgeFocal({ x: 0.5, y: 0.5 }, 'ArrowRight')).toEqual({ x: 0.55, y: 0.5 });
    expect(nudgeFocal({ x: 0.02, y: 0.5 }, 'ArrowLeft')).toEqual({ x: 0, y: 0.5 });
    expect(nudgeFocal({ x: 0.5, y: 0.98 }, 'ArrowDown')).toEqual({ x: 0.5, y: 1 });
    expect(nudgeFocal({ x: 0.5, y: 0.5 }, 'Enter')).toBeNull();
  });
});

describe('cropStyle', () => {
  it('scales and shifts the image so the crop fills the box', () => {
    expect(cropStyle({ left: 0.25, top: 0, width: 0.5, height: 1 })).toEqual({
      width: '200.000%',
      height: '100.000%',
      left: '-50.000%',
      top: '0.000%',
    });
  });
});
