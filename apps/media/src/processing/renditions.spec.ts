import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { decodeBase, shareImage, widthsFor } from './renditions.js';

const widths = [320, 640, 1024, 1600, 2048];

describe('widthsFor', () => {
  it('never upscales, and offers the original width when it falls between configured ones', () => {
    expect(widthsFor(4000, widths)).toEqual(widths);
    expect(widthsFor(2048, widths)).toEqual(widths);
    expect(widthsFor(1200, widths)).toEqual([320, 640, 1024, 1200]);
    expect(widthsFor(200, widths)).toEqual([200]);
  });
});

describe('shareImage', () => {
  it('crops 1200×630 around the focal point', async () => {
    // Top half black, bottom half white: a focal point near the bottom must give a mostly white share image.
    const img = await sharp({ create: { width: 2000, height: 2000, channels: 3, background: '#000' } })
      .composite([
        {
          input: { create: { width: 2000, height: 1000, channels: 3, background: '#fff' } },
          left: 0,
          top: 1000,
        },
      ])
      .png()
      .toBuffer();
    const base = await decodeBase(img, 1e8, 2048);
    const mean = async (x: number) => {
      const out = await shareImage(base, { x: 0.5, y: x });
      const meta = await sharp(out).metadata();
      expect([meta.width, meta.height]).toEqual([1200, 630]);
      return (await sharp(out).stats()).channels[0].mean;
    };
    expect(await mean(0.95)).toBeGreaterThan(200);
    expect(await mean(0.05)).toBeLessThan(55);
  });
});
