import { z } from 'zod';

/**
 * A request-reply subject with its payload and reply schemas: the one definition both sides import, so that a
 * subject is never typed twice. Subjects are wire-stable: never change one; add a `.v2` beside it.
 */
export interface RpcDefinition<Req extends z.ZodType = z.ZodType, Res extends z.ZodType = z.ZodType> {
  readonly subject: string;
  readonly request: Req;
  readonly reply: Res;
}

export function defineRpc<Req extends z.ZodType, Res extends z.ZodType>(
  subject: string,
  request: Req,
  reply: Res,
): RpcDefinition<Req, Res> {
  if (!/^[a-z][a-z0-9-]*(\.[a-z][a-z0-9-]*)+\.v[0-9]+$/.test(subject)) {
    throw new Error(`RPC subject '${subject}' must look like 'service.operation.v1'`);
  }
  return { subject, request, reply };
}

export type RpcRequest<D extends RpcDefinition> = z.input<D['request']>;
export type RpcReply<D extends RpcDefinition> = z.output<D['reply']>;
/** What a handler receives: the request after its schema parsed it (defaults filled in). */
export type RpcPayload<D extends RpcDefinition> = z.output<D['request']>;

/** Header names carried on every NATS message (request-reply and JetStream). Wire-stable. */
export const Headers = {
  correlationId: 'x-correlation-id',
  /** The authenticated user on whose behalf a service is asked to act (JSON of {@link Actor}). */
  actor: 'x-khao-actor',
} as const;

/** Error codes of the one RPC error shape; the gateway maps each to an HTTP status. Wire-stable. */
export const ErrorCode = {
  InvalidArgument: 'INVALID_ARGUMENT',
  Unauthenticated: 'UNAUTHENTICATED',
  Forbidden: 'FORBIDDEN',
  NotFound: 'NOT_FOUND',
  Conflict: 'CONFLICT',
  PreconditionFailed: 'PRECONDITION_FAILED',
  PayloadTooLarge: 'PAYLOAD_TOO_LARGE',
  UnsupportedMediaType: 'UNSUPPORTED_MEDIA_TYPE',
  Unprocessable: 'UNPROCESSABLE',
  RateLimited: 'RATE_LIMITED',
  Unavailable: 'UNAVAILABLE',
  Internal: 'INTERNAL',
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

export const httpStatusOf: Record<ErrorCode, number> = {
  INVALID_ARGUMENT: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  PRECONDITION_FAILED: 412,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  UNPROCESSABLE: 422,
  RATE_LIMITED: 429,
  UNAVAILABLE: 503,
  INTERNAL: 500,
};

/** The one error shape every service replies with. `errorId` also appears in the service's log line. */
export const RpcErrorSchema = z.object({
  code: z.enum(Object.values(ErrorCode) as [ErrorCode, ...ErrorCode[]]),
  message: z.string(),
  details: z.unknown().optional(),
  errorId: z.string().optional(),
});
export type RpcErrorShape = z.infer<typeof RpcErrorSchema>;

export function isRpcError(value: unknown): value is RpcErrorShape {
  return RpcErrorSchema.safeParse(value).success;
}

/** Thrown by services (and the RPC client) with a code from {@link ErrorCode}. */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export const Roles = ['admin', 'editor', 'author', 'translator'] as const;
export const RoleSchema = z.enum(Roles);
export type Role = z.infer<typeof RoleSchema>;

/** Who is acting, as the gateway authenticated them. Services trust it only from NATS (never from HTTP). */
export const ActorSchema = z.object({ id: z.string(), email: z.string(), role: RoleSchema });
export type Actor = z.infer<typeof ActorSchema>;

/** One readable sentence per problem: `version.title: title must not be empty`. */
export function formatZodIssues(error: z.ZodError, label = 'body'): string {
  return error.issues
    .map((i) => {
      const where = i.path.length ? i.path.join('.') : label;
      if (i.code === 'unrecognized_keys') return `${where}: unknown field(s) ${i.keys.map((k) => `'${k}'`).join(', ')}`;
      return `${where}: ${i.message}`;
    })
    .join('; ');
}

/** Parses `value` or throws an INVALID_ARGUMENT {@link DomainError} naming each problem. */
export function parseOrThrow<S extends z.ZodType>(schema: S, value: unknown, label = 'body'): z.output<S> {
  const res = schema.safeParse(value);
  if (res.success) return res.data;
  throw new DomainError(
    ErrorCode.InvalidArgument,
    formatZodIssues(res.error, label),
    res.error.issues.map((i) => ({ path: i.path.join('.') || label, message: i.message, code: i.code })),
  );
}
