import type { JetStreamManager } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/transport-node';
import type { BaseConfig } from '@khao/config';
import type { Logger } from '@khao/logging';
import { connectMongo, type Database } from '@khao/persistence';
import { Inbox } from './inbox.js';
import { connectNats } from './nats.js';
import { EventPublisher } from './publisher.js';
import { ensureStreams } from './streams.js';

/** Injection tokens for what {@link ServiceInfra} holds. */
export const INFRA = Symbol('khao.infra');

/**
 * The connections a service holds for its whole life; opened before Nest starts, closed after it stops (the boot
 * itself is `runService`, in @khao/runtime).
 */
export interface ServiceInfra {
  name: string;
  logger: Logger;
  mongo: Database;
  nats: NatsConnection;
  jsm: JetStreamManager;
  publisher: EventPublisher;
  inbox: Inbox;
}

export async function openInfra(
  name: string,
  config: BaseConfig,
  logger: Logger,
  dbName = name,
): Promise<ServiceInfra> {
  const [mongo, nats] = await Promise.all([
    connectMongo({ url: config.MONGO_URL, dbName, logger }),
    connectNats(config.NATS_URL, name, logger),
  ]);
  const jsm = await ensureStreams(nats, { dedupeWindowMs: config.EVENT_DEDUPE_WINDOW_MS });
  return { name, logger, mongo, nats, jsm, publisher: new EventPublisher(nats), inbox: new Inbox(mongo) };
}

export async function closeInfra(infra: ServiceInfra): Promise<void> {
  await infra.nats.drain().catch(() => undefined);
  await infra.mongo.close().catch(() => undefined);
}
