import { Module, type DynamicModule } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { DeadLetters, INFRA, OutboxRelay, RpcClient, type ServiceInfra } from '@khao/messaging';
import { ArticlesController } from './articles/articles.controller.js';
import { LoginThrottle } from './auth/login-throttle.js';
import { UsersController } from './users/users.controller.js';
import { UsersService } from './users/users.service.js';
import { AuthController } from './auth/auth.controller.js';
import { AuthGuard } from './auth/auth.guard.js';
import { AuthService } from './auth/auth.service.js';
import { TokensService } from './auth/tokens.service.js';
import { Authenticator } from './auth/authenticator.js';
import { AuditController } from './audit/audit.controller.js';
import { AuditRepository } from './audit/audit.repository.js';
import { AuditTrail } from './audit/audit-trail.js';
import { EndedSessionsRepository } from './auth/ended-sessions.repository.js';
import { RevocationList } from './auth/revocation-list.js';
import { Revocations } from './auth/revocations.service.js';
import { SessionsController } from './auth/sessions.controller.js';
import { SessionsService } from './auth/sessions.service.js';
import { UsersRepository } from './auth/users.repository.js';
import type { GatewayConfig } from './config.js';
import { SecurityHeaders } from './common/security-headers.js';
import { HealthController } from './health/health.controller.js';
import { Metrics } from './health/metrics.js';
import { ReadinessService } from './health/readiness.service.js';
import { DeadLettersController } from './ops/dead-letters.controller.js';
import { DeadLetterReplays } from './ops/dead-letters.service.js';
import { OpsStatusController } from './ops/ops-status.controller.js';
import { OpsStatusService } from './ops/ops-status.service.js';
import { AuditRecorder } from './audit/audit-recorder.js';
import { SocialDesk } from './social/social-desk.service.js';
import { MediaController } from './media/media.controller.js';
import { MediaStreamService } from './media/media-stream.service.js';
import { TranslationController } from './translation/translation.controller.js';
import { SocialController } from './social/social.controller.js';
import { CONFIG, LOGGER } from './tokens.js';
import { PublicApiController } from './public/public-api.controller.js';
import { ImageCache } from './public/image-cache.js';
import { PublicCache } from './public/public-cache.js';
import { PublicCacheSync } from './public/public-cache.sync.js';
import { EventsController } from './live/events.controller.js';
import { EventStreamService } from './live/event-stream.service.js';
import { PublicContentService } from './public/public-content.service.js';
import { PublicFastPath } from './public/public-fast-path.js';
import { PublicPagesController } from './public/public-pages.controller.js';
import { PublicSearchController } from './public/public-search.controller.js';
import { PublicResponses } from './public/public-responses.service.js';
import { StudioController } from './studio/studio.controller.js';
import { PreviewController } from './preview/preview.controller.js';
import { PreviewLinks } from './preview/preview-links.js';

export interface GatewayDeps {
  infra: ServiceInfra;
  rpc: RpcClient;
  metrics: Metrics;
  security: SecurityHeaders;
}

@Module({})
export class GatewayModule {
  static register(config: GatewayConfig, { infra, rpc, metrics, security }: GatewayDeps): DynamicModule {
    const relay = OutboxRelay.for(infra, config);
    const users = new UsersRepository(infra.mongo, relay);
    const endedSessions = new EndedSessionsRepository(infra.mongo, relay);
    return {
      module: GatewayModule,
      controllers: [
        HealthController,
        AuthController,
        SessionsController,
        UsersController,
        ArticlesController,
        DeadLettersController,
        OpsStatusController,
        AuditController,
        MediaController,
        PublicApiController,
        PublicSearchController,
        TranslationController,
        SocialController,
        StudioController,
        EventsController,
        PreviewController,
        // Last: its `/:lang` route must not shadow anything (static routes win in Fastify anyway).
        PublicPagesController,
      ],
      providers: [
        { provide: CONFIG, useValue: config },
        { provide: INFRA, useValue: infra },
        { provide: LOGGER, useValue: infra.logger },
        { provide: RpcClient, useValue: rpc },
        { provide: Metrics, useValue: metrics },
        { provide: SecurityHeaders, useValue: security },
        { provide: DeadLetters, useValue: new DeadLetters(infra.jsm, infra.publisher) },
        { provide: UsersRepository, useValue: users },
        { provide: EndedSessionsRepository, useValue: endedSessions },
        { provide: AuditRepository, useValue: new AuditRepository(infra.mongo) },
        AuditTrail,
        AuditRecorder,
        DeadLetterReplays,
        OpsStatusService,
        SocialDesk,
        { provide: OutboxRelay, useValue: relay },
        {
          provide: LoginThrottle,
          useValue: new LoginThrottle(infra.mongo, config.LOGIN_MAX_FAILURES, config.LOGIN_WINDOW_SECONDS * 1000),
        },
        { provide: APP_GUARD, useClass: AuthGuard },
        UsersService,
        TokensService,
        RevocationList,
        Revocations,
        Authenticator,
        AuthService,
        SessionsService,
        ReadinessService,
        MediaStreamService,
        {
          provide: PublicCache,
          useValue: new PublicCache({
            enabled: config.PUBLIC_CACHE && config.PUBLIC_RESPONSE_CACHE,
            maxEntries: config.PUBLIC_CACHE_MAX_ENTRIES,
            maxBytes: config.PUBLIC_CACHE_MAX_MB * 1_048_576,
            ttlMs: config.PUBLIC_CACHE_TTL_SECONDS * 1000,
            onBuild: (key) => metrics.publicBuilds.inc({ kind: key.split(':', 1)[0] }),
          }),
        },
        { provide: ImageCache, useValue: new ImageCache(config.PUBLIC_CACHE ? config.PUBLIC_IMAGE_CACHE_ENTRIES : 0) },
        PublicCacheSync,
        EventStreamService,
        PublicFastPath,
        PublicContentService,
        PublicResponses,
        PreviewLinks,
      ],
    };
  }
}
