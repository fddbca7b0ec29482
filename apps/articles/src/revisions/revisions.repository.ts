import { collectionOf, isDuplicateKey, Takeovers, type Database, type DocCollection } from '@khao/persistence';
import { Revisions, type RevisionDoc } from './revision.schema.js';

export const revisionId = (storyId: string, revision: number) => `${storyId}:${revision}`;

/** The only place that touches the revisions collection; every access is by `_id`. */
export class RevisionsRepository {
  private readonly collection: DocCollection<typeof Revisions.schema>;
  private readonly takeovers: Takeovers;

  constructor(db: Database) {
    this.collection = collectionOf(db, Revisions);
    this.takeovers = new Takeovers(db, 'revision_takeovers');
  }

  /**
   * Records the snapshot of a new revision and, by the uniqueness of its `_id`, claims the right to write that
   * revision of the story: of two concurrent saves of revision N+1 exactly one inserts. False when taken.
   */
  async claim(rev: Omit<RevisionDoc, '_id'>): Promise<boolean> {
    try {
      await this.collection.insertOne({ _id: revisionId(rev.storyId, rev.revision), ...rev });
      return true;
    } catch (err) {
      if (isDuplicateKey(err)) return false;
      throw err;
    }
  }

  /** Records the first snapshots of new stories (ids nobody else holds: an import batch) in one call. */
  async claimNew(revs: Omit<RevisionDoc, '_id'>[]): Promise<void> {
    await this.collection.insertMany(revs.map((rev) => ({ _id: revisionId(rev.storyId, rev.revision), ...rev })));
  }

  get(storyId: string, revision: number): Promise<RevisionDoc | null> {
    return this.collection.findById(revisionId(storyId, revision));
  }

  /**
   * Frees the claim made at `at`, whose writer died before writing the story (see StoryWriter); false when another
   * writer frees it (of the writers that found it, one does: a delete conditioned on `at` is not atomic on FerretDB,
   * and could delete the claim the first of them made in its place).
   */
  async release(storyId: string, revision: number, at: Date): Promise<boolean> {
    const id = revisionId(storyId, revision);
    if (!(await this.takeovers.win(`${id}|${new Date(at).toISOString()}`))) return false;
    await this.collection.deleteOne({ _id: id });
    return true;
  }
}
