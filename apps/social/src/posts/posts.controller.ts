import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { SocialRpc, type RpcPayload as In } from '@khao/contracts';
import { validRpc as valid } from '@khao/runtime';
import { PostsService } from './posts.service.js';
import { PreviewService } from './preview.service.js';

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

  @MessagePattern(SocialRpc.countPosts.subject)
  count(@Payload(valid(SocialRpc.countPosts)) _p: In<typeof SocialRpc.countPosts>) {
    return this.posts.counts();
  }

  @MessagePattern(SocialRpc.retryPost.subject)
  retry(@Payload(valid(SocialRpc.retryPost)) p: In<typeof SocialRpc.retryPost>) {
    return this.posts.retry(p.id, p.input.confirmNotPosted);
  }

  @MessagePattern(SocialRpc.preview.subject)
  preview(@Payload(valid(SocialRpc.preview)) p: In<typeof SocialRpc.preview>) {
    return this.previews.preview(p.actor, p.input.storyId, p.input.language, p.input.channelId, {
      title: p.input.title,
      summary: p.input.summary,
    });
  }
}
