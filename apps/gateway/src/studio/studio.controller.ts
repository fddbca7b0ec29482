import { Controller, Get, Inject, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Public } from '../auth/roles.decorator.js';
import type { GatewayConfig } from '../config.js';
import { CONFIG } from '../tokens.js';
import { loadStudioFiles, type StudioFile } from './studio-files.js';

const YEAR = 'public, max-age=31536000, immutable';

/**
 * Khao Studio, the newsroom's web app, as static files under /studio. Hashed assets are cached for a year; every
 * other path is one of the app's pages (a deep link such as /studio/stories/…) and gets index.html, which is
 * revalidated on each visit so a new build is picked up at once. What the app may do is decided by the API.
 */
@ApiExcludeController()
@Controller('studio')
export class StudioController {
  private readonly files: Map<string, StudioFile>;

  constructor(@Inject(CONFIG) config: GatewayConfig) {
    this.files = loadStudioFiles(config.STUDIO_DIR);
  }

  @Get()
  @Public()
  index(@Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    this.page(req, reply);
  }

  @Get('*')
  @Public()
  file(@Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    const rel = decodeURIComponent(new URL(req.url, 'http://studio').pathname).replace(/^\/studio\/?/u, '');
    if (rel.startsWith('assets/')) {
      const asset = this.files.get(rel);
      if (!asset) return void reply.code(404).header('content-type', 'text/plain; charset=utf-8').send('no such file');
      return this.send(req, reply, asset, YEAR);
    }
    this.page(req, reply);
  }

  private page(req: FastifyRequest, reply: FastifyReply) {
    const index = this.files.get('index.html');
    if (!index) {
      return void reply
        .code(503)
        .header('content-type', 'text/plain; charset=utf-8')
        .header('retry-after', '60')
        .send('The studio has not been built: run `npm run build`, then restart the gateway.');
    }
    // The content security policy and the other security headers come from SecurityHeaders, for every /studio path.
    this.send(req, reply, index, 'no-cache');
  }

  private send(req: FastifyRequest, reply: FastifyReply, file: StudioFile, cacheControl: string) {
    const gzip = file.gzip && /\bgzip\b/u.test(String(req.headers['accept-encoding'] ?? ''));
    void reply
      .header('content-type', file.type)
      .header('cache-control', cacheControl)
      .header('vary', 'accept-encoding');
    if (gzip) void reply.header('content-encoding', 'gzip');
    void reply.send(gzip ? file.gzip : file.body);
  }
}
