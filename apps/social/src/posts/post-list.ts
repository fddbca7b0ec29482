import { Inject, Injectable } from '@nestjs/common';
import { PostStatusSchema, SocialListNotices, type Language, type PostStatus } from '@khao/contracts';
import { INFRA, MirroredList, PageDocuments, type MirrorChange, type ServiceInfra } from '@khao/messaging';
import type { PostDoc } from './post.schema.js';
import { PostsRepository } from './posts.repository.js';

/**
 * One post as the list filters and sorts it. The id is `<storyId>:<language>:<channelId>` (see postId), so the story,
 * language and channel are read from it; only the status changes.
 */
export interface PostRow {
  id: string;
  status: PostStatus;
  /** ms since the epoch: of two crossing notices the later write wins. */
  updatedAt: number;
}

export interface PostListFilter {
  storyId?: string;
  channelId?: string;
  language?: Language;
  status?: PostStatus;
}

type Notice = typeof SocialListNotices.postListed;

/** Posts kept for the pages (about a kilobyte each), and how long one serves unread (see {@link PostList.documents}). */
const KEPT_POSTS = 5000;
const KEPT_MS = 5000;

// One string per status for every row, not one each (rows come from JSON and BSON).
const statuses = new Map<string, PostStatus>(PostStatusSchema.options.map((s) => [s, s]));
const status = (s: string): PostStatus => statuses.get(s) ?? (s as PostStatus);

export const postRow = (d: Pick<PostDoc, '_id' | 'status' | 'updatedAt'>): PostRow => ({
  id: d._id,
  status: status(d.status),
  updatedAt: new Date(d.updatedAt).getTime(),
});

/** A row read back from a snapshot, if it is one. */
function revive(r: unknown): PostRow | undefined {
  const { id, status: s, updatedAt } = (r ?? {}) as Partial<Record<keyof PostRow, unknown>>;
  if (typeof id !== 'string' || typeof s !== 'string' || !statuses.has(s) || typeof updatedAt !== 'number') return;
  return { id, status: status(s), updatedAt };
}

/**
 * This replica's post list (see ListMirror): a row per post in `_id` order, kept current by every replica's inserts
 * and status changes. The page's posts are then read by `_id`.
 */
@Injectable()
export class PostList extends MirroredList<PostRow, Notice> {
  private readonly kept: PageDocuments<PostRow, PostDoc>;

  constructor(posts: PostsRepository, @Inject(INFRA) infra: ServiceInfra) {
    super(
      infra,
      'post-list',
      {
        what: 'social posts',
        notice: SocialListNotices.postListed,
        toNotice: (c) =>
          'row' in c
            ? { postId: c.row.id, status: c.row.status, updatedAt: new Date(c.row.updatedAt).toISOString() }
            : { postId: c.removed, removed: true },
        fromNotice: (d): MirrorChange<PostRow> =>
          'removed' in d
            ? { removed: d.postId }
            : { row: { id: d.postId, status: status(d.status), updatedAt: Date.parse(d.updatedAt) } },
        compare: (a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
        supersedes: (incoming, current) => incoming.updatedAt >= current.updatedAt,
        load: () => rowsOf(posts.listed()),
      },
      { collection: 'post_list_snapshots', format: 1, revive },
    );
    this.kept = new PageDocuments({
      read: (ids) => posts.getMany(ids),
      rowOf: postRow,
      max: KEPT_POSTS,
      ttlMs: KEPT_MS,
    });
    posts.observe(
      (row) => this.mirror.changed(row),
      (id) => this.kept.drop(id),
    );
  }

  /**
   * The posts of a page's rows, read by `_id` only where the row changed since the post was kept or it was kept
   * longer than KEPT_MS (a cold page still reads its 50 posts). A status change always shows at once (its notice
   * moves the row), and so does any write this replica made (it drops its kept post); a write by another replica that
   * changes only other fields (the text after an edit, attempts, the last error) sends no notice, so there a kept
   * post may show those up to KEPT_MS late.
   */
  documents(rows: PostRow[]): Promise<PostDoc[]> {
    return this.kept.of(rows);
  }

  /** Up to `limit` rows that match, in `_id` order, after the id `after`. */
  page(filter: PostListFilter, after: string | undefined, limit: number): PostRow[] {
    return this.mirror.page(after === undefined ? undefined : (r) => r.id <= after, matches(filter), limit);
  }

  /** The posts read for a page's rows, as the mirror confirms them against the rows (see ListMirror.confirm). */
  confirm(filter: PostListFilter, rows: PostRow[], read: PostDoc[]): PostDoc[] {
    return this.mirror.confirm(rows, read, postRow, matches(filter));
  }

  countByStatus(): Map<string, number> {
    return this.mirror.countBy((r) => r.status);
  }
}

const matches = (f: PostListFilter) => (r: PostRow) =>
  (f.status === undefined || r.status === f.status) &&
  (f.storyId === undefined || r.id.startsWith(`${f.storyId}:`)) &&
  (f.channelId === undefined || r.id.endsWith(`:${f.channelId}`)) &&
  (f.language === undefined || r.id.split(':')[1] === f.language);

async function* rowsOf(docs: AsyncIterable<Pick<PostDoc, '_id' | 'status' | 'updatedAt'>>): AsyncGenerator<PostRow> {
  for await (const d of docs) yield postRow(d);
}
