import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { MediaAdminRpc, MediaRpc, type RpcPayload as In } from '@khao/contracts';
import { validRpc as valid } from '@khao/runtime';
import { ResolveService } from '../resolve/resolve.service.js';
import { AssetsService } from './assets.service.js';
import { UploadsService } from './uploads.service.js';

const A = MediaAdminRpc;

/** NATS handlers: one call each. */
@Controller()
export class MediaController {
  constructor(
    private readonly uploads: UploadsService,
    private readonly media: AssetsService,
    private readonly resolver: ResolveService,
  ) {}

  @MessagePattern(MediaRpc.resolve.subject)
  resolve(@Payload(valid(MediaRpc.resolve)) p: In<typeof MediaRpc.resolve>) {
    return this.resolver.resolve(p.ids, p.language);
  }

  @MessagePattern(A.createUpload.subject)
  createUpload(@Payload(valid(A.createUpload)) p: In<typeof A.createUpload>) {
    return this.uploads.createUpload(p.actor, p.upload);
  }

  @MessagePattern(A.createStream.subject)
  createStream(@Payload(valid(A.createStream)) p: In<typeof A.createStream>) {
    return this.uploads.createStream(p.actor, p.filename, p.contentLength);
  }

  @MessagePattern(A.complete.subject)
  complete(@Payload(valid(A.complete)) p: In<typeof A.complete>) {
    return this.uploads.complete(p.actor, p.id, p.declared, p.parts, p.filename);
  }

  @MessagePattern(A.abort.subject)
  abort(@Payload(valid(A.abort)) p: In<typeof A.abort>) {
    return this.uploads.abort(p.actor, p.id);
  }

  @MessagePattern(A.get.subject)
  get(@Payload(valid(A.get)) p: In<typeof A.get>) {
    return this.media.get(p.id);
  }

  @MessagePattern(A.list.subject)
  list(@Payload(valid(A.list)) p: In<typeof A.list>) {
    return this.media.list(p.query);
  }

  @MessagePattern(A.update.subject)
  update(@Payload(valid(A.update)) p: In<typeof A.update>) {
    return this.media.update(p.actor, p.id, p.patch);
  }

  @MessagePattern(A.delete.subject)
  delete(@Payload(valid(A.delete)) p: In<typeof A.delete>) {
    return this.media.delete(p.actor, p.id, p.force);
  }
}
