import { Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import { Observable } from 'rxjs';
import { runWithCorrelation } from '@khao/logging';
import type { KhaoRequest } from './request.js';

/** Runs each route handler inside the request's correlation id, so RPC calls and logs carry it. */
@Injectable()
export class CorrelationInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const req = context.switchToHttp().getRequest<KhaoRequest>();
    return new Observable((subscriber) =>
      runWithCorrelation(req.correlationId, () => next.handle().subscribe(subscriber)),
    );
  }
}
