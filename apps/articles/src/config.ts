import { ServiceConfigSchema } from '@khao/config';
import { z } from 'zod';

export const ArticlesConfigSchema = ServiceConfigSchema.extend({
  /** Languages a story may have, comma-separated, first is the default source language. */
  LANGUAGES: z
    .string()
    .default('th,en')
    .refine((v) => v.split(',').every((l) => ['th', 'en'].includes(l.trim())), "must list languages from 'th', 'en'")
    .transform((v) => v.split(',').map((l) => l.trim())),
});
export type ArticlesConfig = z.output<typeof ArticlesConfigSchema>;
