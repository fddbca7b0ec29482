import { STATUS_CODES } from 'node:http';
import { SetMetadata } from '@nestjs/common';
import { METHOD_METADATA, ROUTE_ARGS_METADATA } from '@nestjs/common/constants.js';
import { RouteParamtypes } from '@nestjs/common/enums/route-paramtypes.enum.js';
import type { OpenAPIObject } from '@nestjs/swagger';
import type { z } from 'zod';
import { ZodValidationPipe } from '@khao/runtime';
import { PUBLIC_KEY } from '../auth/roles.decorator.js';
import { ETAG_PATTERN } from './if-match.js';
import { ErrorBodySchema, openApi } from './openapi.js';

const REFUSALS_KEY = 'khao:refusals';

/**
 * Statuses a route answers beyond those its inputs, roles and path imply (a conflict the service detects, a refused
 * image): stated next to the route, documented by {@link completeOpenApi}.
 */
export const Refuses = (...statuses: number[]) => SetMetadata(REFUSALS_KEY, statuses);

type Json = Record<string, unknown>;
interface Operation {
  operationId?: string;
  parameters?: Json[];
  requestBody?: Json;
  responses: Record<string, Json>;
  security?: Record<string, string[]>[];
}
interface RouteArg {
  index: number;
  data?: unknown;
  pipes?: unknown[];
}

const WITH_BODY = new Set(['post', 'put', 'patch']);
const ERROR_REF = { $ref: '#/components/schemas/Error' };

/**
 * Completes the Swagger document from what the routes themselves declare, so it cannot drift from them: every path,
 * query and header parameter with the schema of the zod pipe that validates it, the security of `@Roles` routes, and
 * every status each route can answer with the one error body. One place instead of decorators typed per route.
 */
export function completeOpenApi(document: OpenAPIObject, controllers: unknown[]): OpenAPIObject {
  document.components ??= {};
  document.components.schemas = { ...document.components.schemas, Error: openApi(ErrorBodySchema, 'output') };
  const operations = new Map<string, { path: string; method: string; op: Operation }>();
  for (const [path, item] of Object.entries(document.paths)) {
    for (const [method, op] of Object.entries(item as Record<string, Operation>)) {
      if (op.operationId) operations.set(op.operationId, { path, method, op });
    }
  }
  for (const controller of controllers) {
    if (typeof controller !== 'function') continue;
    const proto = controller.prototype as Record<string, unknown>;
    for (const name of Object.getOwnPropertyNames(proto)) {
      const handler = proto[name];
      if (typeof handler !== 'function' || Reflect.getMetadata(METHOD_METADATA, handler) === undefined) continue;
      const found = operations.get(`${controller.name}_${name}`);
      if (!found) continue; // excluded from the document (the HTML pages)
      const args = Object.entries(
        (Reflect.getMetadata(ROUTE_ARGS_METADATA, controller, name) ?? {}) as Record<string, RouteArg>,
      ).map(([key, arg]) => ({ type: Number(key.split(':')[0]), ...arg }));
      const meta = <T>(key: string): T | undefined =>
        (Reflect.getMetadata(key, handler) as T | undefined) ?? (Reflect.getMetadata(key, controller) as T | undefined);
      describe(found.op, found.method, args, {
        isPublic: meta<boolean>(PUBLIC_KEY) === true,
        refusals: meta<number[]>(REFUSALS_KEY) ?? [],
        usesServices: found.path.startsWith('/api/'),
      });
    }
  }
  return document;
}

function describe(
  op: Operation,
  method: string,
  args: (RouteArg & { type: RouteParamtypes })[],
  route: { isPublic: boolean; refusals: number[]; usesServices: boolean },
): void {
  const described = new Map<string, Json>();
  for (const p of op.parameters ?? []) described.set(`${String(p.in)}:${String(p.name).toLowerCase()}`, p);
  const params: Json[] = [];
  const add = (p: Json) => {
    const prior = described.get(`${String(p.in)}:${String(p.name).toLowerCase()}`);
    params.push({ ...p, ...(prior?.description ? { description: prior.description } : {}) });
  };
  let validated = false;
  let hasPath = false;
  let ifMatch = false;
  for (const arg of args) {
    const schema = zodOf(arg.pipes);
    if (schema) validated = true;
    if (arg.type === RouteParamtypes.PARAM && typeof arg.data === 'string') {
      hasPath = true;
      add({ name: arg.data, in: 'path', required: true, schema: schema ? openApi(schema) : { type: 'string' } });
    } else if (arg.type === RouteParamtypes.QUERY && schema && arg.data === undefined) {
      const object = openApi(schema) as { properties?: Record<string, Json>; required?: string[] };
      for (const [name, property] of Object.entries(object.properties ?? {})) {
        add({ name, in: 'query', required: object.required?.includes(name) ?? false, schema: property });
      }
    } else if (arg.type === RouteParamtypes.HEADERS && arg.data === 'if-match') {
      ifMatch = validated = true;
      add({
        name: 'If-Match',
        in: 'header',
        required: false,
        schema: { type: 'string', pattern: ETAG_PATTERN.source, example: '"7"' },
      });
    } else if (arg.type === RouteParamtypes.HEADERS && typeof arg.data === 'string') {
      // Nest runs no pipe on a header: the route parses it and states its form with @ApiHeader.
      const prior = described.get(`header:${arg.data.toLowerCase()}`);
      add(prior?.schema ? prior : { name: arg.data, in: 'header', required: false, schema: { type: 'string' } });
    } else if (arg.type === RouteParamtypes.BODY && schema) {
      op.requestBody ??= { required: true, content: { 'application/json': { schema: openApi(schema) } } };
    }
  }
  op.parameters = params;

  const statuses = new Set<number>(route.refusals);
  for (const status of Object.keys(op.responses).map(Number)) if (status >= 400) statuses.add(status);
  if (validated || op.requestBody) statuses.add(400);
  if (!route.isPublic) statuses.add(401).add(403);
  if (hasPath) statuses.add(404);
  if (ifMatch) statuses.add(412);
  if (WITH_BODY.has(method)) statuses.add(413).add(415);
  if (route.usesServices) statuses.add(503);
  for (const status of [...statuses].sort()) {
    const prior = op.responses[String(status)];
    op.responses[String(status)] = {
      description:
        typeof prior?.description === 'string' && prior.description ? prior.description : describeStatus(status),
      content: { 'application/json': { schema: ERROR_REF } },
    };
  }
  if (route.isPublic) op.security = [];
  else op.security = [{ bearer: [] }];
}

function zodOf(pipes: unknown[] | undefined): z.ZodType | undefined {
  const pipe = pipes?.find((p): p is ZodValidationPipe<z.ZodType> => p instanceof ZodValidationPipe);
  return pipe?.schema;
}

const statusText: Record<number, string> = {
  400: 'the request is malformed or a field is invalid; the message names it',
  401: 'no valid bearer token: log in first',
  403: 'your role may not do this',
  404: 'no such resource',
  409: 'it conflicts with the current state (someone else is changing it, or it is in use)',
  412: 'If-Match names a revision that is not the current one: GET it again and reapply your change',
  413: 'the body is larger than this endpoint accepts',
  415: 'unsupported Content-Type (send application/json) or file type',
  422: 'well-formed, but its content cannot be used',
  429: 'too many attempts; Retry-After says when to try again',
  503: 'a service or dependency is unavailable; try again shortly',
};

function describeStatus(status: number): string {
  return statusText[status] ?? STATUS_CODES[status] ?? 'error';
}
