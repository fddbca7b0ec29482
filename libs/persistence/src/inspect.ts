import mongoose from 'mongoose';
import { z } from 'zod';
import { collectionOf, defineCollection, type DocCollection } from './collection.js';

const AnyDocument = z.looseObject({ _id: z.unknown() });
/** A stored document as it is: `T` says what the caller expects to find (a string `_id` unless it says otherwise). */
export type LooseCollection<T = Record<string, unknown>> = DocCollection<
  typeof AnyDocument,
  T extends { _id: unknown } ? T : T & { _id: string }
>;

/**
 * A look into the services' databases from outside them (tests that check or break what a service stored, operator
 * scripts): any collection by name, documents as stored, writes unchecked. The services use their own definitions.
 */
export class DatabaseInspector {
  private constructor(private readonly conn: mongoose.Connection) {}

  static async open(url: string): Promise<DatabaseInspector> {
    const conn = mongoose.createConnection(url, { retryWrites: false, autoIndex: false });
    await conn.asPromise();
    return new DatabaseInspector(conn);
  }

  db(dbName: string) {
    const conn = this.conn.useDb(dbName, { useCache: true });
    return {
      collection: <T = Record<string, unknown>>(name: string): LooseCollection<T> =>
        collectionOf(conn, defineCollection({ name, schema: AnyDocument })) as unknown as LooseCollection<T>,
      dropDatabase: async (): Promise<void> => void (await conn.dropDatabase()),
    };
  }

  close(): Promise<void> {
    return this.conn.close();
  }
}

export type InspectedDatabase = ReturnType<DatabaseInspector['db']>;
