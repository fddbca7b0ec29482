import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { ArticlesRpc, type RpcReply } from '@khao/contracts';
import { ZodValidationPipe } from '@khao/messaging';
import type { z } from 'zod';
import { StoriesService } from './stories.service.js';

@Controller()
export class StoriesController {
  constructor(private readonly stories: StoriesService) {}

  @MessagePattern(ArticlesRpc.create.subject)
  create(
    @Payload(new ZodValidationPipe(ArticlesRpc.create.request)) p: z.output<typeof ArticlesRpc.create.request>,
  ): Promise<RpcReply<typeof ArticlesRpc.create>> {
    return this.stories.create(p.actor, p.story);
  }

  @MessagePattern(ArticlesRpc.get.subject)
  get(@Payload(new ZodValidationPipe(ArticlesRpc.get.request)) p: z.output<typeof ArticlesRpc.get.request>) {
    return this.stories.get(p.id);
  }
}
