import { z } from 'zod';
import { ChannelTypeSchema, LanguageSchema } from '@khao/contracts';
import { defineCollection } from '@khao/persistence';

const SealedCredentialsSchema = z.object({
  v: z.literal(1),
  kid: z.string().optional(),
  iv: z.string(),
  tag: z.string(),
  data: z.string(),
});

const ChannelSchema = z.object({
  _id: z.string(),
  type: ChannelTypeSchema,
  name: z.string(),
  language: LanguageSchema,
  template: z.string(),
  hashtags: z.array(z.string()),
  enabled: z.boolean(),
  followThrough: z.object({ deleteOnUnpublish: z.boolean(), editOnCorrection: z.boolean() }),
  options: z.record(z.string(), z.unknown()),
  /** Sealed by CredentialsCipher; never stored in the clear. */
  credentials: SealedCredentialsSchema.nullable(),
  needsReauth: z.boolean(),
  reauthMessage: z.string().nullable(),
  createdAt: z.date(),
  updatedAt: z.date(),
  updatedBy: z.string(),
});

/** An organisation has a handful of channels: read whole, single ones by `_id`. */
export const Channels = defineCollection({ name: 'channels', schema: ChannelSchema });
export type ChannelDoc = z.output<typeof ChannelSchema>;
