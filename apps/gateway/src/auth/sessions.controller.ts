import { Body, Controller, Delete, Get, HttpCode, Post, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import {
  ApiBadRequestResponse,
  ApiBody,
  ApiCookieAuth,
  ApiForbiddenResponse,
  ApiHeader,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiServiceUnavailableResponse,
  ApiTags,
  ApiTooManyRequestsResponse,
  ApiUnauthorizedResponse,
  ApiUnsupportedMediaTypeResponse,
} from '@nestjs/swagger';
import { z } from 'zod';
import { RoleSchema } from '@khao/contracts';
import { ZodValidationPipe } from '@khao/runtime';
import { ErrorBodySchema, openApi } from '../common/openapi.js';
import { LoginSchema } from './auth.controller.js';
import { Public } from './roles.decorator.js';
import { CSRF_HEADER, SESSION_COOKIE, clearedSessionCookie, sessionCookie } from './session-cookie.js';
import { SessionsService, type SessionAnswer } from './sessions.service.js';

const SessionViewSchema = z.object({
  user: z.object({ id: z.string(), email: z.string(), name: z.string(), role: RoleSchema }),
  csrfToken: z.string().meta({ description: `send it back as ${CSRF_HEADER} on every POST, PUT, PATCH and DELETE` }),
});

const error = { schema: openApi(ErrorBodySchema, 'output') };
const setCookie = {
  'Set-Cookie': {
    description: `${SESSION_COOKIE}=<token>; HttpOnly; SameSite=Strict; Path=/api; Max-Age=<SESSION_TTL_SECONDS> (Secure behind https)`,
    schema: { type: 'string' },
  },
};

/** Browser sessions for the studio; scripts keep using POST /auth/login and a bearer token. */
@ApiTags('auth')
@Controller('api/v1/auth/session')
export class SessionsController {
  constructor(private readonly sessions: SessionsService) {}

  @Post()
  @Public()
  @HttpCode(200)
  @ApiOperation({ summary: 'Log in a browser: sets the httpOnly session cookie and returns the CSRF token' })
  @ApiBody({ schema: openApi(LoginSchema) })
  @ApiOkResponse({ schema: openApi(SessionViewSchema, 'output'), headers: setCookie })
  @ApiBadRequestResponse(error)
  @ApiUnauthorizedResponse({ ...error, description: 'e-mail or password is wrong, or the account is disabled' })
  @ApiUnsupportedMediaTypeResponse(error)
  @ApiTooManyRequestsResponse({ ...error, description: 'too many failed logins; Retry-After says when to try again' })
  @ApiServiceUnavailableResponse(error)
  async login(
    @Req() req: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
    @Body(new ZodValidationPipe(LoginSchema)) body: z.output<typeof LoginSchema>,
  ) {
    return this.send(reply, await this.sessions.login(body.email, body.password, req.ip));
  }

  @Get()
  @Public()
  @ApiCookieAuth('session')
  @ApiOperation({ summary: 'Who is logged in; renews the session cookie' })
  @ApiOkResponse({ schema: openApi(SessionViewSchema, 'output'), headers: setCookie })
  @ApiUnauthorizedResponse({ ...error, description: 'no session cookie, or it expired or was logged out' })
  @ApiServiceUnavailableResponse(error)
  async current(@Req() req: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply) {
    return this.send(reply, await this.sessions.current(req));
  }

  @Delete()
  @Public()
  @HttpCode(204)
  @ApiCookieAuth('session')
  @ApiHeader({ name: 'X-CSRF-Token', required: true, description: 'the csrfToken of the session' })
  @ApiOperation({ summary: 'Log out: the session is refused from now on, on every gateway; clears the cookie' })
  @ApiNoContentResponse({ description: 'logged out (also when there was no live session)', headers: setCookie })
  @ApiForbiddenResponse({ ...error, description: 'X-CSRF-Token missing or not the session’s' })
  @ApiServiceUnavailableResponse(error)
  async logout(@Req() req: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<void> {
    await this.sessions.logout(req);
    void reply.header('set-cookie', clearedSessionCookie(this.sessions.secureCookie));
  }

  private send(reply: FastifyReply, answer: SessionAnswer) {
    void reply
      .header('set-cookie', sessionCookie(answer.token, answer.maxAge, this.sessions.secureCookie))
      .header('cache-control', 'no-store');
    return answer.body;
  }
}
