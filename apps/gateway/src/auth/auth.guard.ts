import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { DomainError, ErrorCode, type Role } from '@khao/contracts';
import type { KhaoRequest } from '../common/request.js';
import { Authenticator, standingOf } from './authenticator.js';
import { PUBLIC_KEY, ROLES_KEY } from './roles.decorator.js';

/** Authenticates the bearer token or session cookie and checks the route's roles, on every route. */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly authenticator: Authenticator,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets)) return true;
    const req = context.switchToHttp().getRequest<KhaoRequest>();
    const verified = await this.authenticator.authenticate(req);
    req.actor = verified.actor;
    req.standing = standingOf(verified);
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, targets);
    if (!roles?.includes(req.actor.role)) {
      throw new DomainError(ErrorCode.Forbidden, `the ${req.actor.role} role may not do this`);
    }
    return true;
  }
}
