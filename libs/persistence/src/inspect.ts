import mongoose from 'mongoose';
import { z } from 'zod';
import {
  collectionOf,
  defineCollection,
  type CollectionDef,
  type DocCollection,
  type DocSchema,
  type IndexSpec,
} from './collection.js';

const AnyDocument = z.looseObject({ _id: z.unknown() });
/** A stored document as it is: `T` says what the caller expects to find (a string `_id` unless it says otherwise). */
export type LooseCollection<T = Record<string, unknown>> = DocCollection<
  typeof AnyDocument,
  T extends { _id: unknown } ? T : T & { _id: string }
>;

/**
 * A look into the services' databases from outside them (tests that check or break what a service stored, the
 * launcher's readiness ping, benches of the server itself): any collection by name, documents as stored, writes
 * unchecked, or a definition's typed handle. The services use their own definitions.
 */
export class DatabaseInspector {
  private constructor(private readonly conn: mongoose.Connection) {}

  /** Connects to the server at `url`; fails after `timeoutMs` without an answer. */
  static async open(url: string, timeoutMs = 30_000): Promise<DatabaseInspector> {
    const conn = mongoose.createConnection(url, {
      retryWrites: false,
      autoIndex: false,
      serverSelectionTimeoutMS: timeoutMs,
    });
    await conn.asPromise();
    return new DatabaseInspector(conn);
  }

  /** A round trip to the server (`ping`). */
  async ping(): Promise<void> {
    await this.conn.db?.admin().ping();
  }

  db(dbName: string) {
    const conn = this.conn.useDb(dbName, { useCache: true });
    return {
      /** Any collection by name; `indexes` are created by its `ensureIndexes()`. */
      collection: <T = Record<string, unknown>>(name: string, indexes: IndexSpec[] = []): LooseCollection<T> =>
        collectionOf(conn, defineCollection({ name, schema: AnyDocument, indexes })) as unknown as LooseCollection<T>,
      /** The typed, checked handle of a definition, as a service holds it. */
      typed: <S extends DocSchema>(def: CollectionDef<S>): DocCollection<S> => collectionOf(conn, def),
      dropDatabase: async (): Promise<void> => void (await conn.dropDatabase()),
    };
  }

  close(): Promise<void> {
    return this.conn.close();
  }
}

export type InspectedDatabase = ReturnType<DatabaseInspector['db']>;
