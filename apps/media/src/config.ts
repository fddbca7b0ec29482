import { S3ConfigSchema, ServiceConfigSchema } from '@khao/config';
import { z } from 'zod';

export const MediaConfigSchema = ServiceConfigSchema.extend(S3ConfigSchema.shape).extend({
  S3_BUCKET: z
    .string()
    .regex(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, 'must be a valid S3 bucket name')
    .default('khao-media'),
});
export type MediaConfig = z.output<typeof MediaConfigSchema>;
