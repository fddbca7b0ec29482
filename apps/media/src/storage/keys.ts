import type { RenditionFormat } from '@khao/contracts';
import { PUBLIC_PREFIX } from './object-store.js';

const EXT: Record<RenditionFormat, string> = { jpeg: 'jpg', webp: 'webp', avif: 'avif' };

/** Object keys. Public keys are content-addressed (the original's sha256 plus what was made of it): immutable. */
export const keys = {
  /** The private original, where the upload lands. */
  original: (assetId: string) => `originals/${assetId}`,
  /** Everything made from one original. */
  publicPrefix: (sha256: string) => `${PUBLIC_PREFIX}${sha256}/`,
  rendition: (sha256: string, width: number, format: RenditionFormat) =>
    `${PUBLIC_PREFIX}${sha256}/${width}.${EXT[format]}`,
  /** The focal point is part of the key: moving it makes a new share image under a new URL. */
  share: (sha256: string, focal: { x: number; y: number }) =>
    `${PUBLIC_PREFIX}${sha256}/share-${Math.round(focal.x * 1000)}-${Math.round(focal.y * 1000)}.jpg`,
};
