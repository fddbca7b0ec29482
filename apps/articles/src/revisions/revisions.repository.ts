import type { RevisionDoc, RevisionModel } from './revision.schema.js';

/** The only place that touches the revisions collection. */
export class RevisionsRepository {
  constructor(private readonly model: RevisionModel) {}

  /**
   * Written before the story itself (no transactions): a crash in between leaves a revision numbered past the
   * story's, which the next save of that number replaces and which lists never show.
   */
  async save(rev: Omit<RevisionDoc, '_id'>): Promise<void> {
    const _id = `${rev.storyId}:${rev.revision}`;
    await this.model.replaceOne({ _id }, { _id, ...rev }, { upsert: true });
  }

  /** Newest first, up to the story's current revision. */
  list(storyId: string, upTo: number): Promise<Pick<RevisionDoc, 'revision' | 'action' | 'at' | 'by'>[]> {
    return this.model
      .find({ storyId, revision: { $lte: upTo } }, { revision: 1, action: 1, at: 1, by: 1 })
      .sort({ revision: -1 })
      .limit(500)
      .lean<RevisionDoc[]>()
      .exec();
  }

  get(storyId: string, revision: number): Promise<RevisionDoc | null> {
    return this.model.findById(`${storyId}:${revision}`).lean<RevisionDoc>().exec();
  }
}
