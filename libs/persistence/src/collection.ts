import type { mongo } from 'mongoose';
import type { Database } from './mongo.js';
import { z } from 'zod';

export type Filter<T> = mongo.Filter<T>;
export type Update<T> = mongo.UpdateFilter<T>;
export type Projection = Record<string, 0 | 1>;
export type Sort = Record<string, 1 | -1>;

/** A document as it is written: what the schema accepts before its defaults are filled. */
export type DocInput<S extends DocSchema> = z.input<S>;
/** A document as it is stored and read back. */
export type Doc<S extends DocSchema> = z.output<S>;
export type DocSchema = z.ZodObject<{ _id: z.ZodType }>;

export interface IndexSpec {
  keys: Record<string, 1 | -1>;
  unique?: boolean;
}

/**
 * A collection defined once: its name, its document type (a zod schema: the type, the defaults and the check on
 * every write) and its indexes.
 */
export interface CollectionDef<S extends DocSchema> {
  name: string;
  schema: S;
  indexes?: IndexSpec[];
}

export function defineCollection<S extends DocSchema>(def: CollectionDef<S>): CollectionDef<S> {
  return def;
}

/** Thrown when a write does not match its collection's schema: a bug in the writer, never the caller's input. */
export class InvalidWrite extends Error {
  override readonly name = 'InvalidWrite';
}

/**
 * The typed handle of one collection: plain objects in and out, every insert, replace and `$set`/`$push` checked
 * against the collection's schema (defaults filled on insert). Mongo's query and update language, nothing more:
 * the FerretDB rule (filter by `_id`, other filters only on collections bounded by work in flight) is the
 * repository's to keep.
 */
export class DocCollection<S extends DocSchema, T extends Doc<S> = Doc<S>> {
  private readonly raw: mongo.Collection<T>;

  constructor(
    conn: Database,
    private readonly def: CollectionDef<S>,
  ) {
    // mongoose's collection: it queues commands while the connection is down instead of failing at once.
    this.raw = conn.collection(def.name) as unknown as mongo.Collection<T>;
  }

  get name(): string {
    return this.def.name;
  }

  /** Creates the declared indexes (idempotent); called when the service boots. */
  async ensureIndexes(): Promise<void> {
    for (const ix of this.def.indexes ?? []) await this.raw.createIndex(ix.keys, { unique: ix.unique ?? false });
  }

  /** The document with its defaults filled, checked: what {@link insertOne} writes. */
  parse(doc: DocInput<S>): T {
    return check(this.def, this.def.schema, doc, '') as T;
  }

  async insertOne(doc: DocInput<S>): Promise<T> {
    const full = this.parse(doc);
    await this.raw.insertOne(full as mongo.OptionalUnlessRequiredId<T>);
    return full;
  }

  async insertMany(docs: DocInput<S>[], options: { ordered?: boolean } = {}): Promise<T[]> {
    const full = docs.map((d) => this.parse(d));
    if (full.length) await this.raw.insertMany(full as mongo.OptionalUnlessRequiredId<T>[], options);
    return full;
  }

  async replaceOne(filter: Filter<T>, doc: DocInput<S>, options: { upsert?: boolean } = {}): Promise<boolean> {
    const full = this.parse(doc);
    const res = await this.raw.replaceOne(filter, full, options);
    return res.matchedCount + res.upsertedCount > 0;
  }

  findOne(filter: Filter<T>, options: { projection?: Projection } = {}): Promise<T | null> {
    return this.raw.findOne(filter, options) as Promise<T | null>;
  }

  findById(id: T['_id'], options: { projection?: Projection } = {}): Promise<T | null> {
    return this.findOne({ _id: id } as Filter<T>, options);
  }

  find(filter: Filter<T>, options: { sort?: Sort; limit?: number; projection?: Projection } = {}): Promise<T[]> {
    return this.raw.find(filter, options).toArray() as Promise<T[]>;
  }

  /** Every matching document, one at a time (a boot-time load; never on a request). */
  async *iterate(filter: Filter<T>, options: { projection?: Projection; sort?: Sort } = {}): AsyncGenerator<T> {
    for await (const doc of this.raw.find(filter, options)) yield doc as T;
  }

  async updateOne(filter: Filter<T>, update: Update<T>, options: { upsert?: boolean } = {}): Promise<UpdateResult> {
    const res = await this.raw.updateOne(filter, this.checkUpdate(update), options);
    return { matched: res.matchedCount, modified: res.modifiedCount, upserted: res.upsertedCount };
  }

  async updateMany(filter: Filter<T>, update: Update<T>): Promise<number> {
    return (await this.raw.updateMany(filter, this.checkUpdate(update))).modifiedCount;
  }

  /** The document after the update (or before, if asked); FerretDB's findAndModify takes no projection. */
  findOneAndUpdate(
    filter: Filter<T>,
    update: Update<T>,
    options: { upsert?: boolean; returnDocument?: 'before' | 'after' } = {},
  ): Promise<T | null> {
    return this.raw.findOneAndUpdate(filter, this.checkUpdate(update), {
      returnDocument: 'after',
      ...options,
    }) as Promise<T | null>;
  }

  /** Deletes the first match and returns it as it was (null: none matched), in one round trip. */
  findOneAndDelete(filter: Filter<T>): Promise<T | null> {
    return this.raw.findOneAndDelete(filter) as Promise<T | null>;
  }

  async deleteOne(filter: Filter<T>): Promise<boolean> {
    return (await this.raw.deleteOne(filter)).deletedCount === 1;
  }

  async deleteMany(filter: Filter<T>): Promise<number> {
    return (await this.raw.deleteMany(filter)).deletedCount;
  }

  countDocuments(filter: Filter<T> = {}): Promise<number> {
    return this.raw.countDocuments(filter);
  }

  /** The server's plan for a find (diagnostics and benches of the server; never on a request). */
  explain(filter: Filter<T>, options: { sort?: Sort; limit?: number } = {}): Promise<mongo.Document> {
    return this.raw.find(filter, options).explain();
  }

  /** Drops the collection, documents and indexes (benches and tests; a missing one is no error). */
  async drop(): Promise<void> {
    await this.raw.drop().catch(() => undefined);
  }

  aggregate<R extends mongo.Document>(pipeline: mongo.Document[]): Promise<R[]> {
    return this.raw.aggregate<R>(pipeline).toArray();
  }

  /** `$set`/`$setOnInsert` values and `$push`ed elements checked against the schema at their paths. */
  private checkUpdate(update: Update<T>): Update<T> {
    const out: Record<string, unknown> = { ...update };
    for (const op of ['$set', '$setOnInsert'] as const) {
      const fields = update[op] as Record<string, unknown> | undefined;
      if (!fields) continue;
      out[op] = Object.fromEntries(
        Object.entries(fields).map(([path, value]) => [path, check(this.def, schemaAt(this.def, path), value, path)]),
      );
    }
    const push = update.$push as Record<string, unknown> | undefined;
    if (push) {
      out.$push = Object.fromEntries(
        Object.entries(push).map(([path, value]) => {
          const element = elementOf(this.def, path);
          if (value && typeof value === 'object' && '$each' in value) {
            const each = (value as { $each: unknown[] }).$each.map((v) => check(this.def, element, v, path));
            return [path, { ...value, $each: each }];
          }
          return [path, check(this.def, element, value, path)];
        }),
      );
    }
    return out;
  }
}

export interface UpdateResult {
  matched: number;
  modified: number;
  upserted: number;
}

/** The handle of `def` on the service's database connection. */
export function collectionOf<S extends DocSchema>(conn: Database, def: CollectionDef<S>): DocCollection<S> {
  return new DocCollection(conn, def);
}

function check(def: CollectionDef<DocSchema>, schema: z.ZodType, value: unknown, path: string): unknown {
  const res = schema.safeParse(value);
  if (res.success) return res.data;
  const issue = res.error.issues[0];
  const where = [path, ...(issue?.path ?? []).map(String)].filter(Boolean).join('.');
  throw new InvalidWrite(`invalid write to ${def.name}${where ? ` at ${where}` : ''}: ${issue?.message ?? 'invalid'}`);
}

/** The schema of the value at a dotted update path (`versions.0.title`, `versions.$.status`). */
function schemaAt(def: CollectionDef<DocSchema>, path: string): z.ZodType {
  let schema: z.ZodType = def.schema;
  for (const segment of path.split('.')) {
    schema = unwrap(schema);
    if (schema instanceof z.ZodObject) {
      // A loose object (an inspector's view) takes any field as it comes.
      const next =
        (schema.shape as Record<string, z.ZodType | undefined>)[segment] ??
        (schema.def.catchall as z.ZodType | undefined);
      if (!next) throw new InvalidWrite(`invalid write to ${def.name}: no field ${path}`);
      schema = next;
    } else if (schema instanceof z.ZodArray && /^(\d+|\$|\$\[\w*\])$/.test(segment)) {
      schema = schema.element as z.ZodType;
    } else if (schema instanceof z.ZodRecord) {
      schema = schema.valueType as z.ZodType;
    } else if (schema instanceof z.ZodUnknown || schema instanceof z.ZodAny) {
      return schema;
    } else {
      throw new InvalidWrite(`invalid write to ${def.name}: no field ${path}`);
    }
  }
  return schema;
}

function elementOf(def: CollectionDef<DocSchema>, path: string): z.ZodType {
  const array = unwrap(schemaAt(def, path));
  if (array instanceof z.ZodUnknown || array instanceof z.ZodAny) return array; // a loose object's field
  if (!(array instanceof z.ZodArray)) throw new InvalidWrite(`invalid write to ${def.name}: ${path} is not a list`);
  return array.element as z.ZodType;
}

function unwrap(schema: z.ZodType): z.ZodType {
  let s = schema;
  while (s instanceof z.ZodOptional || s instanceof z.ZodNullable || s instanceof z.ZodDefault) {
    s = s.unwrap() as z.ZodType;
  }
  return s;
}
