import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { collectionOf, defineCollection, type CollectionDef, type DocCollection, type Filter } from './collection.js';
import { isDuplicateKey, type Database } from './mongo.js';

const markerShape = {
  _id: z.string(),
  /** When the work is wanted. */
  dueAt: z.date(),
  /** Raised by every {@link DueMarkers.schedule}: settling a marker read before a reschedule does nothing. */
  seq: z.number().int(),
  /** The claim holding the marker (a fresh id per claim), or null. */
  holder: z.string().nullable().default(null),
  /** The holder's lease: past it, the marker is free for another claimer (the holder died). */
  heldUntil: z.date().nullable().default(null),
};

type MarkerShape = typeof markerShape;
type BaseMarker = z.output<z.ZodObject<MarkerShape>>;
export type Marker<E extends z.ZodRawShape = Record<never, never>> = BaseMarker & z.output<z.ZodObject<E>>;
/** A marker this process holds: its `holder` is ours until `heldUntil`. */
export type Claim<E extends z.ZodRawShape = Record<never, never>> = Marker<E> & { holder: string; heldUntil: Date };

/**
 * A collection of due markers ("this has work due at `dueAt`"), holding only work in flight: reading the due ones
 * (a scan on FerretDB) stays cheap. `extra` declares the fields a service keeps beside the marker.
 */
export function dueMarkers<E extends z.ZodRawShape>(name: string, extra: E = {} as E) {
  return defineCollection({ name, schema: z.object({ ...markerShape, ...extra }) });
}

/**
 * Due markers with leases, the one way work that must survive a crash is handed out:
 * - {@link schedule} makes a marker due (creating it or moving it); a lease running keeps running;
 * - {@link claim} takes a due marker for a lease: of two claimers that read the same marker exactly one wins;
 * - a holder that dies stops {@link renew}ing: once its lease runs out the marker is due to the next claimer, and
 *   the dead holder's late renew/release fail;
 * - {@link release} gives the marker back, due again later; {@link done} drops it unless it was rescheduled since.
 * Every write is by `_id` (plus the holder or sequence it expects, on this small collection).
 */
export class DueMarkers<E extends z.ZodRawShape = Record<never, never>> {
  // The extra fields only pass through here: typed as plain markers inside, as Marker<E> at the edges.
  private readonly markers: DocCollection<z.ZodObject<MarkerShape>>;

  constructor(conn: Database, def: ReturnType<typeof dueMarkers<E>>) {
    this.markers = collectionOf(conn, def as unknown as CollectionDef<z.ZodObject<MarkerShape>>);
  }

  /**
   * Marks `id` due at `dueAt` with `fields` (and `onInsert` when it creates the marker). `created` tells whether no
   * marker existed (its `seq` is then 1).
   */
  async schedule(
    id: string,
    dueAt: Date,
    fields: Partial<Extra<E>> = {},
    onInsert: Partial<Extra<E>> = {},
  ): Promise<{ seq: number; created: boolean }> {
    const update = {
      $set: { dueAt, ...fields },
      $inc: { seq: 1 },
      $setOnInsert: { ...onInsert, holder: null, heldUntil: null },
    } as never;
    try {
      const after = await this.markers.findOneAndUpdate(this.byId(id), update, { upsert: true });
      const seq = after?.seq ?? 1;
      return { seq, created: seq === 1 };
    } catch (err) {
      // Two upserts of one new marker at once: one inserts, the other fails on the `_id`; the marker exists now.
      if (!isDuplicateKey(err)) throw err;
      const after = await this.markers.findOneAndUpdate(this.byId(id), update);
      return { seq: after?.seq ?? 1, created: false };
    }
  }

  /** Due now and not held, earliest first, at most `limit` (`Infinity`: all); the server filters and sorts. */
  async due(now = new Date(), limit = 100): Promise<Marker<E>[]> {
    const free = { dueAt: { $lte: now }, $or: [{ heldUntil: null }, { heldUntil: { $lte: now } }] };
    const due = await this.markers.find(free, { sort: { dueAt: 1 }, ...(Number.isFinite(limit) ? { limit } : {}) });
    return due as unknown as Marker<E>[];
  }

  get(id: string): Promise<Marker<E> | null> {
    return this.markers.findById(id) as Promise<unknown> as Promise<Marker<E> | null>;
  }

  /** Takes `marker` (as read) for `leaseMs`; null when another claimer took it first. */
  async claim(marker: Marker<E>, leaseMs: number): Promise<Claim<E> | null> {
    const holder = randomUUID();
    const heldUntil = new Date(Date.now() + leaseMs);
    const res = await this.markers.updateOne(
      { _id: marker._id, holder: marker.holder },
      {
        $set: { holder, heldUntil },
      },
    );
    return res.modified === 1 ? { ...marker, holder, heldUntil } : null;
  }

  /** Extends the lease; false when it was lost (it ran out and someone else claimed the marker, or it was done). */
  async renew(claim: Claim<E>, leaseMs: number): Promise<boolean> {
    const heldUntil = new Date(Date.now() + leaseMs);
    const res = await this.markers.updateOne(this.held(claim), { $set: { heldUntil } });
    if (res.matched === 1) claim.heldUntil = heldUntil;
    return res.matched === 1;
  }

  /** Gives the marker back, due again at `dueAt` with `fields`; false when the lease was lost. */
  async release(claim: Claim<E>, dueAt: Date, fields: Partial<Extra<E>> = {}): Promise<boolean> {
    const update = { $set: { ...fields, dueAt, holder: null, heldUntil: null } } as never;
    return (await this.markers.updateOne(this.held(claim), update)).matched === 1;
  }

  /** Moves `marker` (as read) to `dueAt`, unless it was rescheduled since. */
  async move(marker: Pick<Marker, '_id' | 'seq'>, dueAt: Date): Promise<boolean> {
    const filter = { _id: marker._id, seq: marker.seq };
    return (await this.markers.updateOne(filter, { $set: { dueAt } })).matched === 1;
  }

  /** Drops the marker: the work is done. With the marker as read, only if it was not rescheduled since. */
  done(marker: string | Pick<Marker, '_id' | 'seq'>): Promise<boolean> {
    if (typeof marker === 'string') return this.markers.deleteOne(this.byId(marker));
    return this.markers.deleteOne({ _id: marker._id, seq: marker.seq });
  }

  /** Drops several markers, each only if not rescheduled since it was read. */
  async doneMany(markers: Pick<Marker, '_id' | 'seq'>[]): Promise<void> {
    for (const seq of new Set(markers.map((m) => m.seq))) {
      const ids = markers.filter((m) => m.seq === seq).map((m) => m._id);
      await this.markers.deleteMany({ _id: { $in: ids }, seq });
    }
  }

  /** Creates markers for ids nobody holds yet (a batch), in one call. */
  async scheduleNew(items: { id: string; dueAt: Date; fields?: Partial<Extra<E>> }[]): Promise<void> {
    await this.markers.insertMany(
      items.map((i) => ({ ...i.fields, _id: i.id, dueAt: i.dueAt, seq: 1 })),
      {
        ordered: true,
      },
    );
  }

  private byId(id: string): Filter<BaseMarker> {
    return { _id: id };
  }

  private held(claim: Claim<E>): Filter<BaseMarker> {
    return { _id: claim._id, holder: claim.holder };
  }
}

type Extra<E extends z.ZodRawShape> = z.output<z.ZodObject<E>>;
