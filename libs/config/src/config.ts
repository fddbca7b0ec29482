import { z } from 'zod';

/** Raised when the environment does not satisfy a service's schema; the message names every bad variable. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/**
 * Validates the environment once, at boot, into a typed object. Variables are read only here: modules get the
 * parsed object, never `process.env`.
 */
export function loadConfig<S extends z.ZodObject>(schema: S, env: NodeJS.ProcessEnv = process.env): z.output<S> {
  const input: Record<string, string | undefined> = {};
  for (const key of Object.keys(schema.shape)) {
    const value = env[key];
    input[key] = value === '' ? undefined : value;
  }
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  throw new ConfigError(
    result.error.issues.map((issue) => {
      const name = issue.path.join('.') || '(environment)';
      const given = input[String(issue.path[0])];
      const shown = given === undefined ? 'it is not set' : `got '${isSecretName(name) ? '***' : given}'`;
      return `${name}: ${issue.message} (${shown})`;
    }),
  );
}

const secretWords = /(SECRET|PASSWORD|TOKEN|KEY|CREDENTIAL)/i;
export function isSecretName(name: string): boolean {
  return secretWords.test(name);
}

// ----------------------------------------------------------------------------------------- shared pieces

const url = (protocols: string[]) =>
  z.string({ error: 'is required' }).refine(
    (v) => {
      try {
        return protocols.includes(new URL(v).protocol);
      } catch {
        return false;
      }
    },
    `must be a URL starting with ${protocols.map((p) => `${p}//`).join(' or ')}`,
  );

const int = (def: number, min = 0, max = Number.MAX_SAFE_INTEGER) =>
  z.coerce
    .number({ error: 'must be a whole number' })
    .int('must be a whole number')
    .min(min, `must be at least ${min}`)
    .max(max, `must be at most ${max}`)
    .default(def);

const bool = (def: boolean) =>
  z
    .enum(['true', 'false', '1', '0'], { error: "must be 'true' or 'false'" })
    .default(def ? 'true' : 'false')
    .transform((v) => v === 'true' || v === '1');

const msList = (def: string) =>
  z
    .string()
    .default(def)
    .refine((v) => v.split(',').every((p) => /^\s*\d+\s*$/.test(p)), 'must be a comma-separated list of milliseconds')
    .transform((v) => v.split(',').map((p) => Number(p.trim())));

/** A comma-separated list (empty by default), its items trimmed and empty ones dropped; `valid` checks each. */
const list = (valid: (item: string) => boolean, message: string) =>
  z
    .string()
    .default('')
    .transform((v) =>
      v
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean),
    )
    .refine((items) => items.every(valid), message);

export const env = { url, int, bool, msList, list };

export const LogLevelSchema = z
  .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], {
    error: 'must be one of fatal, error, warn, info, debug, trace, silent',
  })
  .default('info');

/** What every service needs: NATS, its MongoDB database, logging and messaging tunables. */
export const BaseConfigSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  LOG_LEVEL: LogLevelSchema,
  NATS_URL: url(['nats:', 'tls:']),
  MONGO_URL: url(['mongodb:', 'mongodb+srv:']),
  RPC_TIMEOUT_MS: int(5000, 100, 120_000),
  /** How often the outbox relay sweeps for events a crash left unpublished. */
  OUTBOX_SWEEP_MS: int(2000, 100, 600_000),
  /** How long after a write was announced the sweep may take over its events (writers finish within half). */
  OUTBOX_GRACE_MS: int(20_000, 200, 600_000),
  /** Deliveries of one event to one consumer before it goes to the dead-letter stream. */
  EVENT_MAX_DELIVERIES: int(5, 1, 100),
  /** Redelivery delays after each failure; the last repeats. */
  EVENT_BACKOFF_MS: msList('1000,5000,30000,120000'),
  /** JetStream duplicate window: a re-published event id within it is stored once. */
  EVENT_DEDUPE_WINDOW_MS: int(2 * 60 * 1000, 1000, 7 * 24 * 3600 * 1000),
  SHUTDOWN_GRACE_MS: int(10_000, 0, 120_000),
  /**
   * Stop when the process that started this one is gone (test and bench harnesses set it): an orphan keeps
   * reconnecting to NATS, joins the next run's queue groups and answers its requests from its own old database.
   */
  STOP_WITH_PARENT: bool(false),
});
export type BaseConfig = z.output<typeof BaseConfigSchema>;

export const S3ConfigSchema = z.object({
  S3_ENDPOINT: url(['http:', 'https:']),
  S3_ACCESS_KEY: z.string({ error: 'is required' }).min(3, 'must be at least 3 characters'),
  S3_SECRET_KEY: z.string({ error: 'is required' }).min(8, 'must be at least 8 characters'),
  S3_REGION: z.string().default('us-east-1'),
});

/** Test-only fault injection points; unset in every real deployment. */
export const FailpointSchema = z
  .enum(['crash-after-outbox-write'], { error: "must be 'crash-after-outbox-write' or unset" })
  .optional();

/** A service that owns a MongoDB database and talks over NATS. */
export const ServiceConfigSchema = BaseConfigSchema.extend({
  /** Its own database; no service reads another's. */
  MONGO_DB: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,60}$/, 'must be a database name (letters, digits, _ and -)')
    .optional(),
  FAILPOINT: FailpointSchema,
});
export type ServiceConfig = z.output<typeof ServiceConfigSchema>;
