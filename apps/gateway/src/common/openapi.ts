import type { OpenAPIObject } from '@nestjs/swagger';
import { z } from 'zod';

/** The OpenAPI form of a contract schema, so the documentation is generated from the validating schema. */
export function openApi(schema: z.ZodType, io: 'input' | 'output' = 'input'): Record<string, unknown> {
  return z.toJSONSchema(schema, {
    target: 'openapi-3.0',
    io,
    unrepresentable: 'any',
    // zod checks e-mail addresses with its pattern (kept), which is not what validators mean by format "email".
    override: ({ jsonSchema }) => {
      if (jsonSchema.format === 'email') delete jsonSchema.format;
    },
  });
}

export const ErrorBodySchema = z.object({
  statusCode: z.number().int().meta({ example: 400 }),
  error: z.string().meta({ example: 'Bad Request' }),
  message: z.string().meta({ example: 'version.title: title must not be empty' }),
  details: z.unknown().optional(),
});

/** The security schemes of the admin API: a bearer token (scripts) or the session cookie plus CSRF header (browsers). */
export const SecuritySchemes = { bearer: 'bearer', session: 'session', csrf: 'csrf' } as const;

type OperationObject = NonNullable<OpenAPIObject['paths'][string]['get']>;

const stateChanging = new Set(['post', 'put', 'patch', 'delete']);

/**
 * Every operation that takes a bearer token also takes the session cookie, with the CSRF header on the methods that
 * change state: one place says so for the whole document, as one guard does for every route.
 */
export function allowSessionAuth(document: OpenAPIObject): OpenAPIObject {
  for (const item of Object.values(document.paths)) {
    for (const [method, op] of Object.entries(item) as [string, OperationObject][]) {
      if (!op?.security?.some((s) => SecuritySchemes.bearer in s)) continue;
      const session: Record<string, string[]> = stateChanging.has(method)
        ? { [SecuritySchemes.session]: [], [SecuritySchemes.csrf]: [] }
        : { [SecuritySchemes.session]: [] };
      op.security = [...op.security, session];
    }
  }
  return document;
}
