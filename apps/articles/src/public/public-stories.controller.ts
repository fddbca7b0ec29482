import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { ArticlesPublicRpc } from '@khao/contracts';
import { ZodValidationPipe } from '@khao/messaging';
import type { z } from 'zod';
import { PublicStoriesService } from './public-stories.service.js';

/** NATS handlers of the public read side (no actor: published versions only). */
@Controller()
export class PublicStoriesController {
  constructor(private readonly stories: PublicStoriesService) {}

  @MessagePattern(ArticlesPublicRpc.list.subject)
  list(
    @Payload(new ZodValidationPipe(ArticlesPublicRpc.list.request)) q: z.output<typeof ArticlesPublicRpc.list.request>,
  ) {
    return this.stories.list(q);
  }

  @MessagePattern(ArticlesPublicRpc.get.subject)
  get(
    @Payload(new ZodValidationPipe(ArticlesPublicRpc.get.request)) p: z.output<typeof ArticlesPublicRpc.get.request>,
  ) {
    return this.stories.get(p.language, p.slug);
  }
}
