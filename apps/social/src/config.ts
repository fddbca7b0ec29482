import { env, ServiceConfigSchema } from '@khao/config';
import { OutboundAllowSchema } from '@khao/net';
import { z } from 'zod';

export const SocialConfigSchema = ServiceConfigSchema.extend({
  /** Durable consumer name of the article events (shared by the replicas). */
  EVENTS_CONSUMER: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,80}$/, 'must be a consumer name (letters, digits, _ and -)')
    .default('social'),
  /** AES-256-GCM key for channel credentials at rest: 32 random bytes, base64. */
  SOCIAL_CREDENTIALS_KEY: z
    .string({ error: 'is required (32 random bytes, base64: openssl rand -base64 32)' })
    .refine((v) => Buffer.from(v, 'base64').length === 32, 'must be 32 bytes in base64 (openssl rand -base64 32)'),
  /**
   * Earlier SOCIAL_CREDENTIALS_KEYs, comma-separated: credentials they sealed stay readable until the re-seal
   * command (`npm run social:reseal`) has rewritten them with the current key.
   */
  SOCIAL_PREVIOUS_CREDENTIALS_KEYS: env.list(
    (k) => Buffer.from(k, 'base64').length === 32,
    'each key must be 32 bytes in base64 (openssl rand -base64 32)',
  ),
  /** Where readers reach the site: previews link the story as it will be posted. */
  PUBLIC_BASE_URL: env.url(['http:', 'https:']).default('http://127.0.0.1:3000'),
  /** Platform API base URLs (tests point them at local servers). Mastodon and webhooks are per channel. */
  SOCIAL_FACEBOOK_URL: env.url(['http:', 'https:']).default('https://graph.facebook.com/v23.0'),
  SOCIAL_X_URL: env.url(['http:', 'https:']).default('https://api.x.com'),
  SOCIAL_LINE_URL: env.url(['http:', 'https:']).default('https://api.line.me'),
  SOCIAL_TELEGRAM_URL: env.url(['http:', 'https:']).default('https://api.telegram.org'),
  SOCIAL_BLUESKY_URL: env.url(['http:', 'https:']).default('https://bsky.social'),
  /**
   * Host names, addresses or CIDR ranges the service may call although they are not public (loopback, private,
   * link-local), comma-separated: webhooks, Mastodon instances, platform bases and images are refused there otherwise.
   */
  OUTBOUND_ALLOW: OutboundAllowSchema,
  /** One platform call; past it the post is unconfirmed (the platform may have it) and gets reconciled. */
  SOCIAL_HTTP_TIMEOUT_MS: env.int(10_000, 100, 120_000),
  /** Sends of one post before it fails for good (retryable errors and rate limits). */
  SOCIAL_MAX_ATTEMPTS: env.int(8, 1, 50),
  /** Delays before each retry (full jitter between half and all of it); the last repeats. */
  SOCIAL_BACKOFF_MS: env.msList('2000,10000,60000,300000,900000'),
  /** Wait before reconciling an unconfirmed post, and between reconciliations. */
  SOCIAL_RECONCILE_DELAY_MS: env.int(5000, 0, 3_600_000),
  /** Reconciliations that could not reach the platform before the post is left to a person. */
  SOCIAL_RECONCILE_ATTEMPTS: env.int(5, 1, 50),
  /** How often due work (retries, reconciliation, work a crash left) is looked for. */
  SOCIAL_SWEEP_MS: env.int(1000, 50, 60_000),
  /** Article events handled at once by one replica (pullers on the shared durable consumer). */
  SOCIAL_EVENT_HANDLERS: env.int(4, 1, 64),
  /** Posts sent at once by one replica. */
  SOCIAL_CONCURRENCY: env.int(8, 1, 256),
  /** How long to wait for the media service to resolve a cover image; without an answer the post has none. */
  SOCIAL_MEDIA_TIMEOUT_MS: env.int(1500, 100, 30_000),
});
export type SocialConfig = z.output<typeof SocialConfigSchema>;
