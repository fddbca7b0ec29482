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
  /** The holder's lease as claimed: until then {@link DueMarkers.due} leaves the marker out. */
  heldUntil: z.date().nullable().default(null),
  /** Claims taken so far: the next claim's ticket number (a hint: the tickets decide, see {@link DueMarkers}). */
  claims: z.number().int().default(0),
};

/** One per claim of a marker: `<markerId>#<n>`, the n-th claim. Whoever inserts it holds the marker. */
const ticketShape = {
  _id: z.string(),
  marker: z.string(),
  holder: z.string(),
  /** Past it the claim is over: its holder died, or gave the marker back (then it is the epoch). */
  heldUntil: z.date(),
};

type MarkerShape = typeof markerShape;
type BaseMarker = z.output<z.ZodObject<MarkerShape>>;
export type Marker<E extends z.ZodRawShape = Record<never, never>> = BaseMarker & z.output<z.ZodObject<E>>;
/** A marker this process holds: ticket number `ticket` is ours until `heldUntil` (a lease of `leaseMs`). */
export type Claim<E extends z.ZodRawShape = Record<never, never>> = Marker<E> & {
  holder: string;
  heldUntil: Date;
  ticket: number;
  leaseMs: number;
};

/** A claimer steps over at most this many finished or abandoned tickets in one claim. */
const MAX_STEPS = 32;

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
 *
 * Who holds a marker is decided by inserting a unique `_id`, the one write FerretDB makes atomic (an update or delete
 * conditioned on a field is read, then written by `_id`: two writers can both match): the n-th claim inserts ticket
 * `<id>#<n>` in `<name>_claims`. A claimer starts at the marker's `claims` count and steps over tickets whose lease is
 * over (given back, or the holder died); a live ticket means someone holds it. A holder's renew and release check
 * that nobody took the next ticket, and refuse once less than a quarter of the lease is left, so a takeover (which
 * waits for the whole lease) never meets a renew in flight. The marker's `holder`/`heldUntil` are a hint that keeps
 * held markers out of {@link due}. Every write is by `_id`; tickets live only while their marker does.
 */
export class DueMarkers<E extends z.ZodRawShape = Record<never, never>> {
  // The extra fields only pass through here: typed as plain markers inside, as Marker<E> at the edges.
  private readonly markers: DocCollection<z.ZodObject<MarkerShape>>;
  private readonly tickets: DocCollection<z.ZodObject<typeof ticketShape>>;

  constructor(conn: Database, def: ReturnType<typeof dueMarkers<E>>) {
    this.markers = collectionOf(conn, def as unknown as CollectionDef<z.ZodObject<MarkerShape>>);
    const tickets = defineCollection({ name: `${def.name}_claims`, schema: z.object(ticketShape) });
    this.tickets = collectionOf(conn, tickets);
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
      $setOnInsert: { ...onInsert, holder: null, heldUntil: null, claims: 0 },
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

  /** Takes `marker` (as read) for `leaseMs`; null when someone else holds it (or it is done). */
  async claim(marker: Marker<E>, leaseMs: number): Promise<Claim<E> | null> {
    const holder = randomUUID();
    const heldUntil = new Date(Date.now() + leaseMs);
    const ticket = await this.takeTicket(marker._id, marker.claims ?? 0, holder, heldUntil);
    if (ticket === null) return null;
    const hint = { $set: { holder, heldUntil, claims: ticket + 1 } };
    if ((await this.markers.updateOne(this.byId(marker._id), hint)).matched === 0) {
      // Done meanwhile: nothing to hold.
      await this.tickets.deleteOne({ _id: ticketId(marker._id, ticket) });
      return null;
    }
    return Object.assign({ ...marker } as Claim<E>, { holder, heldUntil, ticket, leaseMs, claims: ticket + 1 });
  }

  /** Extends the lease; false when it was lost (it ran out and someone else claimed the marker, or it was done). */
  async renew(claim: Claim<E>, leaseMs: number): Promise<boolean> {
    if (!(await this.stillHeld(claim))) return false;
    const heldUntil = new Date(Date.now() + leaseMs);
    const res = await this.tickets.updateOne({ _id: ticketId(claim._id, claim.ticket) }, { $set: { heldUntil } });
    if (res.matched === 1) Object.assign(claim, { heldUntil, leaseMs });
    return res.matched === 1;
  }

  /** Gives the marker back, due again at `dueAt` with `fields`; false when the lease was lost. */
  async release(claim: Claim<E>, dueAt: Date, fields: Partial<Extra<E>> = {}): Promise<boolean> {
    if (!(await this.stillHeld(claim))) return false;
    const update = { $set: { ...fields, dueAt, holder: null, heldUntil: null } } as never;
    if ((await this.markers.updateOne(this.byId(claim._id), update)).matched === 0) return false;
    // The ticket last: until it is over nobody else claims, so nobody overwrites the marker's new fields.
    const over = { $set: { heldUntil: new Date(0) } };
    return (await this.tickets.updateOne({ _id: ticketId(claim._id, claim.ticket) }, over)).matched === 1;
  }

  /** Moves `marker` (as read) to `dueAt`, unless it was rescheduled since. */
  async move(marker: Pick<Marker, '_id' | 'seq'>, dueAt: Date): Promise<boolean> {
    const filter = { _id: marker._id, seq: marker.seq };
    return (await this.markers.updateOne(filter, { $set: { dueAt } })).matched === 1;
  }

  /** Drops the marker: the work is done. With the marker as read, only if it was not rescheduled since. */
  async done(marker: string | Pick<Marker, '_id' | 'seq'>): Promise<boolean> {
    const id = typeof marker === 'string' ? marker : marker._id;
    const filter = typeof marker === 'string' ? this.byId(id) : { _id: id, seq: marker.seq };
    const dropped = await this.markers.findOneAndDelete(filter);
    // The marker first: a claimer that inserts a ticket after this finds no marker to hold. A marker never claimed
    // (the outbox's, a post's work) has no tickets: no second round trip.
    if (dropped && (dropped.claims ?? 0) > 0) await this.tickets.deleteMany({ marker: id });
    return dropped !== null;
  }

  /** Drops several markers that nobody claims (announcements: the outbox's), each only if not rescheduled since. */
  async doneMany(markers: Pick<Marker, '_id' | 'seq'>[]): Promise<void> {
    for (const seq of new Set(markers.map((m) => m.seq))) {
      const ids = markers.filter((m) => m.seq === seq).map((m) => m._id);
      await this.markers.deleteMany({ _id: { $in: ids }, seq });
    }
  }

  /** Creates markers for ids nobody holds yet (a batch), in one call. */
  async scheduleNew(items: { id: string; dueAt: Date; fields?: Partial<Extra<E>> }[]): Promise<void> {
    await this.markers.insertMany(
      items.map((i) => ({ ...i.fields, _id: i.id, dueAt: i.dueAt, seq: 1, claims: 0 })),
      {
        ordered: true,
      },
    );
  }

  private byId(id: string): Filter<BaseMarker> {
    return { _id: id };
  }

  /**
   * Inserts the first free ticket from number `from` on for `holder`; its number, or null when a live ticket (someone
   * else's claim) is met first.
   */
  private async takeTicket(marker: string, from: number, holder: string, heldUntil: Date): Promise<number | null> {
    for (let n = from; n < from + MAX_STEPS; n++) {
      try {
        await this.tickets.insertOne({ _id: ticketId(marker, n), marker, holder, heldUntil });
        return n;
      } catch (err) {
        if (!isDuplicateKey(err)) throw err;
      }
      const taken = await this.tickets.findById(ticketId(marker, n));
      if (taken && taken.heldUntil.getTime() > Date.now()) return null;
    }
    return null;
  }

  /** The lease has a quarter or more left and nobody took the next ticket (which only a lease run out allows). */
  private async stillHeld(claim: Claim<E>): Promise<boolean> {
    if (claim.heldUntil.getTime() - Date.now() < claim.leaseMs / 4) return false;
    return (await this.tickets.findById(ticketId(claim._id, claim.ticket + 1))) === null;
  }
}

function ticketId(marker: string, n: number): string {
  return `${marker}#${n}`;
}

type Extra<E extends z.ZodRawShape> = z.output<z.ZodObject<E>>;
