import { z } from 'zod';
import { ActorSchema, defineRpc } from './rpc.js';
import { LanguageSchema, ObjectIdSchema } from './articles.js';
import { defineEvent } from './events.js';

/**
 * The social service: channels (where stories are posted), the post ledger (one post per story, language and
 * channel) and previews of the text each channel would post. Subjects and event types are wire-stable.
 */

export const ChannelTypeSchema = z.enum(
  ['webhook', 'facebook_page', 'x', 'line_oa', 'mastodon', 'telegram', 'bluesky'],
  {
    error: "must be one of 'webhook', 'facebook_page', 'x', 'line_oa', 'mastodon', 'telegram', 'bluesky'",
  },
);
export type ChannelType = z.infer<typeof ChannelTypeSchema>;

const httpUrl = z
  .url({ protocol: /^https?$/, error: 'must be an http:// or https:// URL' })
  .max(2000, 'must be at most 2000 characters');
const secret = (min = 1) =>
  z.string().min(min, `must be at least ${min} characters`).max(4096, 'must be at most 4096 characters');

/** Per-type settings that are not secret (returned by the API). */
export const ChannelOptionsSchemas = {
  webhook: z.object({ url: httpUrl }).strict(),
  facebook_page: z.object({ pageId: z.string().regex(/^[0-9]{1,30}$/, 'must be the numeric Page id') }).strict(),
  x: z.object({}).strict(),
  line_oa: z
    .object({
      /** broadcast: every friend of the account; push: one user, group or room (`to`). */
      mode: z.enum(['broadcast', 'push']).default('broadcast'),
      to: z
        .string()
        .regex(/^[UCR][0-9a-f]{32}$/, 'must be a LINE user, group or room id')
        .optional(),
    })
    .strict()
    .refine((o) => o.mode !== 'push' || !!o.to, { message: "push needs 'to'", path: ['to'] }),
  mastodon: z
    .object({
      instanceUrl: httpUrl,
      /** The instance's status length limit (500 on stock Mastodon). */
      characterLimit: z.number().int().min(100).max(100_000).default(500),
      visibility: z.enum(['public', 'unlisted', 'private']).default('public'),
    })
    .strict(),
  telegram: z
    .object({
      /** `@channelusername` or the numeric chat id (`-100…`). */
      chatId: z
        .string()
        .regex(/^(@[A-Za-z][A-Za-z0-9_]{3,31}|-?[0-9]{1,20})$/, 'must be @channelname or a numeric chat id'),
      /** Post the cover image with the text as its caption (1024 characters) when the story has one. */
      sendPhoto: z.boolean().default(true),
    })
    .strict(),
  bluesky: z.object({}).strict(),
} as const;

/** Per-type secrets: encrypted at rest, never returned or logged. */
export const ChannelCredentialsSchemas = {
  webhook: z.object({ secret: secret(16) }).strict(),
  facebook_page: z.object({ pageAccessToken: secret(10) }).strict(),
  x: z.object({ accessToken: secret(10) }).strict(),
  line_oa: z.object({ channelAccessToken: secret(10) }).strict(),
  mastodon: z.object({ accessToken: secret(10) }).strict(),
  telegram: z
    .object({ botToken: z.string().regex(/^[0-9]{3,20}:[A-Za-z0-9_-]{20,100}$/, 'must be a bot token (123456:ABC…)') })
    .strict(),
  bluesky: z
    .object({
      identifier: z.string().min(3).max(300),
      /** An app password (Settings → App passwords), not the account password. */
      appPassword: secret(4),
    })
    .strict(),
} as const satisfies Record<ChannelType, z.ZodType>;

export const FollowThroughSchema = z
  .object({
    /** Unpublishing (or deleting) the story deletes its posts where the platform allows. */
    deleteOnUnpublish: z.boolean().default(true),
    /** A correction to a live story edits its posts where the platform allows. */
    editOnCorrection: z.boolean().default(true),
  })
  .strict();

/** `{title}`, `{summary}`, `{url}` and `{hashtags}` are replaced; the rest is kept as written. */
export const DEFAULT_TEMPLATE = '{title}\n\n{summary}\n\n{url}\n{hashtags}';

const hashtag = z
  .string()
  .trim()
  .regex(/^#?[\p{L}\p{M}\p{N}_]{1,60}$/u, 'must be one word of letters, digits or _ (no spaces)')
  .transform((t) => t.replace(/^#/, ''));

const common = {
  name: z.string().max(80, 'must be at most 80 characters').trim().min(1, 'must not be empty'),
  language: LanguageSchema,
  template: z
    .string()
    .max(2000)
    .refine((t) => t.includes('{url}'), 'must contain {url}')
    .meta({ pattern: '\\{url\\}' })
    .default(DEFAULT_TEMPLATE),
  hashtags: z.array(hashtag).max(10).default([]),
  enabled: z.boolean().default(true),
  followThrough: FollowThroughSchema.default({ deleteOnUnpublish: true, editOnCorrection: true }),
};

const channelInput = <T extends ChannelType>(type: T) =>
  z
    .object({
      type: z.literal(type),
      ...common,
      options: ChannelOptionsSchemas[type],
      credentials: ChannelCredentialsSchemas[type],
    })
    .strict();

export const ChannelInputSchema = z.discriminatedUnion('type', [
  channelInput('webhook'),
  channelInput('facebook_page'),
  channelInput('x'),
  channelInput('line_oa'),
  channelInput('mastodon'),
  channelInput('telegram'),
  channelInput('bluesky'),
]);
export type ChannelInput = z.input<typeof ChannelInputSchema>;

/** A PATCH: only what is sent changes. Options and credentials are checked against the channel's type. */
export const ChannelPatchSchema = z
  .object({
    name: common.name.optional(),
    language: LanguageSchema.optional(),
    template: common.template.unwrap().optional(),
    hashtags: z.array(hashtag).max(10).optional(),
    enabled: z.boolean().optional(),
    followThrough: FollowThroughSchema.partial().optional(),
    options: z.record(z.string(), z.unknown()).optional(),
    /** Replaces the credentials (and clears a needs-re-authorisation flag). */
    credentials: z.record(z.string(), z.unknown()).optional(),
  })
  .strict()
  .refine((p) => Object.keys(p).length > 0, 'send at least one field to change')
  .meta({ minProperties: 1 });
export type ChannelPatch = z.input<typeof ChannelPatchSchema>;

/** A channel as the API shows it: never its credentials, only whether it has some. */
export const ChannelSchema = z.object({
  id: z.string(),
  type: ChannelTypeSchema,
  name: z.string(),
  language: LanguageSchema,
  template: z.string(),
  hashtags: z.array(z.string()),
  enabled: z.boolean(),
  followThrough: z.object({ deleteOnUnpublish: z.boolean(), editOnCorrection: z.boolean() }),
  options: z.record(z.string(), z.unknown()),
  hasCredentials: z.boolean(),
  /** The platform refused the credentials (401/403): posts fail until they are replaced. */
  needsReauth: z.boolean(),
  reauthMessage: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Channel = z.infer<typeof ChannelSchema>;

export const PostStatusSchema = z.enum(['queued', 'sending', 'sent', 'failed', 'unconfirmed', 'deleted', 'cancelled']);
export type PostStatus = z.infer<typeof PostStatusSchema>;

/**
 * Why a post's last attempt went wrong, as the social service classified it, for the studio to say in words (the
 * platform's own answer stays in `lastError`). Stored on posts: values are only ever added.
 */
export const PostErrorKindSchema = z.enum([
  /** The platform refused the channel's credentials: the channel needs re-authorisation. */
  'auth',
  /** The platform asked to slow down (429 and its own rate-limit answers). */
  'rate_limited',
  /** The platform could not be reached, or had a passing fault (5xx). */
  'retryable',
  /** The platform refused this post; sending it again as it is will not help. */
  'permanent',
  /** No answer came: the platform may have the post. */
  'unconfirmed',
  /** The channel's stored credentials cannot be decrypted (the key changed): they must be entered again. */
  'credentials',
  /** The channel was removed before the post could be sent or confirmed. */
  'channel_deleted',
  /** The story was taken down while its post was unconfirmed. */
  'taken_down',
]);
export type PostErrorKind = z.infer<typeof PostErrorKindSchema>;

/** One ledger entry: the post of one story version on one channel. Its id is `<storyId>:<language>:<channelId>`. */
export const PostSchema = z.object({
  id: z.string(),
  storyId: z.string(),
  /** The story's title in the post's language, as the post was queued (or last corrected); null when unknown. */
  title: z.string().nullable(),
  language: LanguageSchema,
  channelId: z.string(),
  channelType: ChannelTypeSchema,
  status: PostStatusSchema,
  /** Sends tried for this post (reconciliations not counted). */
  attempts: z.number().int(),
  /** The platform's own words about the last failure, with every credential masked (a detail for whoever needs it). */
  lastError: z.string().nullable(),
  /** What `lastError` means, to be said in the person's language; null when nothing failed (or before it was kept). */
  errorKind: PostErrorKindSchema.nullable(),
  externalId: z.string().nullable(),
  externalUrl: z.string().nullable(),
  text: z.string().nullable(),
  nextAttemptAt: z.string().nullable(),
  sentAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Post = z.infer<typeof PostSchema>;

export const PostIdSchema = z
  .string()
  .regex(/^[0-9a-f]{24}:(th|en):[0-9a-f]{24}$/, 'must be a post id (<storyId>:<language>:<channelId>)');

export const PostQuerySchema = z
  .object({
    storyId: ObjectIdSchema.optional(),
    channelId: ObjectIdSchema.optional(),
    language: LanguageSchema.optional(),
    status: PostStatusSchema.optional(),
    /** The last id of the previous page. */
    after: z.string().max(80).optional(),
    limit: z.coerce.number().int().min(1).max(200).default(50),
  })
  .strict();
export type PostQuery = z.input<typeof PostQuerySchema>;

export const RetryInputSchema = z
  .object({
    /**
     * For an unconfirmed post: a person checked the platform and the post is not there, so sending again cannot
     * make a duplicate. Required for unconfirmed posts, ignored for failed ones.
     */
    confirmNotPosted: z.boolean().optional(),
  })
  .strict();

export const PreviewInputSchema = z
  .object({
    storyId: ObjectIdSchema,
    language: LanguageSchema,
    /** One channel; by default every enabled channel of the language. */
    channelId: ObjectIdSchema.optional(),
    /** The editor's unsaved text, counted instead of the saved version's (the story editor's panel as one types). */
    title: z.string().max(300, 'must be at most 300 characters').optional(),
    summary: z.string().max(1000, 'must be at most 1000 characters').optional(),
  })
  .strict();

export const PreviewItemSchema = z.object({
  channelId: z.string(),
  name: z.string(),
  type: ChannelTypeSchema,
  text: z.string(),
  /** The length as the platform counts it (`unit`), against `limit`. */
  length: z.number().int(),
  limit: z.number().int().nullable(),
  unit: z.enum(['x-weighted', 'graphemes', 'characters', 'none']),
  truncated: z.boolean(),
  /** Bluesky: link and tag facets at UTF-8 byte offsets. */
  facets: z.array(z.unknown()).optional(),
});
export type PreviewItem = z.infer<typeof PreviewItemSchema>;

/** `GET /social/reach?language=`: where publishing a version of that language would post now. */
export const ReachQuerySchema = z.object({ language: LanguageSchema }).strict();
export const ReachSchema = z.object({
  language: LanguageSchema,
  /** Enabled channels of the language: each gets exactly one post when a version is published. */
  channels: z.number().int(),
  /** Their types (one entry per channel), so a confirmation can name them; never names, options or credentials. */
  types: z.array(ChannelTypeSchema),
});
export type Reach = z.infer<typeof ReachSchema>;
/** What a harmless call to the platform said of a channel's credentials (nothing is posted). */
export const ChannelTestSchema = z.object({
  /** False where the platform has no harmless call (webhook, X): nothing was tried. */
  supported: z.boolean(),
  ok: z.boolean(),
  /** The account the platform named (`@bot → channel`, the Page's name, `@handle`), when it answered. */
  account: z.string().nullable(),
  /** Why it failed, in the platform's words with every secret masked; null when it worked or was not tried. */
  error: z.string().nullable(),
});
export type ChannelTest = z.infer<typeof ChannelTestSchema>;

/** How many posts of the ledger are in each status (for the admins' health page). */
export const PostCountsSchema = z.object(
  Object.fromEntries(PostStatusSchema.options.map((s) => [s, z.number().int()])) as Record<PostStatus, z.ZodNumber>,
);
export type PostCounts = z.infer<typeof PostCountsSchema>;

const withActor = <T extends z.ZodRawShape>(shape: T) => z.object({ actor: ActorSchema, ...shape }).strict();
const channelId = { id: ObjectIdSchema };

export const SocialRpc = {
  createChannel: defineRpc('social.channels.create.v1', withActor({ channel: ChannelInputSchema }), ChannelSchema),
  listChannels: defineRpc('social.channels.list.v1', withActor({}), z.object({ items: z.array(ChannelSchema) })),
  getChannel: defineRpc('social.channels.get.v1', withActor(channelId), ChannelSchema),
  /** How many channels a publish of one language posts to (for editors, who may not read the channels). */
  reach: defineRpc('social.channels.reach.v1', withActor({ query: ReachQuerySchema }), ReachSchema),
  updateChannel: defineRpc(
    'social.channels.update.v1',
    withActor({ ...channelId, patch: ChannelPatchSchema }),
    ChannelSchema,
  ),
  deleteChannel: defineRpc(
    'social.channels.delete.v1',
    withActor(channelId),
    z.object({ id: z.string(), deleted: z.literal(true) }),
  ),
  testChannel: defineRpc('social.channels.test.v1', withActor(channelId), ChannelTestSchema),
  countPosts: defineRpc('social.posts.count.v1', withActor({}), PostCountsSchema),
  listPosts: defineRpc(
    'social.posts.list.v1',
    withActor({ query: PostQuerySchema }),
    z.object({ items: z.array(PostSchema), nextCursor: z.string().nullable() }),
  ),
  retryPost: defineRpc('social.posts.retry.v1', withActor({ id: PostIdSchema, input: RetryInputSchema }), PostSchema),
  preview: defineRpc(
    'social.preview.v1',
    withActor({ input: PreviewInputSchema }),
    z.object({ items: z.array(PreviewItemSchema) }),
  ),
};

const postRef = {
  postId: z.string(),
  storyId: z.string(),
  language: LanguageSchema,
  channelId: z.string(),
  channelType: ChannelTypeSchema,
  attempts: z.number().int(),
};

export const SocialEvents = {
  /** The platform confirmed the post (or reconciliation found it). */
  postSent: defineEvent(
    'social.post.sent.v1',
    z.object({ ...postRef, externalId: z.string().nullable(), externalUrl: z.string().nullable() }),
  ),
  /** Given up: a permanent error, re-authorisation needed, quota used up, or retries exhausted. */
  postFailed: defineEvent(
    'social.post.failed.v1',
    // `errorKind` says what went wrong in one word a reader's sentence is chosen by; events made before it have none.
    z.object({ ...postRef, error: z.string(), errorKind: PostErrorKindSchema.optional() }),
  ),
};

/**
 * Notices for the post list each social replica keeps in memory, not domain events: every new post and every change
 * of a post's status publishes its list row. Outside the `social` family, so neither consumers nor the live stream
 * see them. Wire-stable type.
 */
export const SocialListNotices = {
  postListed: defineEvent(
    'list.social-post.v1',
    z.union([
      z.object({ postId: z.string(), status: PostStatusSchema, updatedAt: z.string().datetime() }),
      z.object({ postId: z.string(), removed: z.literal(true) }),
    ]),
  ),
};
