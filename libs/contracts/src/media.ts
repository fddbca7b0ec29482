import { z } from 'zod';
import { LanguageSchema, ObjectIdSchema } from './articles.js';
import { defineEvent } from './events.js';
import { ActorSchema, defineRpc } from './rpc.js';

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

// ------------------------------------------------------------------------------------------ the media service's own

/** Image formats accepted as uploads, by content (magic bytes), never by name. */
export const SourceFormatSchema = z.enum(['jpeg', 'png', 'webp', 'avif', 'gif']);
export type SourceFormat = z.infer<typeof SourceFormatSchema>;

export const MediaStatusSchema = z.enum(['pending', 'processing', 'ready', 'failed']);
export type MediaStatus = z.infer<typeof MediaStatusSchema>;

const short = (max: number) => z.string().max(max, `must be at most ${max} characters`).trim();
/** Per-language texts (captions, alt). */
export const LocalizedTextSchema = z.object({ th: short(2000).optional(), en: short(2000).optional() }).strict();
export const FocalPointSchema = z
  .object({
    x: z.number().min(0, 'must be between 0 and 1').max(1, 'must be between 0 and 1'),
    y: z.number().min(0, 'must be between 0 and 1').max(1, 'must be between 0 and 1'),
  })
  .strict();

/** An image as the admin API shows it. */
export const MediaAssetSchema = z.object({
  id: z.string(),
  status: MediaStatusSchema,
  filename: z.string().nullable(),
  /** The original's format, sniffed from its bytes; null until verified. */
  format: SourceFormatSchema.nullable(),
  bytes: z.number().int().nullable(),
  width: z.number().int().nullable(),
  height: z.number().int().nullable(),
  sha256: z.string().nullable(),
  blurhash: z.string().nullable(),
  focalPoint: z.object({ x: z.number(), y: z.number() }),
  captions: z.object({ th: z.string().optional(), en: z.string().optional() }),
  alt: z.object({ th: z.string().optional(), en: z.string().optional() }),
  credit: z.string(),
  renditions: z.array(RenditionSchema),
  shareImage: z.object({ url: z.string(), width: z.number().int(), height: z.number().int() }).nullable(),
  /** Why processing failed, when status is `failed`. */
  failure: z.string().nullable(),
  createdBy: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type MediaAsset = z.infer<typeof MediaAssetSchema>;

/** What `complete` answers: the asset, and whether identical bytes were already an asset (that one is returned). */
export const CompletedUploadSchema = MediaAssetSchema.extend({ deduplicated: z.boolean() });
export type CompletedUpload = z.infer<typeof CompletedUploadSchema>;

const mimeType = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9.+-]+\/[a-z0-9.+-]+$/, 'must be a MIME type such as image/jpeg')
  .max(100);
const sha256 = z
  .string()
  .toLowerCase()
  .regex(/^[0-9a-f]{64}$/, 'must be the hexadecimal SHA-256 of the file');

/** Body of `POST /media/uploads`: what the client is about to PUT (size lets an oversize file be refused at once). */
export const CreateUploadSchema = z
  .object({
    filename: short(255).min(1).optional(),
    contentType: mimeType.optional(),
    size: z.number().int().nonnegative().optional(),
  })
  .strict();
export type CreateUpload = z.input<typeof CreateUploadSchema>;

/** Body of `POST /media/:id/complete`: what the client says it uploaded; the service checks each against the bytes. */
export const CompleteUploadSchema = z
  .object({
    size: z.number().int().nonnegative().optional(),
    contentType: mimeType.optional(),
    sha256: sha256.optional(),
  })
  .strict();
export type CompleteUpload = z.input<typeof CompleteUploadSchema>;

export const PresignedUploadSchema = z.object({
  id: z.string(),
  /** PUT the file's bytes here, with `headers`, before `expiresAt`; then call complete. */
  url: z.string(),
  headers: z.record(z.string(), z.string()),
  expiresAt: z.string(),
  maxBytes: z.number().int(),
});
export type PresignedUpload = z.infer<typeof PresignedUploadSchema>;

/** The gateway's streaming slot: an S3 multipart upload whose part URLs are signed in advance. */
export const UploadStreamSchema = z.object({
  id: z.string(),
  /** Part n (1-based) goes to `partUrls[n-1]`; every part but the last is exactly `partBytes` long. */
  partUrls: z.array(z.string()),
  partBytes: z.number().int(),
  maxBytes: z.number().int(),
  expiresAt: z.string(),
});
export type UploadStream = z.infer<typeof UploadStreamSchema>;

export const UploadedPartSchema = z.object({ partNumber: z.number().int().min(1).max(10_000), etag: z.string() });

export const MediaPatchSchema = z
  .object({
    captions: LocalizedTextSchema.optional(),
    alt: LocalizedTextSchema.optional(),
    credit: short(300).optional(),
    focalPoint: FocalPointSchema.optional(),
  })
  .strict()
  .refine((p) => Object.keys(p).length > 0, 'send at least one field to change')
  .meta({ minProperties: 1 });
export type MediaPatch = z.input<typeof MediaPatchSchema>;

export const MediaListQuerySchema = z
  .object({
    status: MediaStatusSchema.optional(),
    /** Words that must all appear in a caption, alt text, credit or file name (either language, any case). */
    q: z.string().trim().max(200, 'must be at most 200 characters').optional(),
    cursor: ObjectIdSchema.optional(),
    limit: z.coerce.number().int().min(1).max(100).default(30),
  })
  .strict();
export type MediaListQuery = z.input<typeof MediaListQuerySchema>;

const withMediaActor = <T extends z.ZodRawShape>(shape: T) => z.object({ actor: ActorSchema, ...shape }).strict();

/** The admin side of the media service (the gateway's media routes). Subjects are wire-stable. */
export const MediaAdminRpc = {
  /** A presigned PUT for the direct path. */
  createUpload: defineRpc(
    'media.create-upload.v1',
    withMediaActor({ upload: CreateUploadSchema }),
    PresignedUploadSchema,
  ),
  /** A multipart slot the gateway streams a file into (bytes never travel over NATS). */
  createStream: defineRpc(
    'media.create-stream.v1',
    withMediaActor({
      filename: short(255).optional(),
      /** The HTTP request's Content-Length: a body already over the limit is refused before anything is created. */
      contentLength: z.number().int().nonnegative().optional(),
    }),
    UploadStreamSchema,
  ),
  /** Verifies the uploaded bytes (size, type by content, checksum, decodability), then processes them. */
  complete: defineRpc(
    'media.complete.v1',
    withMediaActor({
      id: ObjectIdSchema,
      declared: CompleteUploadSchema.default({}),
      /** For a streamed (multipart) upload: the parts the gateway stored, and the form's file name. */
      parts: z.array(UploadedPartSchema).max(10_000).optional(),
      filename: short(255).optional(),
    }),
    CompletedUploadSchema,
  ),
  /** Drops an upload that will not be completed (a stream that failed or ran over the limit). */
  abort: defineRpc(
    'media.abort-upload.v1',
    withMediaActor({ id: ObjectIdSchema }),
    z.object({ id: z.string(), aborted: z.boolean() }),
  ),
  get: defineRpc('media.get.v1', withMediaActor({ id: ObjectIdSchema }), MediaAssetSchema),
  list: defineRpc(
    'media.list.v1',
    withMediaActor({ query: MediaListQuerySchema }),
    z.object({ items: z.array(MediaAssetSchema), nextCursor: z.string().nullable() }),
  ),
  update: defineRpc(
    'media.update.v1',
    withMediaActor({ id: ObjectIdSchema, patch: MediaPatchSchema }),
    MediaAssetSchema,
  ),
  delete: defineRpc(
    'media.delete.v1',
    withMediaActor({ id: ObjectIdSchema, force: z.boolean().default(false) }),
    z.object({ id: z.string(), deleted: z.literal(true) }),
  ),
};
