import { Controller, Get, Param, Query, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { DomainError, ErrorCode, LanguageSchema, type Language } from '@khao/contracts';
import { Public } from '../auth/roles.decorator.js';
import { FONT_VERSION, loadFonts } from './fonts.js';
import { PublicCache, withValidators, type Rendered } from './public-cache.js';
import { PublicKeys } from './public-keys.js';
import { PublicResponses } from './public-responses.service.js';
import { send } from './send.js';

const isLanguage = (l: string): l is Language => (LanguageSchema.options as string[]).includes(l);
const YEAR = 'public, max-age=31536000, immutable';

/** What readers and crawlers fetch: pages, feeds, the sitemap and the web font. Every route is public. */
@ApiExcludeController()
@Controller()
export class PublicPagesController {
  private readonly fonts = loadFonts();

  constructor(
    private readonly responses: PublicResponses,
    private readonly cache: PublicCache,
  ) {}

  @Get()
  @Public()
  root(@Res() reply: FastifyReply) {
    void reply.code(302).header('location', '/th').header('cache-control', 'public, max-age=300').send();
  }

  @Get('sitemap.xml')
  @Public()
  async sitemap(@Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    send(req, reply, await this.cache.get(PublicKeys.sitemap(), () => this.responses.sitemap()));
  }

  @Get('robots.txt')
  @Public()
  robots(@Res() reply: FastifyReply) {
    const body = `User-agent: *\nDisallow: /api/\nSitemap: ${this.responses.sitemapUrl}\n`;
    void reply
      .header('content-type', 'text/plain; charset=utf-8')
      .header('cache-control', 'public, max-age=3600')
      .send(body);
  }

  @Get('feeds/:lang/rss.xml')
  @Public()
  async rss(@Req() req: FastifyRequest, @Res() reply: FastifyReply, @Param('lang') lang: string) {
    await this.feed(req, reply, lang, 'rss');
  }

  @Get('feeds/:lang/atom.xml')
  @Public()
  async atom(@Req() req: FastifyRequest, @Res() reply: FastifyReply, @Param('lang') lang: string) {
    await this.feed(req, reply, lang, 'atom');
  }

  @Get('assets/fonts/:version/:file')
  @Public()
  font(@Res() reply: FastifyReply, @Param('version') version: string, @Param('file') file: string) {
    const data = version === FONT_VERSION ? this.fonts.get(file) : undefined;
    if (!data)
      return void reply.code(404).header('content-type', 'text/plain; charset=utf-8').send('no such font file');
    void reply
      .header('content-type', 'font/woff2')
      .header('cache-control', YEAR)
      .header('access-control-allow-origin', '*')
      .send(data);
  }

  @Get(':lang/news/:slug')
  @Public()
  async article(
    @Req() req: FastifyRequest,
    @Res() reply: FastifyReply,
    @Param('lang') lang: string,
    @Param('slug') slug: string,
  ) {
    if (!isLanguage(lang) || slug.length > 300) return this.notFound(req, reply, lang);
    await this.page(req, reply, lang, PublicKeys.storyHtml(lang, slug), () => this.responses.articleHtml(lang, slug));
  }

  @Get(':lang')
  @Public()
  async home(
    @Req() req: FastifyRequest,
    @Res() reply: FastifyReply,
    @Param('lang') lang: string,
    @Query('page') page: unknown,
  ) {
    if (!isLanguage(lang)) return this.notFound(req, reply, lang);
    const cursor = typeof page === 'string' && page.length > 0 && page.length <= 200 ? page : undefined;
    if (page !== undefined && !cursor) return this.notFound(req, reply, lang);
    await this.page(req, reply, lang, PublicKeys.home(lang, cursor), () => this.responses.homeHtml(lang, cursor));
  }

  /** A page from the cache or built; a service that does not answer gets a 503 page (never cached), not JSON. */
  private async page(
    req: FastifyRequest,
    reply: FastifyReply,
    language: Language,
    key: string,
    build: () => Promise<Rendered>,
  ) {
    try {
      send(req, reply, await this.cache.get(key, build));
    } catch (err) {
      if (!(err instanceof DomainError) || err.code !== ErrorCode.Unavailable) throw err;
      send(req, reply, withValidators(this.responses.errorHtml(language, 503)));
    }
  }

  private async feed(req: FastifyRequest, reply: FastifyReply, lang: string, kind: 'rss' | 'atom') {
    if (!isLanguage(lang)) return this.notFound(req, reply, lang);
    send(req, reply, await this.cache.get(PublicKeys.feed(kind, lang), () => this.responses.feed(lang, kind)));
  }

  private async notFound(req: FastifyRequest, reply: FastifyReply, lang: string) {
    const language: Language = isLanguage(lang) ? lang : 'th';
    send(
      req,
      reply,
      await this.cache.get(PublicKeys.notFound(language), async () => this.responses.errorHtml(language, 404)),
    );
  }
}
