import { z } from 'zod';
import { ChannelTypeSchema, LanguageSchema, PostErrorKindSchema, PostStatusSchema } from '@khao/contracts';
import { defineCollection, outboxField } from '@khao/persistence';

/** What the post says, from the article event (updated by corrections). */
const PostContentSchema = z.object({
  title: z.string(),
  summary: z.string(),
  url: z.string(),
  coverMediaId: z.string().nullable(),
  revision: z.number().int(),
  publishedAt: z.string().nullable(),
});
export type PostContent = z.output<typeof PostContentSchema>;

/** One ledger entry. `_id` = `<storyId>:<language>:<channelId>`: inserting it is what makes "queued once" safe. */
const PostSchema = z.object({
  _id: z.string(),
  storyId: z.string(),
  language: LanguageSchema,
  channelId: z.string(),
  channelType: ChannelTypeSchema,
  /** Bumped when a deleted or cancelled post is queued again (republished): a new idempotency key. */
  generation: z.number().int(),
  status: PostStatusSchema,
  attempts: z.number().int(),
  /** Every claim ever taken on this post (sends and reconciliations); the next claim is `<_id>#<claims + 1>`. */
  claims: z.number().int(),
  reconciliations: z.number().int(),
  /** The platform's words about the last failure, credentials masked. */
  lastError: z.string().nullable(),
  /** What `lastError` means (absent on posts from before it was kept). */
  errorKind: PostErrorKindSchema.nullable().optional(),
  externalId: z.string().nullable(),
  externalUrl: z.string().nullable(),
  platformData: z.record(z.string(), z.unknown()),
  text: z.string().nullable(),
  content: PostContentSchema,
  /** Bluesky record key, chosen at queue time. */
  rkey: z.string(),
  leaseUntil: z.date().nullable(),
  nextAttemptAt: z.date().nullable(),
  sentAt: z.date().nullable(),
  /** The story revision the platform post shows (edits bring it forward). */
  shownRevision: z.number().int().nullable(),
  createdAt: z.date(),
  updatedAt: z.date(),
  ...outboxField,
});

/** Every read and write is by `_id` (see PostsRepository). */
export const Posts = defineCollection({ name: 'posts', schema: PostSchema });
export type PostDoc = z.output<typeof PostSchema>;

export function postId(storyId: string, language: string, channelId: string): string {
  return `${storyId}:${language}:${channelId}`;
}
