import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { ArticlesMediaRpc, ArticlesRpc, type RpcPayload as In } from '@khao/contracts';
import { validRpc as valid } from '@khao/runtime';
import { SearchService } from './search.service.js';
import { StoriesService } from './stories.service.js';

/** NATS handlers: one call each. */
@Controller()
export class StoriesController {
  constructor(
    private readonly stories: StoriesService,
    private readonly search: SearchService,
  ) {}

  @MessagePattern(ArticlesRpc.create.subject)
  create(@Payload(valid(ArticlesRpc.create)) p: In<typeof ArticlesRpc.create>) {
    return this.stories.create(p.actor, p.story);
  }

  @MessagePattern(ArticlesRpc.import.subject)
  import(@Payload(valid(ArticlesRpc.import)) p: In<typeof ArticlesRpc.import>) {
    return this.stories.import(p.actor, p.stories);
  }

  @MessagePattern(ArticlesRpc.get.subject)
  get(@Payload(valid(ArticlesRpc.get)) p: In<typeof ArticlesRpc.get>) {
    return this.stories.get(p.actor, p.id);
  }

  @MessagePattern(ArticlesRpc.update.subject)
  update(@Payload(valid(ArticlesRpc.update)) p: In<typeof ArticlesRpc.update>) {
    return this.stories.update(p.actor, p.id, p.patch, p.expectedRevision);
  }

  @MessagePattern(ArticlesRpc.putVersion.subject)
  putVersion(@Payload(valid(ArticlesRpc.putVersion)) p: In<typeof ArticlesRpc.putVersion>) {
    return this.stories.putVersion(p.actor, p.id, p.language, p.version, p);
  }

  @MessagePattern(ArticlesRpc.transition.subject)
  transition(@Payload(valid(ArticlesRpc.transition)) p: In<typeof ArticlesRpc.transition>) {
    return this.stories.transition(p.actor, p.id, p.language, p.action, p);
  }

  @MessagePattern(ArticlesRpc.delete.subject)
  delete(@Payload(valid(ArticlesRpc.delete)) p: In<typeof ArticlesRpc.delete>) {
    return this.stories.delete(p.actor, p.id, p.expectedRevision);
  }

  @MessagePattern(ArticlesRpc.revisions.subject)
  revisions(@Payload(valid(ArticlesRpc.revisions)) p: In<typeof ArticlesRpc.revisions>) {
    return this.stories.listRevisions(p.actor, p.id);
  }

  @MessagePattern(ArticlesRpc.revision.subject)
  revision(@Payload(valid(ArticlesRpc.revision)) p: In<typeof ArticlesRpc.revision>) {
    return this.stories.getRevision(p.actor, p.id, p.revision);
  }

  @MessagePattern(ArticlesRpc.restore.subject)
  restore(@Payload(valid(ArticlesRpc.restore)) p: In<typeof ArticlesRpc.restore>) {
    return this.stories.restore(p.actor, p.id, p.revision, p.expectedRevision);
  }

  @MessagePattern(ArticlesRpc.search.subject)
  searchStories(@Payload(valid(ArticlesRpc.search)) p: In<typeof ArticlesRpc.search>) {
    return this.search.search(p.actor, p.query);
  }

  @MessagePattern(ArticlesRpc.resolveSlug.subject)
  resolveSlug(@Payload(valid(ArticlesRpc.resolveSlug)) p: In<typeof ArticlesRpc.resolveSlug>) {
    return this.search.resolveSlug(p.language, p.slug);
  }

  @MessagePattern(ArticlesMediaRpc.mediaUsage.subject)
  mediaUsage(@Payload(valid(ArticlesMediaRpc.mediaUsage)) p: In<typeof ArticlesMediaRpc.mediaUsage>) {
    return this.search.mediaUsage(p.mediaId);
  }
}
