import { BaseConfigSchema, env } from '@khao/config';
import { z } from 'zod';

export const GatewayConfigSchema = BaseConfigSchema.extend({
  HTTP_HOST: z.string().default('127.0.0.1'),
  HTTP_PORT: env.int(3000, 1, 65535),
  /** Where readers reach the site; used in links the platform hands out. */
  PUBLIC_BASE_URL: env.url(['http:', 'https:']).default('http://127.0.0.1:3000'),
  /** The gateway's own database: users and what auth needs, nothing else. */
  MONGO_DB: z.string().default('gateway'),
  /** MinIO/S3 endpoint, probed (unauthenticated) for readiness. */
  S3_ENDPOINT: env.url(['http:', 'https:']),
  JWT_SECRET: z.string({ error: 'is required' }).min(32, 'must be at least 32 characters'),
  JWT_TTL_SECONDS: env.int(3600, 60, 7 * 24 * 3600),
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
});
export type GatewayConfig = z.output<typeof GatewayConfigSchema>;
