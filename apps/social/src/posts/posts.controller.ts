import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { SocialRpc, type RpcDefinition } from '@khao/contracts';
import { ZodValidationPipe } from '@khao/messaging';
import type { z } from 'zod';
import { PostsService } from './posts.service.js';
import { PreviewService } from './preview.service.js';

type In<D extends RpcDefinition> = z.output<D['request']>;
const valid = (d: RpcDefinition) => new ZodValidationPipe(d.request);

/** NATS handlers: one call each. */
@Controller()
export class PostsController {
  constructor(
    private readonly posts: PostsService,
    private readonly previews: PreviewService,
  ) {}

  @MessagePattern(SocialRpc.listPosts.subject)
  list(@Payload(valid(SocialRpc.listPosts)) p: In<typeof SocialRpc.listPosts>) {
    return this.posts.list(p.query);
  }

  @MessagePattern(SocialRpc.retryPost.subject)
  retry(@Payload(valid(SocialRpc.retryPost)) p: In<typeof SocialRpc.retryPost>) {
    return this.posts.retry(p.id, p.input.confirmNotPosted);
  }

  @MessagePattern(SocialRpc.preview.subject)
  preview(@Payload(valid(SocialRpc.preview)) p: In<typeof SocialRpc.preview>) {
    return this.previews.preview(p.actor, p.input.storyId, p.input.language, p.input.channelId);
  }
}
