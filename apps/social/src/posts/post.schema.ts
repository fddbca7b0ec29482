import { Schema, type Connection, type Model } from 'mongoose';
import type { ChannelType, Language, PostErrorKind, PostStatus } from '@khao/contracts';
import { modelFor, outboxField, type OutboxEntry } from '@khao/persistence';

/** What the post says, from the article event (updated by corrections). */
export interface PostContent {
  title: string;
  summary: string;
  url: string;
  coverMediaId: string | null;
  revision: number;
  publishedAt: string | null;
}

/** One ledger entry. `_id` = `<storyId>:<language>:<channelId>`: inserting it is what makes "queued once" safe. */
export interface PostDoc {
  _id: string;
  storyId: string;
  language: Language;
  channelId: string;
  channelType: ChannelType;
  /** Bumped when a deleted or cancelled post is queued again (republished): a new idempotency key. */
  generation: number;
  status: PostStatus;
  attempts: number;
  /** Every claim ever taken on this post (sends and reconciliations); the next claim is `<_id>#<claims + 1>`. */
  claims: number;
  reconciliations: number;
  /** The platform's words about the last failure, credentials masked. */
  lastError: string | null;
  /** What `lastError` means (absent on posts from before it was kept). */
  errorKind?: PostErrorKind | null;
  externalId: string | null;
  externalUrl: string | null;
  platformData: Record<string, unknown>;
  text: string | null;
  content: PostContent;
  /** Bluesky record key, chosen at queue time. */
  rkey: string;
  leaseUntil: Date | null;
  nextAttemptAt: Date | null;
  sentAt: Date | null;
  /** The story revision the platform post shows (edits bring it forward). */
  shownRevision: number | null;
  createdAt: Date;
  updatedAt: Date;
  outbox: OutboxEntry[];
}

const PostSchema = new Schema<PostDoc>(
  {
    _id: String,
    storyId: String,
    language: String,
    channelId: String,
    channelType: String,
    generation: Number,
    status: String,
    attempts: Number,
    claims: Number,
    reconciliations: Number,
    lastError: String,
    errorKind: String,
    externalId: String,
    externalUrl: String,
    platformData: Schema.Types.Mixed,
    text: String,
    content: Schema.Types.Mixed,
    rkey: String,
    leaseUntil: Date,
    nextAttemptAt: Date,
    sentAt: Date,
    shownRevision: Number,
    createdAt: Date,
    updatedAt: Date,
    ...outboxField,
  },
  { versionKey: false, collection: 'posts' },
);

export function postModel(conn: Connection): Model<PostDoc> {
  return modelFor(conn, 'Post', PostSchema);
}

export function postId(storyId: string, language: string, channelId: string): string {
  return `${storyId}:${language}:${channelId}`;
}
