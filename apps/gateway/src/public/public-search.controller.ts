import { Controller, Get, Query, Req, Res } from '@nestjs/common';
import { ApiBadRequestResponse, ApiOkResponse, ApiOperation, ApiQuery, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import {
  LanguageSchema,
  PublicSearchHitSchema,
  PublicSearchQuerySchema,
  PublicSearchReplySchema,
  PublicTranslationSchema,
} from '@khao/contracts';
import { ZodValidationPipe } from '@khao/runtime';
import { Public } from '../auth/roles.decorator.js';
import { ErrorBodySchema, openApi } from '../common/openapi.js';
import { PublicCache } from './public-cache.js';
import { PublicResponses } from './public-responses.service.js';
import { send } from './send.js';

/** What the gateway answers: the articles service's hits with the public URL of each and of its translations. */
const SearchReplySchema = PublicSearchReplySchema.extend({
  items: z.array(
    PublicSearchHitSchema.extend({
      url: z.string(),
      translations: z.array(PublicTranslationSchema.extend({ url: z.string() })),
    }),
  ),
});

@ApiTags('public')
@Controller('api/v1/public/search')
export class PublicSearchController {
  constructor(
    private readonly responses: PublicResponses,
    private readonly cache: PublicCache,
  ) {}

  @Get()
  @Public()
  @ApiOperation({
    summary:
      'Search the published stories of one language (Thai-aware, ranked: title and summary above body, exact ' +
      'phrase above words apart); each hit has a snippet with the matched words marked',
  })
  @ApiQuery({ name: 'lang', required: true, enum: LanguageSchema.options, description: 'the language searched' })
  @ApiQuery({
    name: 'q',
    required: true,
    schema: { type: 'string', minLength: 1, maxLength: 200 },
    description: 'what to look for: Thai or English; abbreviation dots, Thai digits and BE/CE years are forgiven',
  })
  @ApiQuery({ name: 'page', required: false, schema: { type: 'integer', minimum: 1, maximum: 50, default: 1 } })
  @ApiQuery({ name: 'limit', required: false, schema: { type: 'integer', minimum: 1, maximum: 50, default: 10 } })
  @ApiOkResponse({
    description: 'hits best first (each a published story with `url`, `snippet`, `score`), `total`, `suggestion`',
    schema: openApi(SearchReplySchema, 'output'),
  })
  @ApiResponse({ status: 304, description: 'not modified (If-None-Match / If-Modified-Since)' })
  @ApiBadRequestResponse({
    description: 'a missing, empty or too long query, an unknown language, a bad page or limit',
    schema: openApi(ErrorBodySchema, 'output'),
  })
  @ApiResponse({
    status: 503,
    description: 'the articles service does not answer',
    schema: openApi(ErrorBodySchema, 'output'),
  })
  async search(
    @Req() req: FastifyRequest,
    @Res() reply: FastifyReply,
    @Query(new ZodValidationPipe(PublicSearchQuerySchema, 'query')) q: z.output<typeof PublicSearchQuerySchema>,
  ) {
    const key = `json:search:${q.lang}:${q.page}:${q.limit}:${q.q}`;
    send(req, reply, await this.cache.get(key, () => this.responses.searchJson(q)));
  }
}
