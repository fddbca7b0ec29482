import { ServiceConfigSchema } from '@khao/config';
import type { z } from 'zod';

export const SocialConfigSchema = ServiceConfigSchema;
export type SocialConfig = z.output<typeof SocialConfigSchema>;
