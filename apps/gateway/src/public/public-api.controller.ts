import { Controller, Get, Param, Query, Req, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { LanguageSchema, PublicListQuerySchema, type Language } from '@khao/contracts';
import { ZodValidationPipe } from '@khao/runtime';
import { Public } from '../auth/roles.decorator.js';
import { PublicCache } from './public-cache.js';
import { PublicKeys } from './public-keys.js';
import { PublicResponses } from './public-responses.service.js';
import { send } from './send.js';

/** The HTTP API allows smaller pages than the RPC (which the gateway's own feeds and sitemap page through). */
export const PublicListHttpQuerySchema = PublicListQuerySchema.extend({
  limit: z.coerce.number().int().min(1).max(50, 'must be at most 50').default(20),
}).strict();

const Lang = new ZodValidationPipe(LanguageSchema, 'lang');
const Slug = new ZodValidationPipe(z.string().min(1).max(300, 'must be at most 300 characters'), 'slug');

@ApiTags('public')
@Controller('api/v1/public/articles')
export class PublicApiController {
  constructor(
    private readonly responses: PublicResponses,
    private readonly cache: PublicCache,
  ) {}

  @Get()
  @Public()
  @ApiOperation({
    summary: 'Published stories, newest first: filter by lang, tag, category, province, q (Thai-aware); cursor pages',
  })
  async list(
    @Req() req: FastifyRequest,
    @Res() reply: FastifyReply,
    @Query(new ZodValidationPipe(PublicListHttpQuerySchema, 'query')) q: z.output<typeof PublicListHttpQuerySchema>,
  ) {
    const key = `json:list:${JSON.stringify(Object.entries(q).sort(([a], [b]) => (a < b ? -1 : 1)))}`;
    send(req, reply, await this.cache.get(key, () => this.responses.listJson(q)));
  }

  @Get(':lang/:slug')
  @Public()
  @ApiOperation({
    summary:
      'One published story with image renditions (srcset, blurhash, share image), its translations and share links; ' +
      'an old slug answers 301, a withdrawn story 410',
  })
  @ApiParam({ name: 'lang', enum: LanguageSchema.options })
  @ApiOkResponse({ description: 'the story; ETag and Last-Modified answer conditional requests with 304' })
  async story(
    @Req() req: FastifyRequest,
    @Res() reply: FastifyReply,
    @Param('lang', Lang) lang: Language,
    @Param('slug', Slug) slug: string,
  ) {
    send(
      req,
      reply,
      await this.cache.get(PublicKeys.storyJson(lang, slug), () => this.responses.storyJson(lang, slug)),
    );
  }
}
