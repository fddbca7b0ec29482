import { fileURLToPath } from 'node:url';
import { BaseConfigSchema, env } from '@khao/config';
import { z } from 'zod';

export const GatewayConfigSchema = BaseConfigSchema.extend({
  HTTP_HOST: z.string().default('127.0.0.1'),
  HTTP_PORT: env.int(3000, 1, 65535),
  /** Where readers reach the site; used in links the platform hands out. */
  PUBLIC_BASE_URL: env.url(['http:', 'https:']).default('http://127.0.0.1:3000'),
  /** Durable consumer name of the events the audit trail records (shared by the gateway's replicas). */
  EVENTS_CONSUMER: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,80}$/, 'must be a consumer name (letters, digits, _ and -)')
    .default('gateway-audit'),
  /** The gateway's own database: users and what auth needs, nothing else. */
  MONGO_DB: z.string().default('gateway'),
  /** MinIO/S3 endpoint, probed (unauthenticated) for readiness. */
  S3_ENDPOINT: env.url(['http:', 'https:']),
  /**
   * Origins that serve photos or take the studio's direct uploads besides S3_ENDPOINT (a CDN in front of the
   * bucket, MinIO's public address), comma-separated: the Content-Security-Policy allows them.
   */
  MEDIA_ORIGINS: env.list(isOrigin, 'must be a comma-separated list of origins like https://cdn.example.org'),
  JWT_SECRET: z.string({ error: 'is required' }).min(32, 'must be at least 32 characters'),
  /**
   * Earlier JWT_SECRETs, comma-separated, newest first: tokens they signed stay valid until they expire, new tokens
   * are signed with JWT_SECRET. Drop one once JWT_TTL_SECONDS and SESSION_TTL_SECONDS have passed since the switch.
   */
  JWT_PREVIOUS_SECRETS: env.list((s) => s.length >= 32, 'each secret must be at least 32 characters'),
  JWT_TTL_SECONDS: env.int(3600, 60, 7 * 24 * 3600),
  /** How long a browser session's cookie lives without use; each GET of the session renews it. */
  SESSION_TTL_SECONDS: env.int(8 * 3600, 60, 30 * 24 * 3600),
  /**
   * The key that signs draft-preview links (32+ characters). Unset: derived from JWT_SECRET (and the previous
   * ones from JWT_PREVIOUS_SECRETS), so rotating that rotates this too. Set it to end every preview link at once
   * without logging anyone out.
   */
  PREVIEW_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  /** Earlier PREVIEW_SECRETs, comma-separated, newest first: links they signed work until they expire. */
  PREVIEW_PREVIOUS_SECRETS: env.list((s) => s.length >= 32, 'each secret must be at least 32 characters'),
  /** How long a draft-preview link works. */
  PREVIEW_TTL_SECONDS: env.int(24 * 3600, 60, 30 * 24 * 3600),
  /** The first admin, created at boot when no user has this e-mail yet. */
  ADMIN_EMAIL: z.email('must be an e-mail address').optional(),
  ADMIN_PASSWORD: z.string().min(12, 'must be at least 12 characters').optional(),
  /** Failed logins for one e-mail from one address before logins are refused for the window (429). */
  LOGIN_MAX_FAILURES: env.int(5, 1, 1000),
  LOGIN_WINDOW_SECONDS: env.int(900, 1, 86_400),
  /** Largest JSON body accepted, in bytes. */
  HTTP_BODY_LIMIT: env.int(1_048_576, 1024, 50 * 1_048_576),
  /** How long an upload's `complete` may take: the media service verifies and processes the image meanwhile. */
  MEDIA_PROCESSING_TIMEOUT_MS: env.int(120_000, 1000, 600_000),
  // Public delivery (pages, feeds, sitemap, public API).
  /** The site's name on pages and in feeds. */
  SITE_NAME: z.string().trim().min(1).max(100).default('Khao ข่าว'),
  /** The organisation's links in the page header; a link left unset is not shown. */
  ORG_FACEBOOK_URL: env.url(['https:', 'http:']).optional(),
  ORG_X_URL: env.url(['https:', 'http:']).optional(),
  ORG_VIDEO_URL: env.url(['https:', 'http:']).optional(),
  ORG_INTRANET_URL: env.url(['https:', 'http:']).optional(),
  ORG_WEBMAIL_URL: env.url(['https:', 'http:']).optional(),
  /** In-memory cache of rendered pages, JSON and feeds (dropped by article and media events); off for benchmarks. */
  PUBLIC_CACHE: env.bool(true),
  /**
   * With PUBLIC_CACHE on, false builds every response anew while resolved images stay cached (what a reader meets on
   * a cache miss; for benchmarks). PUBLIC_CACHE=false turns off both.
   */
  PUBLIC_RESPONSE_CACHE: env.bool(true),
  /** Resolved images kept per gateway (per image and language), so a response miss asks only articles. */
  PUBLIC_IMAGE_CACHE_ENTRIES: env.int(20_000, 0, 1_000_000),
  PUBLIC_CACHE_MAX_ENTRIES: env.int(5000, 1, 1_000_000),
  /** Bound on the cached bodies per gateway, in MiB. */
  PUBLIC_CACHE_MAX_MB: env.int(64, 1, 16_384),
  /** A safety net: cached entries are rebuilt after this long even if no event said so. */
  PUBLIC_CACHE_TTL_SECONDS: env.int(600, 1, 86_400),
  /** Cache-Control max-age for public HTML and JSON (browsers and CDNs); stale-while-revalidate is 10× that. */
  PUBLIC_MAX_AGE_SECONDS: env.int(30, 0, 86_400),
  /** Stories per front page (an "older stories" link continues). */
  PUBLIC_PAGE_SIZE: env.int(30, 1, 100),
  /** How long a page waits for the media service before it renders without images. */
  MEDIA_RESOLVE_TIMEOUT_MS: env.int(1000, 50, 30_000),
  /** The studio's built files, served at /studio (default: the monorepo's apps/studio/dist). */
  STUDIO_DIR: z
    .string()
    .min(1)
    .default(fileURLToPath(new URL('../../studio/dist', import.meta.url))),
});
function isOrigin(value: string): boolean {
  try {
    const u = new URL(value);
    return (u.protocol === 'https:' || u.protocol === 'http:') && u.origin === value.replace(/\/$/, '');
  } catch {
    return false;
  }
}

export type GatewayConfig = z.output<typeof GatewayConfigSchema>;
