import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { TranslationRpc, type RpcPayload as In } from '@khao/contracts';
import { validRpc as valid } from '@khao/runtime';
import { GlossaryService } from '../glossary/glossary.service.js';
import { ReviewService } from './review.service.js';

/** NATS handlers: one call each. */
@Controller()
export class JobsController {
  constructor(
    private readonly review: ReviewService,
    private readonly glossary: GlossaryService,
  ) {}

  @MessagePattern(TranslationRpc.listJobs.subject)
  list(@Payload(valid(TranslationRpc.listJobs)) p: In<typeof TranslationRpc.listJobs>) {
    return this.review.list(p.actor, p.query);
  }

  @MessagePattern(TranslationRpc.countJobs.subject)
  count(@Payload(valid(TranslationRpc.countJobs)) _p: In<typeof TranslationRpc.countJobs>) {
    return this.review.counts();
  }

  @MessagePattern(TranslationRpc.getJob.subject)
  get(@Payload(valid(TranslationRpc.getJob)) p: In<typeof TranslationRpc.getJob>) {
    return this.review.get(p.actor, p.id);
  }

  @MessagePattern(TranslationRpc.editSegment.subject)
  edit(@Payload(valid(TranslationRpc.editSegment)) p: In<typeof TranslationRpc.editSegment>) {
    return this.review.edit(p.actor, p.id, p.n, p.edit);
  }

  @MessagePattern(TranslationRpc.approveJob.subject)
  approve(@Payload(valid(TranslationRpc.approveJob)) p: In<typeof TranslationRpc.approveJob>) {
    return this.review.approve(p.actor, p.id);
  }

  @MessagePattern(TranslationRpc.listGlossary.subject)
  listGlossary(@Payload(valid(TranslationRpc.listGlossary)) p: In<typeof TranslationRpc.listGlossary>) {
    return this.glossary.list(p.actor, p.query);
  }

  @MessagePattern(TranslationRpc.putGlossary.subject)
  putGlossary(@Payload(valid(TranslationRpc.putGlossary)) p: In<typeof TranslationRpc.putGlossary>) {
    return this.glossary.put(p.actor, p.entry);
  }

  @MessagePattern(TranslationRpc.createGlossary.subject)
  createGlossary(@Payload(valid(TranslationRpc.createGlossary)) p: In<typeof TranslationRpc.createGlossary>) {
    return this.glossary.create(p.actor, p.entry);
  }

  @MessagePattern(TranslationRpc.editGlossary.subject)
  editGlossary(@Payload(valid(TranslationRpc.editGlossary)) p: In<typeof TranslationRpc.editGlossary>) {
    return this.glossary.edit(p.actor, p.id, p.edit);
  }

  @MessagePattern(TranslationRpc.deleteGlossary.subject)
  deleteGlossary(@Payload(valid(TranslationRpc.deleteGlossary)) p: In<typeof TranslationRpc.deleteGlossary>) {
    return this.glossary.delete(p.actor, p.id);
  }
}
