import { randomUUID } from 'node:crypto';
import { STATUS_CODES } from 'node:http';
import { Catch, HttpException, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { DomainError, httpStatusOf } from '@khao/contracts';
import type { Logger } from '@khao/logging';
import { isMongoUnavailable } from '@khao/persistence';

/** The contract's error body: `{ statusCode, error, message, details? }`. */
export interface HttpErrorBody {
  statusCode: number;
  error: string;
  message: string;
  details?: unknown;
}

const fastifyMessages: Record<string, string> = {
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'unsupported Content-Type: send application/json',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'the body is empty but Content-Type says application/json',
  FST_ERR_CTP_BODY_TOO_LARGE: 'the request body is larger than this endpoint accepts',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'Content-Length does not match the body',
};

/** Maps anything thrown while serving a request to a status and a message a person can act on. */
export function toHttpError(err: unknown, logger: Logger): HttpErrorBody {
  const body = (statusCode: number, message: string, details?: unknown): HttpErrorBody => ({
    statusCode,
    error: STATUS_CODES[statusCode] ?? 'Error',
    message,
    ...(details === undefined ? {} : { details }),
  });
  if (err instanceof DomainError) {
    const status = httpStatusOf[err.code];
    if (status >= 500) logger.warn({ code: err.code, err: err.message }, 'dependency problem');
    return body(status, err.message, err.details);
  }
  if (err instanceof HttpException) {
    // Nest wraps Fastify's parser errors; say what to do instead of Fastify's terse text.
    if (err.getStatus() === 413) return body(413, fastifyMessages.FST_ERR_CTP_BODY_TOO_LARGE);
    if (err.getStatus() === 415) return body(415, fastifyMessages.FST_ERR_CTP_INVALID_MEDIA_TYPE);
    const res = err.getResponse();
    const message = typeof res === 'string' ? res : ((res as { message?: unknown }).message ?? err.message);
    return body(
      err.getStatus(),
      Array.isArray(message) ? message.join('; ') : typeof message === 'string' ? message : JSON.stringify(message),
    );
  }
  const e = err as { statusCode?: number; code?: string; message?: string } | null;
  if (e && typeof e.statusCode === 'number' && e.statusCode >= 400 && e.statusCode < 500) {
    // Fastify's own errors: body parsing, content type, size.
    const message =
      (e.code && fastifyMessages[e.code]) ??
      (e.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || e instanceof SyntaxError
        ? `the body is not valid JSON: ${e.message ?? ''}`.trim()
        : (e.message ?? 'bad request'));
    return body(e.statusCode, message);
  }
  if (e instanceof SyntaxError) return body(400, `the body is not valid JSON: ${e.message}`);
  const errorId = randomUUID();
  if (isMongoUnavailable(err)) {
    logger.error({ errorId, err }, 'database unavailable');
    return body(503, `the database is unavailable; try again shortly (error id ${errorId})`);
  }
  logger.error({ errorId, err }, 'unhandled error');
  return body(500, `internal error (error id ${errorId})`);
}

@Catch()
export class HttpErrorFilter implements ExceptionFilter {
  constructor(private readonly logger: Logger) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    const body = toHttpError(exception, this.logger);
    const retryAfter = (body.details as { retryAfterSeconds?: number } | undefined)?.retryAfterSeconds;
    if (body.statusCode === 429 && retryAfter) void reply.header('retry-after', String(retryAfter));
    void reply.status(body.statusCode).header('content-type', 'application/json; charset=utf-8').send(body);
  }
}
