import { env, ServiceConfigSchema } from '@khao/config';
import { z } from 'zod';

export const ArticlesConfigSchema = ServiceConfigSchema.extend({
  /** Languages a story may have, comma-separated. */
  LANGUAGES: z
    .string()
    .default('th,en')
    .refine((v) => v.split(',').every((l) => ['th', 'en'].includes(l.trim())), "must list languages from 'th', 'en'")
    .transform((v) => v.split(',').map((l) => l.trim()) as ('th' | 'en')[]),
  /** Where readers reach the site; events carry each version's public URL. */
  PUBLIC_BASE_URL: env.url(['http:', 'https:']).default('http://127.0.0.1:3000'),
  /** How often scheduled versions that are due get published. */
  SCHEDULER_INTERVAL_MS: env.int(1000, 100, 60_000),
  /** How often a replica snapshots its story index when it changed (0: only at a clean shutdown); boots read it. */
  INDEX_SNAPSHOT_MS: env.int(120_000, 0, 3_600_000),
  /**
   * Sooner than that, once at least INDEX_SNAPSHOT_BATCH stories changed since the last snapshot and none for this
   * long (an import that ended, a boot that caught up): the next boot then reads none of them again (0: never sooner).
   */
  INDEX_SNAPSHOT_QUIET_MS: env.int(10_000, 0, 3_600_000),
  INDEX_SNAPSHOT_BATCH: env.int(500, 1, 1_000_000),
});
export type ArticlesConfig = z.output<typeof ArticlesConfigSchema>;
