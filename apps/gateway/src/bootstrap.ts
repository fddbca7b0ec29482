import { ModulesContainer, NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { Headers } from '@khao/contracts';
import { createLogger, newCorrelationId, PinoNestLogger, sanitizeCorrelationId } from '@khao/logging';
import { closeInfra, openInfra, RpcClient } from '@khao/messaging';
import { onShutdownSignal } from '@khao/runtime';
import { AuthService } from './auth/auth.service.js';
import { CorrelationInterceptor } from './common/correlation.interceptor.js';
import { HttpErrorFilter, toHttpError } from './common/http-errors.js';
import { allowSessionAuth, SecuritySchemes } from './common/openapi.js';
import { SESSION_COOKIE } from './auth/session-cookie.js';
import { answerMethodNotAllowed } from './common/method-not-allowed.js';
import { completeOpenApi } from './common/openapi-routes.js';
import type { KhaoRequest } from './common/request.js';
import type { GatewayConfig } from './config.js';
import { GatewayModule } from './gateway.module.js';
import { Metrics } from './health/metrics.js';
import { SecurityHeaders } from './common/security-headers.js';
import { MEDIA_UPLOAD_ROUTE } from './media/media.controller.js';
import { PublicFastPath } from './public/public-fast-path.js';

export async function runGateway(config: GatewayConfig): Promise<void> {
  const logger = createLogger({ service: 'gateway', level: config.LOG_LEVEL });
  process.on('unhandledRejection', (err) => logger.error({ err }, 'unhandled rejection'));
  const infra = await openInfra('gateway', config, logger, config.MONGO_DB);
  const rpc = new RpcClient(config.NATS_URL, config.RPC_TIMEOUT_MS);
  await rpc.connect();
  const metrics = new Metrics();
  const security = new SecurityHeaders({
    publicBaseUrl: config.PUBLIC_BASE_URL,
    mediaOrigins: [new URL(config.S3_ENDPOINT).origin, ...config.MEDIA_ORIGINS],
  });

  const adapter = new FastifyAdapter({
    bodyLimit: config.HTTP_BODY_LIMIT,
    // A slug may be 300 Thai characters: 2,700 once percent-encoded (Fastify's default is 100).
    routerOptions: { maxParamLength: 3000 },
    genReqId: (req: { headers: Record<string, unknown> }) =>
      sanitizeCorrelationId(req.headers[Headers.correlationId]) ?? newCorrelationId(),
    logger: false,
    return503OnClosing: true,
  });
  const app = await NestFactory.create<NestFastifyApplication>(
    GatewayModule.register(config, { infra, rpc, metrics, security }),
    adapter,
    {
      logger: new PinoNestLogger(logger),
    },
  );
  const fastify = app.getHttpAdapter().getInstance();
  // Multipart is for the media upload route only, and left unread here: the route streams the raw body itself.
  fastify.addContentTypeParser('multipart/form-data', (req, _payload, done) => {
    if (req.method === 'POST' && req.routeOptions.url === MEDIA_UPLOAD_ROUTE) return done(null);
    done(
      Object.assign(new Error('unsupported Content-Type'), { statusCode: 415, code: 'FST_ERR_CTP_INVALID_MEDIA_TYPE' }),
    );
  });

  // Correlation id: the caller's (if well-formed) or a new one, echoed on the response; the security headers of the
  // route's kind, built once (public pages set their own policy when rendered).
  fastify.addHook('onRequest', (req, reply, done) => {
    (req as KhaoRequest).correlationId = req.id;
    void reply.header(Headers.correlationId, req.id).headers(security.for(req.url));
    done();
  });
  // Cached public reads are answered here, before Nest's pipeline (PublicFastPath).
  fastify.addHook('onRequest', app.get(PublicFastPath).onRequest);
  answerMethodNotAllowed(fastify);
  fastify.addHook('onResponse', (req, reply, done) => {
    const route = req.routeOptions.url ?? 'unmatched';
    metrics.httpRequests.inc({ method: req.method, route, status: String(reply.statusCode) });
    metrics.httpDuration.observe({ method: req.method, route }, reply.elapsedTime / 1000);
    // Every admin API call is logged; a reader's page or feed that went well only at debug level (the metrics count
    // them all), so a burst of readers does not pay a log write per request.
    const level = isAdminApi(route) || reply.statusCode >= 500 ? 'info' : 'debug';
    if (logger.isLevelEnabled(level)) {
      logger[level](
        {
          correlationId: req.id,
          method: req.method,
          route,
          status: reply.statusCode,
          ms: Math.round(reply.elapsedTime),
        },
        'request',
      );
    }
    done();
  });
  // JSON only (multipart routes register their own parser): anything else is a 415, not a string to validate.
  fastify.removeContentTypeParser('text/plain');
  // Errors Fastify raises before Nest routes the request (body parsing, content type, size) get the same shape.
  fastify.setErrorHandler((err, _req, reply) => {
    const body = toHttpError(err, logger);
    void reply.status(body.statusCode).send(body);
  });

  app.useGlobalFilters(new HttpErrorFilter(logger));
  app.useGlobalInterceptors(new CorrelationInterceptor());

  // The routes complete the document (parameters, statuses, security), then the session cookie joins bearer.
  const document = allowSessionAuth(
    completeOpenApi(
      SwaggerModule.createDocument(
        app,
        new DocumentBuilder()
          .setTitle('Khao API')
          .setDescription('Admin REST API and public delivery of the Khao newsroom platform')
          .setVersion('1')
          // Relative: the document describes the gateway that serves it, whatever its public address.
          .addServer('/')
          .addBearerAuth(undefined, SecuritySchemes.bearer)
          .addCookieAuth(
            SESSION_COOKIE,
            { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE },
            SecuritySchemes.session,
          )
          .addApiKey(
            { type: 'apiKey', in: 'header', name: 'X-CSRF-Token', description: 'the session’s csrfToken' },
            SecuritySchemes.csrf,
          )
          .build(),
      ),
      [...app.get(ModulesContainer).values()].flatMap((m) => [...m.controllers.values()].map((c) => c.metatype)),
    ),
  );
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs/openapi.json' });

  await app.get(AuthService).seedAdmin();
  await app.listen(config.HTTP_PORT, config.HTTP_HOST);
  const url = await app.getUrl();
  logger.info(
    { event: 'service.ready', url, node: process.version },
    `gateway listening on ${url} (Node ${process.version})`,
  );

  onShutdownSignal(logger, config, async () => {
    await app.close();
    await rpc.close();
    await closeInfra(infra);
  });
}

/** The admin REST API (everything under /api/v1 but the public read API): its every request is logged. */
function isAdminApi(route: string): boolean {
  return route.startsWith('/api/v1/') && !route.startsWith('/api/v1/public/');
}
