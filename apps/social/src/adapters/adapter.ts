import type { ChannelType, Language } from '@khao/contracts';
import type { Logger } from '@khao/logging';

/** A cover image as a post carries it (media.resolve.v1's share image), when the media service answered. */
export interface CoverImage {
  url: string;
  width: number;
  height: number;
  alt: string;
  /** The smallest JPEG rendition and its size: the thumbnail a platform shows before the image opens. */
  preview: { url: string; bytes: number } | null;
}

/** Everything an adapter needs to post one story version; `key` is stable across retries of the same post. */
export interface OutgoingPost {
  postId: string;
  /** `<postId>:<generation>`: the idempotency key / delivery id, the same for every retry of this post. */
  key: string;
  storyId: string;
  language: Language;
  revision: number;
  title: string;
  summary: string;
  /** The story URL as the article events carry it. */
  url: string;
  /** The text fitted to the platform (see text/fit.ts). */
  text: string;
  hashtags: string[];
  image: CoverImage | null;
  publishedAt: string | null;
  /** Bluesky: the record key chosen when the post was queued, so a lost answer can be looked up exactly. */
  rkey: string;
}

export interface ChannelContext {
  id: string;
  name: string;
  type: ChannelType;
  options: Record<string, unknown>;
  credentials: Record<string, string>;
  /** The API base URL for this type, from configuration. */
  baseUrl: string;
  timeoutMs: number;
  logger: Logger;
}

export interface Sent {
  externalId: string | null;
  externalUrl: string | null;
  /** What a later delete or edit needs besides the id (e.g. Telegram: a photo's caption is edited differently). */
  data?: Record<string, unknown>;
}

/** What reconciliation learned about a post whose answer was lost. */
export type Reconciled = { state: 'found'; sent: Sent } | { state: 'absent' } | { state: 'unknown'; reason: string };

export interface PublishedPost {
  externalId: string;
  data: Record<string, unknown>;
}

/**
 * One platform. `idempotent` adapters send with a key the platform (or the webhook receiver) dedupes on, so
 * reconciling a lost answer is sending again with the same key; the others look the post up (`reconcile`).
 */
export interface Adapter {
  readonly type: ChannelType;
  readonly idempotent: boolean;
  /** Counting rules use the caption limit (Telegram photo) when this says so. */
  usesCaption?(channel: Pick<ChannelContext, 'options'>, post: Pick<OutgoingPost, 'image'>): boolean;
  send(ch: ChannelContext, post: OutgoingPost): Promise<Sent>;
  /**
   * A harmless call that proves the credentials (and options) work, posting nothing; resolves to the account the
   * platform named. Absent where the platform has no such call (webhook, X's free tier).
   */
  check?(ch: ChannelContext): Promise<string>;
  reconcile?(ch: ChannelContext, post: OutgoingPost): Promise<Reconciled>;
  remove?(ch: ChannelContext, post: OutgoingPost, published: PublishedPost): Promise<void>;
  edit?(ch: ChannelContext, post: OutgoingPost, published: PublishedPost): Promise<void>;
}

export type FailureKind =
  /** Try again later (5xx, connection refused before anything was sent). */
  | 'retryable'
  /** Try again after `retryAfterMs` (429 and the platforms' own rate-limit answers). */
  | 'rate_limited'
  /** The credentials were refused: the channel needs re-authorisation. */
  | 'auth'
  /** Will not succeed by trying again (bad request, quota used up for the month). */
  | 'permanent'
  /** The request may have reached the platform but no answer came: reconcile, never blindly re-send. */
  | 'unconfirmed';

export class PlatformError extends Error {
  constructor(
    readonly kind: FailureKind,
    message: string,
    readonly retryAfterMs?: number,
    readonly status?: number,
  ) {
    super(message);
    this.name = 'PlatformError';
  }
}

export function isPlatformError(err: unknown): err is PlatformError {
  return err instanceof PlatformError;
}
