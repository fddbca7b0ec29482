import type { PipeTransform } from '@nestjs/common';
import type { z } from 'zod';
import { parseOrThrow, type RpcDefinition } from '@khao/contracts';

/** Validates a message payload or an HTTP body with a contract schema: one schema at both edges. */
export class ZodValidationPipe<S extends z.ZodType> implements PipeTransform<unknown, z.output<S>> {
  /** @param label names the value in messages when it is not an object (a path parameter, say). */
  constructor(
    /** Public so the gateway's OpenAPI is derived from the schema that validates the route. */
    readonly schema: S,
    readonly label?: string,
  ) {}

  transform(value: unknown): z.output<S> {
    return parseOrThrow(this.schema, value, this.label);
  }
}

/** The pipe for a service's `@Payload()`: the request schema of the subject it handles. */
export function validRpc<D extends RpcDefinition>(definition: D): ZodValidationPipe<D['request']> {
  return new ZodValidationPipe(definition.request);
}
