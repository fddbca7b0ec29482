import { z } from 'zod';
import { LanguageSchema, ObjectIdSchema } from './articles.js';
import { defineEvent } from './events.js';
import { defineRpc } from './rpc.js';

/**
 * The shapes other services need from the media service: a story's images resolved to public rendition URLs,
 * and the media events. The media service owns everything else about an asset.
 */

export const RenditionFormatSchema = z.enum(['jpeg', 'webp', 'avif']);
export type RenditionFormat = z.infer<typeof RenditionFormatSchema>;

export const RenditionSchema = z.object({
  format: RenditionFormatSchema,
  width: z.number().int().positive(),
  height: z.number().int().positive(),
  bytes: z.number().int().nonnegative(),
  /** Absolute public URL; content-addressed, so it can be cached for a year. */
  url: z.string(),
});
export type Rendition = z.infer<typeof RenditionSchema>;

/** One image as a page or a feed shows it, in one language. */
export const ResolvedImageSchema = z.object({
  id: z.string(),
  width: z.number().int().positive(),
  height: z.number().int().positive(),
  blurhash: z.string(),
  /** Focal point, each coordinate 0..1 from the top left. */
  focalPoint: z.object({ x: z.number(), y: z.number() }),
  /** Caption and alt text in the requested language, falling back to any other language that has one. */
  caption: z.string(),
  alt: z.string(),
  credit: z.string(),
  /** A JPEG rendition about 1024 wide (or the widest below it): the `src` fallback. */
  src: z.string(),
  /** `srcset` strings per format, widest last, e.g. `https://…/a-320.webp 320w, https://…/a-640.webp 640w`. */
  srcset: z.object({ webp: z.string(), jpeg: z.string(), avif: z.string().nullable() }),
  renditions: z.array(RenditionSchema),
  /** The 1200×630 share image (JPEG), focal-point aware: `og:image`. */
  shareImage: z.object({ url: z.string(), width: z.literal(1200), height: z.literal(630) }),
});
export type ResolvedImage = z.infer<typeof ResolvedImageSchema>;

export const MediaRpc = {
  /**
   * Public side: images by id, in the order asked, in one language. Ids that are unknown, deleted or not yet
   * processed are left out (a page renders without them rather than failing).
   */
  resolve: defineRpc(
    'media.resolve.v1',
    z.object({ ids: z.array(ObjectIdSchema).max(200), language: LanguageSchema }).strict(),
    z.object({ items: z.array(ResolvedImageSchema) }),
  ),
};

const mediaRef = { mediaId: z.string(), sha256: z.string() };

export const MediaEvents = {
  /** Renditions (JPEG and WebP; AVIF may follow in a later `processed` event) are ready and public. */
  processed: defineEvent(
    'media.processed.v1',
    z.object({
      ...mediaRef,
      width: z.number().int(),
      height: z.number().int(),
      formats: z.array(RenditionFormatSchema),
    }),
  ),
  failed: defineEvent('media.failed.v1', z.object({ ...mediaRef, reason: z.string() })),
  /** Also sent when captions, alt text, credit or focal point change, so caches of pages that show it refresh. */
  updated: defineEvent('media.updated.v1', z.object(mediaRef)),
  deleted: defineEvent('media.deleted.v1', z.object({ ...mediaRef, by: z.string() })),
};
