import { Controller, Get, HttpCode, Inject, Param, Post, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiExcludeEndpoint, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import { ArticlesRpc, DomainError, ErrorCode, LanguageSchema, ObjectIdSchema, type Language } from '@khao/contracts';
import { RpcClient } from '@khao/messaging';
import { ZodValidationPipe } from '@khao/runtime';
import { Public, Roles } from '../auth/roles.decorator.js';
import type { GatewayConfig } from '../config.js';
import { openApi } from '../common/openapi.js';
import type { KhaoRequest } from '../common/request.js';
import { PublicResponses, type PreviewPage } from '../public/public-responses.service.js';
import { CONFIG } from '../tokens.js';
import { PreviewLinks } from './preview-links.js';

const PreviewLinkSchema = z.object({
  /** Opens the version as its public page will look; works for anyone holding it until `expiresAt`. */
  url: z.string(),
  /** The same link on this gateway (what the studio, served here, opens). */
  path: z.string(),
  expiresAt: z.string(),
});

/** Draft previews: the admin route that hands out a signed link, and the public page the link opens. */
@Controller()
export class PreviewController {
  private readonly base: string;

  constructor(
    private readonly rpc: RpcClient,
    private readonly links: PreviewLinks,
    private readonly responses: PublicResponses,
    @Inject(CONFIG) config: GatewayConfig,
  ) {
    this.base = config.PUBLIC_BASE_URL.replace(/\/+$/, '');
  }

  @Post('api/v1/articles/:id/versions/:lang/preview')
  @HttpCode(200)
  @Roles('admin', 'editor', 'author')
  @ApiTags('articles')
  @ApiBearerAuth()
  @ApiOperation({
    summary:
      'A signed, expiring link to the version as its public page will look (drafts included), for whoever may ' +
      'open the story; PREVIEW_TTL_SECONDS long',
  })
  @ApiParam({ name: 'lang', enum: LanguageSchema.options })
  @ApiOkResponse({ schema: openApi(PreviewLinkSchema, 'output') })
  async create(
    @Req() req: KhaoRequest,
    @Param('id', new ZodValidationPipe(ObjectIdSchema, 'id')) id: string,
    @Param('lang', new ZodValidationPipe(LanguageSchema, 'lang')) lang: Language,
  ) {
    // The same read rule as opening the story: nobody gets a link to what they may not see.
    const story = await this.rpc.request(ArticlesRpc.get, { actor: req.actor!, id });
    if (!story.versions.some((v) => v.language === lang)) {
      throw new DomainError(ErrorCode.NotFound, `the story has no ${lang} version yet`);
    }
    const { token, expiresAt } = this.links.sign(id, lang);
    const path = `/preview/${token}`;
    return { url: `${this.base}${path}`, path, expiresAt: expiresAt.toISOString() };
  }

  @Get('preview/:token')
  @Public()
  @ApiExcludeEndpoint()
  async page(@Res() reply: FastifyReply, @Param('token') token: string) {
    const check = this.links.verify(token);
    if (!check.ok) {
      const status = check.reason === 'expired' ? 410 : 403;
      return sendPage(reply, this.responses.previewError(check.language ?? 'th', status));
    }
    const { storyId, language } = check.grant;
    try {
      sendPage(reply, await this.responses.previewHtml(storyId, language));
    } catch (err) {
      if (!(err instanceof DomainError) || err.code !== ErrorCode.Unavailable) throw err;
      sendPage(reply, this.responses.previewError(language, 503));
    }
  }
}

function sendPage(reply: FastifyReply, page: PreviewPage): void {
  void reply.code(page.status).headers(page.headers).send(page.body);
}
