import { env, S3ConfigSchema, ServiceConfigSchema } from '@khao/config';
import { z } from 'zod';

const MiB = 1024 * 1024;

export const MediaConfigSchema = ServiceConfigSchema.extend(S3ConfigSchema.shape).extend({
  S3_BUCKET: z
    .string()
    .regex(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, 'must be a valid S3 bucket name')
    .default('khao-media'),
  /** Where clients reach MinIO for presigned PUTs, when that is not S3_ENDPOINT (e.g. behind Docker's network). */
  S3_PUBLIC_ENDPOINT: env.url(['http:', 'https:']).optional(),
  /**
   * Base of rendition URLs: the bucket's public-read `public/` prefix as readers reach it. Default
   * `<S3_PUBLIC_ENDPOINT or S3_ENDPOINT>/<S3_BUCKET>/public`; set it to a CDN in front of that prefix in production.
   */
  MEDIA_PUBLIC_BASE_URL: env.url(['http:', 'https:']).optional(),
  /** Largest original accepted, in bytes (413 above). */
  MEDIA_MAX_BYTES: env.int(25 * MiB, 1, 1024 * MiB),
  /** Largest original accepted, in pixels (sharp `limitInputPixels`): pixel bombs are refused before decoding. */
  MEDIA_MAX_PIXELS: env.int(120_000_000, 1, 1_000_000_000),
  /** Rendition widths, comma-separated; never wider than the original. */
  MEDIA_RENDITION_WIDTHS: z
    .string()
    .default('320,640,1024,1600,2048')
    .refine(
      (v) => v.split(',').every((w) => /^\s*\d{2,4}\s*$/.test(w) && Number(w) >= 16 && Number(w) <= 8192),
      'must be a comma-separated list of widths between 16 and 8192',
    )
    .transform((v) => [...new Set(v.split(',').map((w) => Number(w.trim())))].sort((a, b) => a - b)),
  /** How long a presigned PUT (or a streamed upload's part URLs) stays valid. */
  MEDIA_UPLOAD_EXPIRY_SECONDS: env.int(900, 5, 7 * 24 * 3600),
  /** Part size of uploads streamed through the gateway (S3 multipart; at least 5 MiB). */
  MEDIA_PART_BYTES: env.int(8 * MiB, 5 * MiB, 512 * MiB),
  /** A processing job not finished this long after its last sign of life is taken over (crash of a replica). */
  MEDIA_PROCESSING_LEASE_MS: env.int(60_000, 500, 3_600_000),
  /** Attempts at processing one upload before it is marked failed. */
  MEDIA_PROCESSING_ATTEMPTS: env.int(3, 1, 20),
  /** How often pending jobs (recovery, AVIF, expired uploads) are looked at. */
  MEDIA_SWEEP_MS: env.int(5000, 100, 600_000),
  /** AVIF renditions, produced in the background after JPEG and WebP. */
  MEDIA_AVIF: env.bool(true),
  /** libaom effort 0–9: high effort takes tens of seconds per image on small machines. */
  MEDIA_AVIF_EFFORT: env.int(2, 0, 9),
  /** Ready assets kept in memory for `media.resolve.v1` (0: read each from the database every time). */
  MEDIA_RESOLVE_CACHE_ENTRIES: env.int(5000, 0, 1_000_000),
  /** Test-only fault injection; unset in every real deployment. */
  MEDIA_FAILPOINT: z.enum(['crash-mid-processing'], { error: "must be 'crash-mid-processing' or unset" }).optional(),
});
export type MediaConfig = z.output<typeof MediaConfigSchema>;
