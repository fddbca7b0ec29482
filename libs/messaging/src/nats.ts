import { connect, headers as natsHeaders, type MsgHdrs, type NatsConnection } from '@nats-io/transport-node';
import { Headers } from '@khao/contracts';
import { currentCorrelationId, type Logger } from '@khao/logging';

/**
 * Connects and keeps reconnecting for as long as the process lives: a NATS restart is an outage, not a crash.
 * The first connection waits too, so a service started before NATS comes up when NATS does.
 */
export async function connectNats(url: string, name: string, logger: Logger): Promise<NatsConnection> {
  const nc = await connect({
    servers: url,
    name,
    maxReconnectAttempts: -1,
    reconnectTimeWait: 500,
    waitOnFirstConnect: true,
    timeout: 5000,
  });
  logger.info({ server: nc.getServer() }, 'connected to NATS');
  void (async () => {
    for await (const s of nc.status()) {
      if (s.type === 'disconnect' || s.type === 'reconnect' || s.type === 'error') {
        logger.warn({ natsStatus: s.type }, `NATS ${s.type}`);
      }
    }
  })();
  return nc;
}

/** Headers for an outgoing message, carrying the current correlation id. */
export function correlationHeaders(correlationId = currentCorrelationId()): MsgHdrs {
  const h = natsHeaders();
  if (correlationId) h.set(Headers.correlationId, correlationId);
  return h;
}

export type { NatsConnection, MsgHdrs };
