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
