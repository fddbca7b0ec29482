import { Body, Controller, HttpCode, Post, Req } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import {
  ApiBody,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiTooManyRequestsResponse,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { z } from 'zod';
import { ZodValidationPipe } from '@khao/runtime';
import { openApi, ErrorBodySchema } from '../common/openapi.js';
import { AuthService } from './auth.service.js';
import { Public } from './roles.decorator.js';

export const LoginSchema = z
  .object({
    email: z.string().trim().min(3).max(254).meta({ example: 'admin@khao.example' }),
    password: z.string().min(1).max(1024).meta({ example: 'a long passphrase' }),
  })
  .strict();

const TokenSchema = z.object({
  accessToken: z.string(),
  tokenType: z.literal('Bearer'),
  expiresIn: z.number().int().meta({ description: 'seconds' }),
});

@ApiTags('auth')
@Controller('api/v1/auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Post('login')
  @Public()
  @HttpCode(200)
  @ApiOperation({ summary: 'Log in with e-mail and password: a bearer token for the API' })
  @ApiBody({ schema: openApi(LoginSchema) })
  @ApiOkResponse({ schema: openApi(TokenSchema, 'output') })
  @ApiUnauthorizedResponse({ schema: openApi(ErrorBodySchema, 'output') })
  @ApiTooManyRequestsResponse({ description: 'too many failed logins; Retry-After says when to try again' })
  login(@Req() req: FastifyRequest, @Body(new ZodValidationPipe(LoginSchema)) body: z.output<typeof LoginSchema>) {
    return this.auth.login(body.email, body.password, req.ip);
  }
}
