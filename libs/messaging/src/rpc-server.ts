import { randomUUID } from 'node:crypto';
import {
  Catch,
  Injectable,
  type CallHandler,
  type ExceptionFilter,
  type ExecutionContext,
  type NestInterceptor,
} from '@nestjs/common';
import type { NatsContext } from '@nestjs/microservices';
import { Observable, throwError } from 'rxjs';
import { DomainError, ErrorCode, Headers, type RpcErrorShape } from '@khao/contracts';
import { runWithCorrelation, sanitizeCorrelationId, type Logger } from '@khao/logging';
import { isMongoUnavailable } from '@khao/persistence';

/** Turns whatever a handler throws into the one RPC error shape; unexpected errors are logged with an id. */
@Catch()
export class RpcErrorFilter implements ExceptionFilter {
  constructor(private readonly logger: Logger) {}

  catch(exception: unknown): Observable<never> {
    return throwError(() => this.toShape(exception));
  }

  toShape(exception: unknown): RpcErrorShape {
    if (exception instanceof DomainError) {
      return { code: exception.code, message: exception.message, details: exception.details };
    }
    const errorId = randomUUID();
    if (isMongoUnavailable(exception)) {
      this.logger.error({ errorId, err: exception }, 'database unavailable');
      return { code: ErrorCode.Unavailable, message: `the database is unavailable (error id ${errorId})`, errorId };
    }
    this.logger.error({ errorId, err: exception }, 'unhandled error in RPC handler');
    return { code: ErrorCode.Internal, message: `internal error (error id ${errorId})`, errorId };
  }
}

/** Runs each RPC handler inside the caller's correlation id, taken from the NATS headers. */
@Injectable()
export class RpcContextInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const ctx = context.switchToRpc().getContext<NatsContext>();
    const headers = ctx?.getHeaders?.() as { get(key: string): unknown } | undefined;
    const id = sanitizeCorrelationId(headers?.get(Headers.correlationId));
    return new Observable((subscriber) => runWithCorrelation(id, () => next.handle().subscribe(subscriber)));
  }
}
