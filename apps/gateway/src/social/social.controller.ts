import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { z } from 'zod';
import {
  ChannelInputSchema,
  ChannelPatchSchema,
  ChannelSchema,
  ChannelTestSchema,
  ObjectIdSchema,
  PostIdSchema,
  PostQuerySchema,
  PostSchema,
  PreviewInputSchema,
  ReachQuerySchema,
  RetryInputSchema,
  SocialRpc,
} from '@khao/contracts';
import { RpcClient } from '@khao/messaging';
import { ZodValidationPipe } from '@khao/runtime';
import { Roles } from '../auth/roles.decorator.js';
import { openApi } from '../common/openapi.js';
import { Refuses } from '../common/openapi-routes.js';
import type { KhaoRequest } from '../common/request.js';
import { SocialDesk } from './social-desk.service.js';

const Id = new ZodValidationPipe(ObjectIdSchema, 'id');

const channelExample = {
  type: 'telegram',
  name: 'Khao Telegram (ไทย)',
  language: 'th',
  template: '{title}\n\n{summary}\n\n{url}\n{hashtags}',
  hashtags: ['ข่าวชุมชน'],
  options: { chatId: '@khaonews' },
  credentials: { botToken: '123456789:AAExampleExampleExampleExample12' },
};

/**
 * Social channels (admin: they hold credentials) and the post ledger (editors: read, retry, preview).
 * Credentials go in and never come out: responses say `hasCredentials`.
 */
@ApiTags('social')
@ApiBearerAuth()
@Controller('api/v1/social')
export class SocialController {
  constructor(
    private readonly rpc: RpcClient,
    private readonly desk: SocialDesk,
  ) {}

  @Get('channels')
  @Roles('admin')
  @ApiOperation({ summary: 'Every social channel (never their credentials)' })
  @ApiOkResponse({ schema: openApi(SocialRpc.listChannels.reply, 'output') })
  listChannels(@Req() req: KhaoRequest) {
    return this.rpc.request(SocialRpc.listChannels, { actor: req.actor! });
  }

  @Get('reach')
  @Roles('admin', 'editor')
  @ApiOperation({
    summary: 'How many channels publishing a version of this language posts to (enabled channels of the language)',
  })
  @ApiOkResponse({ schema: openApi(SocialRpc.reach.reply, 'output') })
  reach(
    @Req() req: KhaoRequest,
    @Query(new ZodValidationPipe(ReachQuerySchema, 'query')) query: z.input<typeof ReachQuerySchema>,
  ) {
    return this.rpc.request(SocialRpc.reach, { actor: req.actor!, query });
  }

  @Post('channels')
  @Roles('admin')
  @ApiOperation({ summary: 'Add a channel; credentials are encrypted at rest and never returned' })
  @ApiBody({ schema: { ...openApi(ChannelInputSchema), example: channelExample } })
  @ApiCreatedResponse({ schema: openApi(ChannelSchema, 'output') })
  createChannel(
    @Req() req: KhaoRequest,
    @Body(new ZodValidationPipe(ChannelInputSchema)) channel: z.input<typeof ChannelInputSchema>,
  ) {
    return this.desk.createChannel(req.actor!, channel);
  }

  @Get('channels/:id')
  @Roles('admin')
  @ApiOperation({ summary: 'One social channel' })
  @ApiOkResponse({ schema: openApi(ChannelSchema, 'output') })
  getChannel(@Req() req: KhaoRequest, @Param('id', Id) id: string) {
    return this.rpc.request(SocialRpc.getChannel, { actor: req.actor!, id });
  }

  @Patch('channels/:id')
  @Roles('admin')
  @ApiOperation({ summary: 'Change a channel; new credentials clear the needs-re-authorisation flag' })
  @ApiBody({ schema: openApi(ChannelPatchSchema) })
  @ApiOkResponse({ schema: openApi(ChannelSchema, 'output') })
  updateChannel(
    @Req() req: KhaoRequest,
    @Param('id', Id) id: string,
    @Body(new ZodValidationPipe(ChannelPatchSchema)) patch: z.input<typeof ChannelPatchSchema>,
  ) {
    return this.desk.updateChannel(req.actor!, id, patch);
  }

  @Delete('channels/:id')
  @Roles('admin')
  @ApiOperation({ summary: 'Remove a channel and its credentials' })
  deleteChannel(@Req() req: KhaoRequest, @Param('id', Id) id: string) {
    return this.desk.deleteChannel(req.actor!, id);
  }

  @Post('channels/:id/test')
  @HttpCode(200)
  @Roles('admin')
  @ApiOperation({
    summary:
      "Test a channel's stored credentials with the platform's harmless call (Telegram getMe and getChat, Mastodon " +
      'verify_credentials, Bluesky createSession, LINE bot info, Facebook Page lookup); nothing is posted',
  })
  @Refuses(404)
  @ApiOkResponse({ schema: openApi(ChannelTestSchema, 'output') })
  testChannel(@Req() req: KhaoRequest, @Param('id', Id) id: string) {
    return this.rpc.request(SocialRpc.testChannel, { actor: req.actor!, id });
  }

  @Post('preview')
  @HttpCode(200)
  @Roles('admin', 'editor')
  @ApiOperation({ summary: "Each channel's final text for a story version and its length as the platform counts it" })
  @Refuses(404)
  @ApiBody({ schema: openApi(PreviewInputSchema) })
  @ApiOkResponse({ schema: openApi(SocialRpc.preview.reply, 'output') })
  preview(
    @Req() req: KhaoRequest,
    @Body(new ZodValidationPipe(PreviewInputSchema)) input: z.input<typeof PreviewInputSchema>,
  ) {
    return this.rpc.request(SocialRpc.preview, { actor: req.actor!, input });
  }

  @Get('posts')
  @Roles('admin', 'editor')
  @ApiOperation({ summary: 'The post ledger: one entry per story, language and channel' })
  @ApiOkResponse({ schema: openApi(SocialRpc.listPosts.reply, 'output') })
  listPosts(
    @Req() req: KhaoRequest,
    @Query(new ZodValidationPipe(PostQuerySchema, 'query')) query: z.input<typeof PostQuerySchema>,
  ) {
    return this.rpc.request(SocialRpc.listPosts, { actor: req.actor!, query });
  }

  @Post('posts/:id/retry')
  @HttpCode(200)
  @Roles('admin', 'editor')
  @ApiOperation({ summary: 'Send a failed post again (an unconfirmed one only with confirmNotPosted)' })
  @Refuses(409)
  @ApiBody({ required: false, schema: openApi(RetryInputSchema) })
  @ApiOkResponse({ schema: openApi(PostSchema, 'output') })
  retry(
    @Req() req: KhaoRequest,
    @Param('id', new ZodValidationPipe(PostIdSchema, 'id')) id: string,
    @Body(new ZodValidationPipe(RetryInputSchema.optional())) input?: z.input<typeof RetryInputSchema>,
  ) {
    return this.desk.retryPost(req.actor!, id, input?.confirmNotPosted);
  }
}
