import {
  Body,
  Controller,
  Delete,
  Get,
  Headers,
  HttpCode,
  Param,
  Patch,
  Post,
  Put,
  Query,
  Req,
  Res,
} from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiBody,
  ApiCreatedResponse,
  ApiHeader,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import {
  ArticlesRpc,
  IMPORT_BATCH_MAX,
  ImportBatchSchema,
  ImportReplySchema,
  IsoDateTimeSchema,
  LanguageSchema,
  ObjectIdSchema,
  RevisionContentSchema,
  RevisionSchema,
  SearchQuerySchema,
  SearchReplySchema,
  StoryInputSchema,
  StoryPatchSchema,
  StorySchema,
  VersionInputSchema,
  type Story,
} from '@khao/contracts';
import { RpcClient } from '@khao/messaging';
import { ZodValidationPipe } from '@khao/runtime';
import { Roles } from '../auth/roles.decorator.js';
import { UsersRepository } from '../auth/users.repository.js';
import { etag, parseIfMatch } from '../common/if-match.js';
import { openApi } from '../common/openapi.js';
import { Refuses } from '../common/openapi-routes.js';
import type { KhaoRequest } from '../common/request.js';
import { examples } from './examples.js';

const Id = new ZodValidationPipe(ObjectIdSchema, 'id');
const Lang = new ZodValidationPipe(LanguageSchema, 'lang');
const PublishBody = z.object({ at: IsoDateTimeSchema.optional() }).strict();
const SlugParam = z.string().min(1).max(300);
const RevisionParam = z.coerce
  .number({ error: 'must be a revision number' })
  .int()
  .positive('must be a revision number');

/** A revision in the list, with the name of who saved it (null when that user no longer exists). */
const RevisionListItemSchema = RevisionSchema.extend({ byName: z.string().nullable() });
const IMPORT_TIMEOUT_MS = 60_000;

const ifMatch = { name: 'If-Match', required: false, description: 'the ETag from the last GET; a stale one gets 412' };

@ApiTags('articles')
@ApiBearerAuth()
@Controller('api/v1/articles')
export class ArticlesController {
  constructor(
    private readonly rpc: RpcClient,
    private readonly users: UsersRepository,
  ) {}

  @Post()
  @Roles('admin', 'editor', 'author')
  @ApiOperation({ summary: 'Create a story with its source-language version (a draft)' })
  @ApiBody({ schema: { ...openApi(StoryInputSchema), example: examples.create } })
  @ApiCreatedResponse({ schema: openApi(StorySchema, 'output') })
  async create(
    @Req() req: KhaoRequest,
    @Res({ passthrough: true }) res: FastifyReply,
    @Body(new ZodValidationPipe(StoryInputSchema)) story: z.input<typeof StoryInputSchema>,
  ) {
    return withEtag(res, await this.rpc.request(ArticlesRpc.create, { actor: req.actor!, story }));
  }

  @Post('import')
  @Roles('admin')
  @ApiOperation({
    summary:
      `Import up to ${IMPORT_BATCH_MAX} archived stories, each version already published at its original ` +
      'publishedAt; their events say `imported`, so nothing is posted to social channels or machine-translated',
  })
  @ApiBody({ schema: { ...openApi(ImportBatchSchema), example: examples.import } })
  @ApiCreatedResponse({ schema: openApi(ImportReplySchema, 'output') })
  import(
    @Req() req: KhaoRequest,
    @Body(new ZodValidationPipe(ImportBatchSchema)) batch: z.input<typeof ImportBatchSchema>,
  ) {
    // A batch writes up to a hundred stories: it gets longer than one story's save to answer.
    return this.rpc.request(ArticlesRpc.import, { actor: req.actor!, ...batch }, { timeoutMs: IMPORT_TIMEOUT_MS });
  }

  @Get()
  @Roles('admin', 'editor', 'author')
  @ApiOperation({
    summary:
      'Search and list stories (Thai-aware): with q, best match first (sort=relevance, the default) or newest ' +
      'change first (sort=updated, the default without q); cursor-paginated; `suggestion` when q found nothing; ' +
      'ranked hits carry `match`: the best-matching version and its text around the words (`marks` are [start, end) ' +
      'UTF-16 offsets into `text`)',
  })
  @ApiOkResponse({ schema: openApi(SearchReplySchema, 'output') })
  search(
    @Req() req: KhaoRequest,
    @Query(new ZodValidationPipe(SearchQuerySchema, 'query')) query: z.input<typeof SearchQuerySchema>,
  ) {
    return this.rpc.request(ArticlesRpc.search, { actor: req.actor!, query });
  }

  @Get('slugs/:lang/:slug')
  @Roles('admin', 'editor', 'author')
  @ApiOperation({ summary: 'Which story a slug belongs to; an old slug answers with the current one (current: false)' })
  @ApiParam({ name: 'lang', enum: LanguageSchema.options })
  @ApiOkResponse({ schema: openApi(ArticlesRpc.resolveSlug.reply, 'output') })
  resolveSlug(
    @Param('lang', Lang) language: 'th' | 'en',
    @Param('slug', new ZodValidationPipe(SlugParam, 'slug')) slug: string,
  ) {
    return this.rpc.request(ArticlesRpc.resolveSlug, { language, slug });
  }

  @Get(':id')
  @Roles('admin', 'editor', 'author')
  @ApiOperation({ summary: 'One story with every language version; the ETag is its revision' })
  @ApiOkResponse({
    schema: openApi(StorySchema, 'output'),
    headers: { ETag: { description: 'the story revision, to send back as If-Match', schema: { type: 'string' } } },
  })
  async get(@Req() req: KhaoRequest, @Res({ passthrough: true }) res: FastifyReply, @Param('id', Id) id: string) {
    return withEtag(res, await this.rpc.request(ArticlesRpc.get, { actor: req.actor!, id }));
  }

  @Patch(':id')
  @Roles('admin', 'editor', 'author')
  @ApiOperation({ summary: "Change the story's shared fields" })
  @Refuses(409)
  @ApiHeader(ifMatch)
  @ApiBody({ schema: { ...openApi(StoryPatchSchema), example: examples.patch } })
  @ApiOkResponse({ schema: openApi(StorySchema, 'output') })
  async update(
    @Req() req: KhaoRequest,
    @Res({ passthrough: true }) res: FastifyReply,
    @Param('id', Id) id: string,
    @Headers('if-match') match: string | undefined,
    @Body(new ZodValidationPipe(StoryPatchSchema)) patch: z.input<typeof StoryPatchSchema>,
  ) {
    const expectedRevision = parseIfMatch(match);
    return withEtag(
      res,
      await this.rpc.request(ArticlesRpc.update, { actor: req.actor!, id, patch, expectedRevision }),
    );
  }

  @Put(':id/versions/:lang')
  @Roles('admin', 'editor', 'author')
  @ApiOperation({ summary: 'Create or replace one language version (its status stays)' })
  @Refuses(409)
  @ApiParam({ name: 'lang', enum: LanguageSchema.options })
  @ApiHeader(ifMatch)
  @ApiBody({ schema: { ...openApi(VersionInputSchema), example: examples.english } })
  @ApiOkResponse({ schema: openApi(StorySchema, 'output') })
  async putVersion(
    @Req() req: KhaoRequest,
    @Res({ passthrough: true }) res: FastifyReply,
    @Param('id', Id) id: string,
    @Param('lang', Lang) language: z.output<typeof LanguageSchema>,
    @Headers('if-match') match: string | undefined,
    @Body(new ZodValidationPipe(VersionInputSchema)) version: z.input<typeof VersionInputSchema>,
  ) {
    const expectedRevision = parseIfMatch(match);
    const story = await this.rpc.request(ArticlesRpc.putVersion, {
      actor: req.actor!,
      id,
      language,
      version,
      expectedRevision,
    });
    return withEtag(res, story);
  }

  @Post(':id/versions/:lang/submit')
  @HttpCode(200)
  @Roles('admin', 'editor', 'author')
  @ApiOperation({ summary: 'Submit a draft for review' })
  @Refuses(409)
  @ApiParam({ name: 'lang', enum: LanguageSchema.options })
  @ApiHeader(ifMatch)
  @ApiOkResponse({ schema: openApi(StorySchema, 'output') })
  submit(
    @Req() req: KhaoRequest,
    @Res({ passthrough: true }) res: FastifyReply,
    @Param('id', Id) id: string,
    @Param('lang', Lang) lang: 'th' | 'en',
    @Headers('if-match') match?: string,
  ) {
    return this.transition(req, res, id, lang, 'submit', match);
  }

  @Post(':id/versions/:lang/return')
  @HttpCode(200)
  @Roles('admin', 'editor')
  @ApiOperation({ summary: 'Send a version in review back to draft' })
  @Refuses(409)
  @ApiParam({ name: 'lang', enum: LanguageSchema.options })
  @ApiHeader(ifMatch)
  @ApiOkResponse({ schema: openApi(StorySchema, 'output') })
  giveBack(
    @Req() req: KhaoRequest,
    @Res({ passthrough: true }) res: FastifyReply,
    @Param('id', Id) id: string,
    @Param('lang', Lang) lang: 'th' | 'en',
    @Headers('if-match') match?: string,
  ) {
    return this.transition(req, res, id, lang, 'return', match);
  }

  @Post(':id/versions/:lang/publish')
  @HttpCode(200)
  @Roles('admin', 'editor')
  @ApiOperation({ summary: 'Publish now, or at `at` (scheduled; fires once, even across restarts)' })
  @Refuses(409)
  @ApiParam({ name: 'lang', enum: LanguageSchema.options })
  @ApiHeader(ifMatch)
  @ApiBody({ required: false, schema: { ...openApi(PublishBody), example: { at: '2026-12-01T06:00:00+07:00' } } })
  @ApiOkResponse({ schema: openApi(StorySchema, 'output') })
  publish(
    @Req() req: KhaoRequest,
    @Res({ passthrough: true }) res: FastifyReply,
    @Param('id', Id) id: string,
    @Param('lang', Lang) lang: 'th' | 'en',
    @Body(new ZodValidationPipe(PublishBody.optional())) body?: z.output<typeof PublishBody>,
    @Headers('if-match') match?: string,
  ) {
    return this.transition(req, res, id, lang, 'publish', match, body?.at);
  }

  @Post(':id/versions/:lang/unpublish')
  @HttpCode(200)
  @Roles('admin', 'editor')
  @ApiOperation({ summary: 'Take a published version down (or cancel a schedule)' })
  @Refuses(409)
  @ApiParam({ name: 'lang', enum: LanguageSchema.options })
  @ApiHeader(ifMatch)
  @ApiOkResponse({ schema: openApi(StorySchema, 'output') })
  unpublish(
    @Req() req: KhaoRequest,
    @Res({ passthrough: true }) res: FastifyReply,
    @Param('id', Id) id: string,
    @Param('lang', Lang) lang: 'th' | 'en',
    @Headers('if-match') match?: string,
  ) {
    return this.transition(req, res, id, lang, 'unpublish', match);
  }

  @Get(':id/revisions')
  @Roles('admin', 'editor', 'author')
  @ApiOperation({ summary: 'Every save of the story, newest first: who (id and name), when, what (the action)' })
  @ApiOkResponse({ schema: openApi(z.array(RevisionListItemSchema), 'output') })
  async revisions(@Req() req: KhaoRequest, @Param('id', Id) id: string) {
    const list = await this.rpc.request(ArticlesRpc.revisions, { actor: req.actor!, id });
    const names = await this.users.names(list.map((r) => r.by));
    return list.map((r) => ({ ...r, byName: names.get(r.by) ?? null }));
  }

  @Get(':id/revisions/:revision')
  @Roles('admin', 'editor', 'author')
  @ApiOperation({ summary: "One revision's whole content (shared fields and every version), to compare two" })
  @ApiOkResponse({ schema: openApi(RevisionContentSchema, 'output') })
  revision(
    @Req() req: KhaoRequest,
    @Param('id', Id) id: string,
    @Param('revision', new ZodValidationPipe(RevisionParam, 'revision')) revision: number,
  ) {
    return this.rpc.request(ArticlesRpc.revision, { actor: req.actor!, id, revision });
  }

  @Post(':id/revisions/:revision/restore')
  @HttpCode(200)
  @Roles('admin', 'editor')
  @ApiOperation({ summary: "Bring back a revision's content as a new revision" })
  @Refuses(409)
  @ApiHeader(ifMatch)
  @ApiOkResponse({ schema: openApi(StorySchema, 'output') })
  async restore(
    @Req() req: KhaoRequest,
    @Res({ passthrough: true }) res: FastifyReply,
    @Param('id', Id) id: string,
    @Param('revision', new ZodValidationPipe(RevisionParam, 'revision')) revision: number,
    @Headers('if-match') match?: string,
  ) {
    const expectedRevision = parseIfMatch(match);
    return withEtag(
      res,
      await this.rpc.request(ArticlesRpc.restore, { actor: req.actor!, id, revision, expectedRevision }),
    );
  }

  @Delete(':id')
  @Roles('admin', 'editor')
  @ApiOperation({ summary: 'Delete a story (every language version goes offline)' })
  @Refuses(409)
  @ApiHeader(ifMatch)
  @ApiOkResponse({ schema: { example: { id: '6b0722b5d677dbc90e33bb0d', deleted: true } } })
  delete(@Req() req: KhaoRequest, @Param('id', Id) id: string, @Headers('if-match') match?: string) {
    return this.rpc.request(ArticlesRpc.delete, { actor: req.actor!, id, expectedRevision: parseIfMatch(match) });
  }

  private async transition(
    req: KhaoRequest,
    res: FastifyReply,
    id: string,
    language: 'th' | 'en',
    action: 'submit' | 'return' | 'publish' | 'unpublish',
    match?: string,
    at?: string,
  ) {
    const expectedRevision = parseIfMatch(match);
    const story = await this.rpc.request(ArticlesRpc.transition, {
      actor: req.actor!,
      id,
      language,
      action,
      at,
      expectedRevision,
    });
    return withEtag(res, story);
  }
}

function withEtag(res: FastifyReply, story: Story): Story {
  void res.header('etag', etag(story.revision));
  return story;
}
