import { Types } from 'mongoose';
import type { OutboxEntry } from '@khao/persistence';
import type { StoryDoc, StoryModel } from './story.schema.js';

export type NewStory = Omit<StoryDoc, '_id' | 'createdAt' | 'updatedAt' | 'outbox'>;

/** The only place that touches the stories collection. Returns plain objects. */
export class StoryRepository {
  constructor(readonly model: StoryModel) {}

  /** Inserts the story together with its first events: one document write, so both exist or neither. */
  async create(story: NewStory, events: (id: Types.ObjectId) => OutboxEntry[]): Promise<StoryDoc> {
    const _id = new Types.ObjectId();
    const doc = await this.model.create({ ...story, _id, outbox: events(_id) });
    return doc.toObject();
  }

  findById(id: string): Promise<StoryDoc | null> {
    return this.model.findById(id).lean<StoryDoc>().exec();
  }
}
