import mongoose, { type Connection } from 'mongoose';
import { z } from 'zod';
import type { Logger } from '@khao/logging';
import type { Check } from '@khao/contracts';

/** The service's database, as the persistence handles open their collections on it. */
export type Database = Connection;

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

/** A new ObjectId's 24 hex digits (time-ordered), for ids kept as strings. */
export function newObjectId(): string {
  return new mongoose.Types.ObjectId().toHexString();
}

export type ObjectId = mongoose.Types.ObjectId;

/** A driver ObjectId, for collections whose ids are ObjectIds (users, audit). */
export const ObjectIdField = z.custom<ObjectId>((v) => v instanceof mongoose.Types.ObjectId, 'must be an ObjectId');

/** The ObjectId of 24 hex digits, or null for anything else (an id that cannot exist). */
export function toObjectId(hex: string): ObjectId | null {
  return /^[0-9a-f]{24}$/i.test(hex) ? new mongoose.Types.ObjectId(hex) : null;
}

/** A new ObjectId, or the one of these 12 bytes. */
export function objectId(bytes?: Uint8Array): ObjectId {
  return new mongoose.Types.ObjectId(bytes);
}

export type Binary = mongoose.mongo.Binary;

/** A value as gzip-ready BSON bytes in a driver Binary, and back: large blobs stored as one field. */
export const bson = {
  serialize: (value: Record<string, unknown>): Uint8Array => mongoose.mongo.BSON.serialize(value),
  deserialize: (bytes: Uint8Array): Record<string, unknown> => mongoose.mongo.BSON.deserialize(bytes),
  binary: (bytes: Uint8Array): Binary => new mongoose.mongo.Binary(bytes),
};

export const BinaryField = z.custom<Binary>((v) => v instanceof mongoose.mongo.Binary, 'must be binary data');
