import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import {
  GlossaryEditSchema,
  GlossaryEntryInputSchema,
  GlossaryEntrySchema,
  GlossaryIdSchema,
  GlossaryQuerySchema,
  JobIdSchema,
  JobQuerySchema,
  JobSchema,
  SegmentEditSchema,
  TranslationRpc,
} from '@khao/contracts';
import { RpcClient } from '@khao/messaging';
import { ZodValidationPipe } from '@khao/runtime';
import { Roles } from '../auth/roles.decorator.js';
import { openApi } from '../common/openapi.js';
import { Refuses } from '../common/openapi-routes.js';
import type { KhaoRequest } from '../common/request.js';

const Id = new ZodValidationPipe(JobIdSchema, 'id');
const GlossaryId = new ZodValidationPipe(GlossaryIdSchema, 'id');
const SegmentNumber = z.coerce.number({ error: 'must be a segment number' }).int().min(0, 'must be a segment number');

/** Translation review (jobs, segments, approval) and the glossary: translators, editors and admins. */
@ApiTags('translation')
@ApiBearerAuth()
@Controller('api/v1')
export class TranslationController {
  constructor(private readonly rpc: RpcClient) {}

  @Get('translation-jobs')
  @Roles('admin', 'editor', 'translator')
  @ApiOperation({ summary: 'List translation jobs, newest change first (filters: status, language, storyId, changed)' })
  @ApiOkResponse({ schema: openApi(TranslationRpc.listJobs.reply, 'output') })
  list(
    @Req() req: KhaoRequest,
    @Query(new ZodValidationPipe(JobQuerySchema, 'query')) query: z.input<typeof JobQuerySchema>,
  ) {
    return this.rpc.request(TranslationRpc.listJobs, { actor: req.actor!, query });
  }

  @Get('translation-jobs/:id')
  @Roles('admin', 'editor', 'translator')
  @ApiOperation({ summary: 'One translation job with its segments (id: <storyId>-<lang>)' })
  @ApiOkResponse({ schema: openApi(JobSchema, 'output') })
  get(@Req() req: KhaoRequest, @Param('id', Id) id: string) {
    return this.rpc.request(TranslationRpc.getJob, { actor: req.actor!, id });
  }

  @Patch('translation-jobs/:id/segments/:n')
  @Roles('admin', 'editor', 'translator')
  @ApiOperation({ summary: "Write a segment's translation (send the sourceHash you saw to be told if it changed)" })
  @Refuses(409)
  @ApiBody({ schema: { ...openApi(SegmentEditSchema), example: { target: 'CODI held a two-day forum.' } } })
  @ApiOkResponse({ schema: openApi(JobSchema, 'output') })
  edit(
    @Req() req: KhaoRequest,
    @Param('id', Id) id: string,
    @Param('n', new ZodValidationPipe(SegmentNumber, 'n')) n: number,
    @Body(new ZodValidationPipe(SegmentEditSchema)) edit: z.input<typeof SegmentEditSchema>,
  ) {
    return this.rpc.request(TranslationRpc.editSegment, { actor: req.actor!, id, n, edit });
  }

  @Post('translation-jobs/:id/approve')
  @HttpCode(200)
  @Roles('admin', 'editor', 'translator')
  @ApiOperation({ summary: 'Approve: the translation is written into the story (a draft, or published by policy)' })
  @Refuses(409)
  @ApiOkResponse({ schema: openApi(JobSchema, 'output') })
  approve(@Req() req: KhaoRequest, @Param('id', Id) id: string) {
    return this.rpc.request(TranslationRpc.approveJob, { actor: req.actor!, id });
  }

  @Get('glossary')
  @Roles('admin', 'editor', 'translator')
  @ApiOperation({ summary: 'Glossary terms, optionally for one direction' })
  @ApiOkResponse({ schema: openApi(TranslationRpc.listGlossary.reply, 'output') })
  glossary(
    @Req() req: KhaoRequest,
    @Query(new ZodValidationPipe(GlossaryQuerySchema, 'query')) query: z.input<typeof GlossaryQuerySchema>,
  ) {
    return this.rpc.request(TranslationRpc.listGlossary, { actor: req.actor!, query });
  }

  @Post('glossary')
  @Roles('admin', 'editor', 'translator')
  @ApiOperation({ summary: 'Add a term (one entry per term and direction; a term already there is refused, 409)' })
  @Refuses(409)
  @ApiBody({
    schema: {
      ...openApi(GlossaryEntryInputSchema),
      example: { sourceLanguage: 'th', targetLanguage: 'en', source: 'พอช.', target: 'CODI' },
    },
  })
  @ApiCreatedResponse({ schema: openApi(GlossaryEntrySchema, 'output') })
  putTerm(
    @Req() req: KhaoRequest,
    @Body(new ZodValidationPipe(GlossaryEntryInputSchema)) entry: z.input<typeof GlossaryEntryInputSchema>,
  ) {
    return this.rpc.request(TranslationRpc.createGlossary, { actor: req.actor!, entry });
  }

  @Patch('glossary/:id')
  @Roles('admin', 'editor', 'translator')
  @ApiOperation({ summary: "Change a term's fixed translation" })
  @ApiBody({ schema: { ...openApi(GlossaryEditSchema), example: { target: 'CODI' } } })
  @ApiOkResponse({ schema: openApi(GlossaryEntrySchema, 'output') })
  editTerm(
    @Req() req: KhaoRequest,
    @Param('id', GlossaryId) id: string,
    @Body(new ZodValidationPipe(GlossaryEditSchema)) edit: z.input<typeof GlossaryEditSchema>,
  ) {
    return this.rpc.request(TranslationRpc.editGlossary, { actor: req.actor!, id, edit });
  }

  @Delete('glossary/:id')
  @Roles('admin', 'editor', 'translator')
  @ApiOperation({ summary: 'Remove a glossary term' })
  deleteTerm(@Req() req: KhaoRequest, @Param('id', GlossaryId) id: string) {
    return this.rpc.request(TranslationRpc.deleteGlossary, { actor: req.actor!, id });
  }
}
