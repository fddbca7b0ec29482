import { ClientNats, NatsRecordBuilder } from '@nestjs/microservices';
import { firstValueFrom, timeout, TimeoutError } from 'rxjs';
import {
  DomainError,
  ErrorCode,
  isRpcError,
  type RpcDefinition,
  type RpcReply,
  type RpcRequest,
} from '@khao/contracts';
import { correlationHeaders } from './nats.js';

export interface RpcCallOptions {
  timeoutMs?: number;
}

/**
 * Typed request-reply over the @nestjs/microservices NATS transport: the subject and both payload types come from
 * one {@link RpcDefinition}; every call carries the correlation id and a timeout; every failure is a DomainError.
 */
export class RpcClient {
  private readonly client: ClientNats;

  constructor(
    natsUrl: string,
    private readonly defaultTimeoutMs: number,
  ) {
    this.client = new ClientNats({
      servers: natsUrl,
      maxReconnectAttempts: -1,
      reconnectTimeWait: 500,
      waitOnFirstConnect: true,
    });
  }

  async connect(): Promise<void> {
    await this.client.connect();
  }

  async close(): Promise<void> {
    await this.client.close();
  }

  async request<D extends RpcDefinition>(
    def: D,
    payload: RpcRequest<D>,
    opts: RpcCallOptions = {},
  ): Promise<RpcReply<D>> {
    const ms = opts.timeoutMs ?? this.defaultTimeoutMs;
    const record = new NatsRecordBuilder(payload).setHeaders(correlationHeaders()).build();
    try {
      return await firstValueFrom(this.client.send<RpcReply<D>>(def.subject, record).pipe(timeout(ms)));
    } catch (err) {
      throw toDomainError(err, def.subject, ms);
    }
  }
}

function toDomainError(err: unknown, subject: string, ms: number): DomainError {
  if (err instanceof DomainError) return err;
  if (isRpcError(err)) return new DomainError(err.code, err.message, err.details);
  const service = subject.split('.')[0];
  if (err instanceof TimeoutError) {
    return new DomainError(ErrorCode.Unavailable, `the ${service} service did not answer within ${ms} ms`);
  }
  const message = (err as { message?: string } | null)?.message ?? String(err);
  if (/no subscribers|no responders/i.test(message)) {
    return new DomainError(ErrorCode.Unavailable, `the ${service} service is not running; try again shortly`);
  }
  return new DomainError(ErrorCode.Unavailable, `the ${service} service could not be reached: ${message}`);
}
