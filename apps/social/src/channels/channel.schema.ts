import { z } from 'zod';
import { ChannelSchema as ApiChannelSchema } from '@khao/contracts';
import { defineCollection } from '@khao/persistence';

const SealedCredentialsSchema = z.object({
  v: z.literal(1),
  kid: z.string().optional(),
  iv: z.string(),
  tag: z.string(),
  data: z.string(),
});

/** A channel as stored: what the API shows, with its sealed credentials and real dates. */
const ChannelSchema = ApiChannelSchema.omit({
  id: true,
  hasCredentials: true,
  createdAt: true,
  updatedAt: true,
}).extend({
  _id: z.string(),
  /** Sealed by CredentialsCipher; never stored in the clear. */
  credentials: SealedCredentialsSchema.nullable(),
  createdAt: z.date(),
  updatedAt: z.date(),
  updatedBy: z.string(),
});

/** An organisation has a handful of channels: read whole, single ones by `_id`. */
export const Channels = defineCollection({ name: 'channels', schema: ChannelSchema });
export type ChannelDoc = z.output<typeof ChannelSchema>;
