import { ServiceConfigSchema } from '@khao/config';
import type { z } from 'zod';

export const TranslationConfigSchema = ServiceConfigSchema;
export type TranslationConfig = z.output<typeof TranslationConfigSchema>;
