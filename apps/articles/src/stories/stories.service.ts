import { Inject, Injectable } from '@nestjs/common';
import { ArticleEvents, DomainError, ErrorCode, type Actor, type Story, type StoryInput } from '@khao/contracts';
import { OutboxRelay } from '@khao/messaging';
import { outboxEntry } from '@khao/persistence';
import { CONFIG } from '../tokens.js';
import type { ArticlesConfig } from '../config.js';
import { StoryRepository } from './story.repository.js';
import type { StoryDoc } from './story.schema.js';

@Injectable()
export class StoriesService {
  constructor(
    private readonly stories: StoryRepository,
    private readonly relay: OutboxRelay,
    @Inject(CONFIG) private readonly config: ArticlesConfig,
  ) {}

  async create(actor: Actor, input: StoryInput): Promise<Story> {
    if (!this.config.LANGUAGES.includes(input.sourceLanguage)) {
      throw new DomainError(ErrorCode.InvalidArgument, `language '${input.sourceLanguage}' is not configured`);
    }
    const version = {
      language: input.sourceLanguage,
      title: input.version.title,
      summary: input.version.summary ?? '',
      body: input.version.body ?? '',
      status: 'draft' as const,
      revision: 1,
    };
    const doc = await this.stories.create(
      { sourceLanguage: input.sourceLanguage, tags: input.tags ?? [], versions: [version], createdBy: actor.id },
      (id) => [
        outboxEntry(ArticleEvents.versionSaved, {
          storyId: id.toHexString(),
          language: version.language,
          sourceLanguage: input.sourceLanguage,
          revision: version.revision,
          status: version.status,
          savedBy: actor.id,
        }),
      ],
    );
    await this.relay.publishPending(this.stories.model, doc._id);
    return toStory(doc);
  }

  async get(id: string): Promise<Story> {
    const doc = await this.stories.findById(id);
    if (!doc) throw new DomainError(ErrorCode.NotFound, `no story with id ${id}`);
    return toStory(doc);
  }
}

function toStory(doc: StoryDoc): Story {
  return {
    id: doc._id.toHexString(),
    sourceLanguage: doc.sourceLanguage,
    tags: doc.tags,
    versions: doc.versions.map((v) => ({
      language: v.language,
      title: v.title,
      summary: v.summary,
      body: v.body,
      status: v.status,
      revision: v.revision,
    })),
    createdBy: doc.createdBy,
    createdAt: new Date(doc.createdAt).toISOString(),
    updatedAt: new Date(doc.updatedAt).toISOString(),
  };
}
