import mongoose, { type Connection, type Model, type Schema, type SchemaOptions } from 'mongoose';
import type { Logger } from '@khao/logging';
import type { Check } from '@khao/contracts';

/** Options every schema shares: createdAt/updatedAt kept by mongoose, no `__v` (versions are explicit fields). */
export const baseSchemaOptions = {
  timestamps: true,
  versionKey: false,
} as const satisfies SchemaOptions;

export interface MongoOptions {
  url: string;
  dbName: string;
  logger: Logger;
  /** How long one attempt waits for a server; boot retries until it answers. */
  serverSelectionTimeoutMS?: number;
}

/**
 * Connects to the service's own database, retrying with backoff while the server is down at boot (the platform
 * must recover by itself when a dependency returns). After that the driver reconnects on its own.
 */
export async function connectMongo({
  url,
  dbName,
  logger,
  serverSelectionTimeoutMS = 3000,
}: MongoOptions): Promise<Connection> {
  for (let attempt = 1; ; attempt++) {
    const conn = mongoose.createConnection(url, {
      dbName,
      serverSelectionTimeoutMS,
      // FerretDB and MongoDB alike: no retryable writes needed on a single node, and FerretDB rejects them.
      retryWrites: false,
      autoIndex: true,
    });
    try {
      await conn.asPromise();
      logger.info({ dbName, attempt }, 'connected to MongoDB');
      return conn;
    } catch (err) {
      await conn.close().catch(() => undefined);
      const delay = Math.min(500 * 2 ** Math.min(attempt - 1, 4), 5000);
      logger.warn({ err: (err as Error).message, attempt, retryInMs: delay }, 'MongoDB not reachable yet');
      await new Promise((r) => setTimeout(r, delay));
    }
  }
}

/** A real round trip to the server, for readiness. */
export async function pingMongo(conn: Connection): Promise<Check> {
  const started = performance.now();
  try {
    const db = conn.db;
    if (!db) throw new Error('not connected');
    await Promise.race([
      db.command({ ping: 1 }),
      new Promise((_, reject) => setTimeout(() => reject(new Error('ping timed out after 2000 ms')), 2000)),
    ]);
    return { status: 'up', latencyMs: Math.round(performance.now() - started) };
  } catch (err) {
    return { status: 'down', error: (err as Error).message };
  }
}

/** True for the driver's "server unreachable" family of errors, which the API reports as 503. */
export function isMongoUnavailable(err: unknown): boolean {
  const name = (err as { name?: string } | null)?.name ?? '';
  return /MongoServerSelectionError|MongoNetworkError|MongoNetworkTimeoutError|MongoNotConnectedError|MongoTopologyClosedError/.test(
    name,
  );
}

/** Duplicate key on a unique index. */
export function isDuplicateKey(err: unknown): boolean {
  return (err as { code?: number } | null)?.code === 11000;
}

/** The connection's model for `name`, registered once (a second module asking gets the same one). */
export function modelFor<T>(conn: Connection, name: string, schema: Schema<T>): Model<T> {
  const cached = conn.models[name] as unknown;
  // mongoose's generics cannot relate the cached model to `Model<T>`; the schema fixes T.
  return (cached ?? conn.model(name, schema)) as Model<T>;
}
