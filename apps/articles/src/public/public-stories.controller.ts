import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { ArticlesPublicRpc, type RpcPayload as In } from '@khao/contracts';
import { validRpc as valid } from '@khao/runtime';
import { PublicStoriesService } from './public-stories.service.js';

const P = ArticlesPublicRpc;

/** NATS handlers of the public read side (no actor: published versions only). */
@Controller()
export class PublicStoriesController {
  constructor(private readonly stories: PublicStoriesService) {}

  @MessagePattern(P.list.subject)
  list(@Payload(valid(P.list)) q: In<typeof P.list>) {
    return this.stories.list(q);
  }

  @MessagePattern(P.sitemapMonths.subject)
  sitemapMonths() {
    return this.stories.sitemapMonths();
  }

  @MessagePattern(P.sitemapPage.subject)
  sitemapPage(@Payload(valid(P.sitemapPage)) p: In<typeof P.sitemapPage>) {
    return this.stories.sitemapPage(p.language, p.month, p.page);
  }

  @MessagePattern(P.search.subject)
  search(@Payload(valid(P.search)) q: In<typeof P.search>) {
    return this.stories.search(q);
  }

  @MessagePattern(P.preview.subject)
  preview(@Payload(valid(P.preview)) p: In<typeof P.preview>) {
    return this.stories.preview(p.storyId, p.language);
  }

  @MessagePattern(P.get.subject)
  get(@Payload(valid(P.get)) p: In<typeof P.get>) {
    return this.stories.get(p.language, p.slug);
  }
}
