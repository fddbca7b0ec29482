import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { DomainError, ErrorCode, type Role } from '@khao/contracts';
import type { KhaoRequest } from '../common/request.js';
import { PUBLIC_KEY, ROLES_KEY } from './roles.decorator.js';
import { TokensService } from './tokens.service.js';

/** Authenticates the bearer token and checks the route's roles, on every route. */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly tokens: TokensService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets)) return true;
    const req = context.switchToHttp().getRequest<KhaoRequest>();
    const header = req.headers.authorization;
    const match = typeof header === 'string' ? /^Bearer ([A-Za-z0-9._~+/=-]+)$/.exec(header) : null;
    if (!match?.[1]) {
      throw new DomainError(ErrorCode.Unauthenticated, 'log in first: send Authorization: Bearer <accessToken>');
    }
    req.actor = await this.tokens.verify(match[1]);
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, targets);
    if (!roles?.includes(req.actor.role)) {
      throw new DomainError(ErrorCode.Forbidden, `the ${req.actor.role} role may not do this`);
    }
    return true;
  }
}
