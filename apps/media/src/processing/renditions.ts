import { encode as encodeBlurhash } from 'blurhash';
import sharp from 'sharp';
import type { RenditionFormat } from '@khao/contracts';

/**
 * The image pipeline, pure (bytes in, bytes out). The original is decoded once — auto-oriented from its EXIF
 * orientation, shrunk to the widest rendition — and every output is encoded from that. sharp writes no metadata
 * unless asked, so no rendition carries EXIF, GPS, XMP or the original's ICC profile.
 */

export interface Base {
  raw: Buffer;
  width: number;
  height: number;
  channels: 1 | 2 | 3 | 4;
  /** Upright dimensions of the original. */
  originalWidth: number;
  originalHeight: number;
}

export interface Encoded {
  format: RenditionFormat;
  width: number;
  height: number;
  data: Buffer;
}

export const SHARE = { width: 1200, height: 630 } as const;

const CONTENT_TYPES: Record<RenditionFormat, string> = { jpeg: 'image/jpeg', webp: 'image/webp', avif: 'image/avif' };
export const contentTypeOf = (f: RenditionFormat) => CONTENT_TYPES[f];

/**
 * Decodes, orients and shrinks once; throws on more than `maxPixels` and on truncated or corrupt input (libvips
 * warnings included — sharp's default — since libjpeg decodes random bytes after a valid header with only a warning).
 */
export async function decodeBase(input: Buffer, maxPixels: number, maxWidth: number): Promise<Base> {
  const meta = await sharp(input, { limitInputPixels: maxPixels, failOn: 'warning' }).metadata();
  const rotated = (meta.orientation ?? 1) >= 5;
  const originalWidth = rotated ? meta.height : meta.width;
  const originalHeight = rotated ? meta.width : meta.height;
  const { data, info } = await sharp(input, { limitInputPixels: maxPixels, failOn: 'warning' })
    .autoOrient()
    .resize({ width: Math.min(maxWidth, originalWidth), withoutEnlargement: true })
    .raw()
    .toBuffer({ resolveWithObject: true });
  return {
    raw: data,
    width: info.width,
    height: info.height,
    channels: info.channels,
    originalWidth,
    originalHeight,
  };
}

function fromBase(base: Base) {
  return sharp(base.raw, { raw: { width: base.width, height: base.height, channels: base.channels } });
}

/**
 * The configured widths the original can fill (never upscaled), plus the original's own width when it is narrower
 * than the widest configured one (so a 1200-wide photo is also offered at 1200, not only at 1024).
 */
export function widthsFor(originalWidth: number, widths: number[]): number[] {
  const fit = widths.filter((w) => w <= originalWidth);
  if (originalWidth < Math.max(...widths) && !fit.includes(originalWidth)) fit.push(originalWidth);
  return fit;
}

export async function encode(base: Base, width: number, format: RenditionFormat, avifEffort = 2): Promise<Encoded> {
  // The height from the original's own aspect ratio, so each rendition is exactly what a direct resize would give.
  const height = Math.max(1, Math.round((width * base.originalHeight) / base.originalWidth));
  let img = fromBase(base).resize({ width, height, fit: 'fill' });
  if (format === 'jpeg') img = img.flatten({ background: '#ffffff' }).jpeg({ quality: 80, progressive: true });
  else if (format === 'webp') img = img.webp({ quality: 78 });
  else img = img.avif({ quality: 50, effort: avifEffort });
  const { data, info } = await img.toBuffer({ resolveWithObject: true });
  return { format, width: info.width, height: info.height, data };
}

/**
 * The 1200×630 share image: scaled to cover the frame, then cropped around the focal point (as far as the edges
 * allow). The one output that may be enlarged, because `og:image` needs that exact size.
 */
export async function shareImage(base: Base, focal: { x: number; y: number }): Promise<Buffer> {
  const scale = Math.max(SHARE.width / base.width, SHARE.height / base.height);
  const w = Math.max(SHARE.width, Math.round(base.width * scale));
  const h = Math.max(SHARE.height, Math.round(base.height * scale));
  const left = clamp(Math.round(focal.x * w - SHARE.width / 2), 0, w - SHARE.width);
  const top = clamp(Math.round(focal.y * h - SHARE.height / 2), 0, h - SHARE.height);
  return fromBase(base)
    .resize({ width: w, height: h, fit: 'fill' })
    .extract({ left, top, width: SHARE.width, height: SHARE.height })
    .flatten({ background: '#ffffff' })
    .jpeg({ quality: 82, progressive: true })
    .toBuffer();
}

export async function blurhashOf(base: Base): Promise<string> {
  const { data, info } = await fromBase(base)
    .resize({ width: 32, height: 32, fit: 'inside' })
    .ensureAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true });
  return encodeBlurhash(new Uint8ClampedArray(data), info.width, info.height, 4, 3);
}

const clamp = (v: number, lo: number, hi: number) => Math.min(Math.max(v, lo), hi);
