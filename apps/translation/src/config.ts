import { env, ServiceConfigSchema } from '@khao/config';
import { OutboundAllowSchema } from '@khao/net';
import { z } from 'zod';

const optionalUrl = (def: string) => env.url(['http:', 'https:']).default(def);
const secret = z.string().min(1).optional();

export const TranslationConfigSchema = ServiceConfigSchema.extend({
  /** Hosts, addresses or CIDR ranges a provider base may be although not public (a LibreTranslate on the LAN). */
  OUTBOUND_ALLOW: OutboundAllowSchema,
  /** Durable consumer name, shared by this service's replicas (tests give each platform its own). */
  EVENTS_CONSUMER: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,80}$/, 'must be a consumer name (letters, digits, _ and -)')
    .default('translation'),
  /** Languages stories may have; a job is kept for each one other than a story's source. */
  LANGUAGES: z
    .string()
    .default('th,en')
    .refine((v) => v.split(',').every((l) => ['th', 'en'].includes(l.trim())), "must list languages from 'th', 'en'")
    .transform((v) => v.split(',').map((l) => l.trim()) as ('th' | 'en')[]),
  /**
   * Which state of the source version starts a job: `save` (every save), `submit` (in review or later: the text the
   * author calls ready; the default), `publish` (only live text).
   */
  TRANSLATION_TRIGGER: z
    .enum(['save', 'submit', 'publish'], { error: "must be 'save', 'submit' or 'publish'" })
    .default('submit'),
  /** `manual` (a translator writes every segment), or a machine translation provider. */
  TRANSLATION_PROVIDER: z
    .enum(['manual', 'libretranslate', 'deepl', 'google', 'openai'], {
      error: "must be 'manual', 'libretranslate', 'deepl', 'google' or 'openai'",
    })
    .default('manual'),
  /** What approval does with the target version: write it as a `draft`, or `publish` it. */
  TRANSLATION_APPROVAL: z.enum(['draft', 'publish'], { error: "must be 'draft' or 'publish'" }).default('draft'),
  /** One provider call's limit. */
  TRANSLATION_TIMEOUT_MS: env.int(30_000, 100, 600_000),
  /** Segments per provider call (DeepL takes at most 50 texts, Google 128). */
  TRANSLATION_BATCH_SIZE: env.int(50, 1, 128),
  /** Delays before retrying a job whose provider failed; the last repeats, forever: nothing is dropped. */
  TRANSLATION_RETRY_MS: env.msList('5000,30000,120000,300000'),
  /** How often the worker looks for due jobs (it is also woken by every new job). */
  TRANSLATION_POLL_MS: env.int(1000, 50, 60_000),
  /** How long a worker owns a job it took; renewed while it works, so a dead worker's job is taken over after it. */
  TRANSLATION_LEASE_MS: env.int(60_000, 500, 3_600_000),
  /** Jobs one replica translates at the same time. */
  TRANSLATION_CONCURRENCY: env.int(4, 1, 64),
  /** Article events one replica handles at the same time (one story's always one after another). */
  TRANSLATION_EVENT_HANDLERS: env.int(4, 1, 64),

  LIBRETRANSLATE_URL: optionalUrl('http://127.0.0.1:5000'),
  LIBRETRANSLATE_API_KEY: secret,
  /** https://api-free.deepl.com for free keys (ending in `:fx`), https://api.deepl.com for Pro. */
  DEEPL_URL: optionalUrl('https://api-free.deepl.com'),
  DEEPL_AUTH_KEY: secret,
  /** DeepL needs a variant for English targets. */
  DEEPL_ENGLISH: z.enum(['EN-US', 'EN-GB']).default('EN-GB'),
  GOOGLE_TRANSLATE_URL: optionalUrl('https://translation.googleapis.com'),
  GOOGLE_API_KEY: secret,
  /** Any OpenAI-compatible server (OpenAI, a local llama.cpp/vLLM/Ollama server, …). */
  OPENAI_URL: optionalUrl('http://127.0.0.1:8080'),
  OPENAI_API_KEY: secret,
  OPENAI_MODEL: z.string().min(1).default('gpt-4o-mini'),
}).superRefine((c, ctx) => {
  const need = (key: keyof typeof c, provider: string) => {
    if (c.TRANSLATION_PROVIDER === provider && !c[key]) {
      ctx.addIssue({ code: 'custom', path: [key], message: `is required when TRANSLATION_PROVIDER=${provider}` });
    }
  };
  need('DEEPL_AUTH_KEY', 'deepl');
  need('GOOGLE_API_KEY', 'google');
});
export type TranslationConfig = z.output<typeof TranslationConfigSchema>;
