import { Body, Controller, Get, Param, Post, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { ArticlesRpc, ObjectIdSchema, StoryInputSchema, StorySchema } from '@khao/contracts';
import { RpcClient, ZodValidationPipe } from '@khao/messaging';
import { Roles } from '../auth/roles.decorator.js';
import { openApi } from '../common/openapi.js';
import type { KhaoRequest } from '../common/request.js';

@ApiTags('articles')
@ApiBearerAuth()
@Controller('api/v1/articles')
export class ArticlesController {
  constructor(private readonly rpc: RpcClient) {}

  @Post()
  @Roles('admin', 'editor', 'author')
  @ApiBody({
    schema: {
      ...openApi(StoryInputSchema),
      example: {
        sourceLanguage: 'th',
        tags: ['สภาองค์กรชุมชน'],
        version: { title: 'ชาวบ้านอุดรธานีร่วมวางแผนพัฒนาที่อยู่อาศัย', summary: 'เวทีสองวัน', body: '<p>…</p>' },
      },
    },
  })
  @ApiCreatedResponse({ schema: openApi(StorySchema, 'output') })
  create(
    @Req() req: KhaoRequest,
    @Body(new ZodValidationPipe(StoryInputSchema)) story: z.input<typeof StoryInputSchema>,
  ) {
    return this.rpc.request(ArticlesRpc.create, { actor: req.actor!, story });
  }

  @Get(':id')
  @Roles('admin', 'editor', 'author')
  @ApiOkResponse({ schema: openApi(StorySchema, 'output') })
  get(@Req() req: KhaoRequest, @Param('id', new ZodValidationPipe(ObjectIdSchema, 'id')) id: string) {
    return this.rpc.request(ArticlesRpc.get, { actor: req.actor!, id });
  }
}
