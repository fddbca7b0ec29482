import { SetMetadata } from '@nestjs/common';
import type { Role } from '@khao/contracts';

export const ROLES_KEY = 'khao:roles';
export const PUBLIC_KEY = 'khao:public';

/** The roles allowed on a route. Every route states its roles or is marked {@link Public}: the guard fails closed. */
export const Roles = (...roles: Role[]) => SetMetadata(ROLES_KEY, roles);

/** A route anyone may call without a token (health, login, public reads). */
export const Public = () => SetMetadata(PUBLIC_KEY, true);
