import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { SocialRpc, type RpcPayload as In } from '@khao/contracts';
import { validRpc as valid } from '@khao/runtime';
import { ChannelCheck } from './channel-check.js';
import { ChannelsService } from './channels.service.js';

/** NATS handlers: one call each. */
@Controller()
export class ChannelsController {
  constructor(
    private readonly channels: ChannelsService,
    private readonly checks: ChannelCheck,
  ) {}

  @MessagePattern(SocialRpc.createChannel.subject)
  create(@Payload(valid(SocialRpc.createChannel)) p: In<typeof SocialRpc.createChannel>) {
    return this.channels.create(p.actor, p.channel);
  }

  @MessagePattern(SocialRpc.listChannels.subject)
  async list(@Payload(valid(SocialRpc.listChannels)) _p: In<typeof SocialRpc.listChannels>) {
    return { items: await this.channels.list() };
  }

  @MessagePattern(SocialRpc.reach.subject)
  reach(@Payload(valid(SocialRpc.reach)) p: In<typeof SocialRpc.reach>) {
    return this.channels.reach(p.query.language);
  }

  @MessagePattern(SocialRpc.getChannel.subject)
  get(@Payload(valid(SocialRpc.getChannel)) p: In<typeof SocialRpc.getChannel>) {
    return this.channels.get(p.id);
  }

  @MessagePattern(SocialRpc.updateChannel.subject)
  update(@Payload(valid(SocialRpc.updateChannel)) p: In<typeof SocialRpc.updateChannel>) {
    return this.channels.update(p.actor, p.id, p.patch);
  }

  @MessagePattern(SocialRpc.testChannel.subject)
  test(@Payload(valid(SocialRpc.testChannel)) p: In<typeof SocialRpc.testChannel>) {
    return this.checks.test(p.id);
  }

  @MessagePattern(SocialRpc.deleteChannel.subject)
  delete(@Payload(valid(SocialRpc.deleteChannel)) p: In<typeof SocialRpc.deleteChannel>) {
    return this.channels.delete(p.id);
  }
}
