import type { DynamicModule } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { MicroserviceOptions } from '@nestjs/microservices';
import type { z } from 'zod';
import { ConfigError, loadConfig, type BaseConfig, type ServiceConfig } from '@khao/config';
import { createLogger, PinoNestLogger, type Logger } from '@khao/logging';
import {
  DrainingNatsServer,
  openInfra,
  closeInfra,
  RpcContextInterceptor,
  RpcErrorFilter,
  type ServiceInfra,
} from '@khao/messaging';

/**
 * Validates the environment or stops the process with a message naming each bad variable (exit code 78,
 * "configuration error"), before anything connects anywhere.
 */
export function loadConfigOrExit<S extends z.ZodObject>(service: string, schema: S): z.output<S> {
  try {
    return loadConfig(schema);
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`${service}: ${err.message}\n`);
      process.exit(78);
    }
    throw err;
  }
}

export interface RunServiceOptions<C extends ServiceConfig> {
  name: string;
  config: C;
  module: (infra: ServiceInfra, config: C) => DynamicModule;
}

/**
 * Boots a NATS microservice: its handlers join the queue group named after the service so replicas share the
 * work; SIGTERM/SIGINT stop taking requests, answer every request already routed here (DrainingNatsServer), then
 * close the connections.
 */
export async function runService<C extends ServiceConfig>({
  name,
  config,
  module,
}: RunServiceOptions<C>): Promise<void> {
  const logger = createLogger({ service: name, level: config.LOG_LEVEL });
  process.on('unhandledRejection', (err) => logger.error({ err }, 'unhandled rejection'));
  const infra = await openInfra(name, config, logger, config.MONGO_DB ?? name);
  const server = new DrainingNatsServer({
    servers: config.NATS_URL,
    queue: name,
    name: `${name}-rpc`,
    maxReconnectAttempts: -1,
    reconnectTimeWait: 500,
  });
  const app = await NestFactory.createMicroservice<MicroserviceOptions>(module(infra, config), {
    strategy: server,
    logger: new PinoNestLogger(logger),
  });
  app.useGlobalFilters(new RpcErrorFilter(logger));
  app.useGlobalInterceptors(new RpcContextInterceptor());
  await app.listen();
  await server.subscribed();
  logger.info({ event: 'service.ready', node: process.version }, `${name} ready on Node ${process.version}`);
  onShutdownSignal(logger, config, async () => {
    await app.close();
    await closeInfra(infra);
  });
}

/**
 * Graceful stop on SIGTERM/SIGINT (and, with STOP_WITH_PARENT, when the parent process is gone), bounded by
 * SHUTDOWN_GRACE_MS; a second signal or the deadline forces the exit.
 */
export function onShutdownSignal(
  logger: Logger,
  config: Pick<BaseConfig, 'SHUTDOWN_GRACE_MS' | 'STOP_WITH_PARENT'>,
  stop: () => Promise<void>,
): void {
  const graceMs = config.SHUTDOWN_GRACE_MS;
  let stopping = false;
  const handler = (signal: NodeJS.Signals | 'parent gone') => {
    if (stopping) process.exit(1);
    stopping = true;
    logger.info({ signal }, 'shutting down: draining in-flight work');
    const deadline = setTimeout(() => {
      logger.error({ graceMs }, 'shutdown took too long; exiting');
      process.exit(1);
    }, graceMs);
    deadline.unref();
    stop()
      .then(() => {
        logger.info('stopped cleanly');
        logger.flush?.();
        setTimeout(() => process.exit(0), 50);
      })
      .catch((err: Error) => {
        logger.error({ err }, 'error during shutdown');
        process.exit(1);
      });
  };
  process.on('SIGTERM', handler);
  process.on('SIGINT', handler);
  if (config.STOP_WITH_PARENT) {
    // Orphaned, a process is adopted by another (its parent id changes): it stops as if told to.
    const parent = process.ppid;
    setInterval(() => process.ppid !== parent && !stopping && handler('parent gone'), 1000).unref();
  }
}
