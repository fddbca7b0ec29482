import type { EventData, EventDefinition } from '@khao/contracts';
import type { Logger } from '@khao/logging';
import { outboxEntry, toEnvelope } from '@khao/persistence';
import type { NatsConnection } from '@nats-io/transport-node';
import { EventFollower } from './event-follower.js';
import type { ServiceInfra } from './runtime.js';
import type { EventPublisher } from './publisher.js';

/** Replays start this much before a load: clocks of replicas and NATS may differ a little. */
const CLOCK_MARGIN_MS = 5000;

export interface MirrorRow {
  id: string;
}

/** What a notice says of one row: its new state, or that it is gone. */
export type MirrorChange<R extends MirrorRow> = { row: R } | { removed: string };

export interface ListMirrorOptions<R extends MirrorRow, D extends EventDefinition> {
  /** For the logs: "translation jobs". */
  what: string;
  nats: NatsConnection;
  publisher: Pick<EventPublisher, 'publish'>;
  logger: Logger;
  /** The notice every writer publishes after each write, carrying the row (see {@link ListMirror.changed}). */
  notice: D;
  toNotice: (change: MirrorChange<R>) => EventData<D>;
  fromNotice: (data: EventData<D>) => MirrorChange<R>;
  /** The list's order, a total one (ties broken by id). */
  compare: (a: R, b: R) => number;
  /** Whether `incoming` may replace `current` (the same row: notices of two writers can cross). */
  supersedes: (incoming: R, current: R) => boolean;
  /** Every row as the database has it, streamed. */
  load: () => AsyncIterable<R>;
}

/**
 * A replica's in-memory copy of one admin list: compact rows kept in the list's order, so a filtered page is a walk
 * from the cursor, never a query (FerretDB reads a whole collection for any filter but `_id`). Loaded at start from
 * the database, streamed; kept current by this replica's writes ({@link changed}, {@link removed}) and by the
 * notices every replica publishes after each write, followed from a little before the load began. Should a notice
 * slip past (the follower saw a gap), the rows are loaded again while the old ones keep answering. Until the first
 * load is done {@link ready} is false and callers answer from the database as before.
 *
 * A writer that dies between its write and its notice leaves the other replicas' row behind until that row's next
 * write or their next load; the page shown is read by `_id`, so what it says is always the stored state.
 */
export class ListMirror<R extends MirrorRow, D extends EventDefinition> {
  private rows: SortedRows<R>;
  private follower?: EventFollower;
  private loading?: Promise<void>;
  /** Changes heard while a load runs (and any before the first), applied over what it read. */
  private heard?: Map<string, MirrorChange<R>> = new Map();
  private isReady = false;
  private stopped = false;

  constructor(private readonly o: ListMirrorOptions<R, D>) {
    this.rows = new SortedRows(o.compare);
  }

  get ready(): boolean {
    return this.isReady;
  }

  get size(): number {
    return this.rows.size;
  }

  /** Starts following the notices, then loads in the background (a boot does not wait for it). */
  async start(): Promise<void> {
    this.follower = new EventFollower({
      nats: this.o.nats,
      logger: this.o.logger,
      startAt: new Date(Date.now() - CLOCK_MARGIN_MS),
      onGap: () => void this.reload(),
    }).on(this.o.notice, (event) => this.apply(this.o.fromNotice(event.data)));
    await this.follower.start();
    void this.reload();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    await this.follower?.stop();
    await this.loading?.catch(() => undefined);
  }

  /** Loads every row again (one load at a time; a load asked for during one runs after it). */
  reload(): Promise<void> {
    const run = async (): Promise<void> => {
      const started = Date.now();
      this.heard ??= new Map();
      const fresh: R[] = [];
      for await (const row of this.o.load()) {
        if (this.stopped) return;
        fresh.push(row);
      }
      const rows = SortedRows.of(fresh, this.o.compare);
      for (const change of this.heard.values()) applyTo(rows, change, this.o.supersedes);
      this.heard = undefined;
      this.rows = rows;
      this.isReady = true;
      this.o.logger.info({ rows: rows.size, ms: Date.now() - started }, `${this.o.what} list loaded`);
    };
    const next = (this.loading ?? Promise.resolve()).then(run).catch((err: Error) => {
      this.heard = undefined;
      this.o.logger.warn({ err: err.message }, `${this.o.what} list load failed; trying again`);
      if (!this.stopped) setTimeout(() => void this.reload(), 2000).unref();
    });
    this.loading = next;
    return next;
  }

  /** A row this replica wrote: here at once, and to every other replica by a notice (a failed notice is logged). */
  changed(row: R): Promise<void> {
    return this.tell({ row });
  }

  removed(id: string): Promise<void> {
    return this.tell({ removed: id });
  }

  /** Puts a row here only, whatever this replica had (it differs from its document as read: the document is right). */
  correct(row: R): void {
    this.rows.put(row);
  }

  /** Forgets a row here only (its document is gone: a notice crossed a removal). */
  forget(id: string): void {
    this.rows.remove(id);
  }

  get(id: string): R | undefined {
    return this.rows.get(id);
  }

  /**
   * Up to `limit` rows that `keep`, in the list's order, after those that are `past` (a cursor: true for a prefix of
   * the order; from the start when undefined).
   */
  page(past: ((r: R) => boolean) | undefined, keep: (r: R) => boolean, limit: number): R[] {
    return this.rows.page(past, keep, limit);
  }

  /** How many rows have each key. */
  countBy(key: (r: R) => string): Map<string, number> {
    const out = new Map<string, number>();
    for (const r of this.rows.all()) out.set(key(r), (out.get(key(r)) ?? 0) + 1);
    return out;
  }

  private async tell(change: MirrorChange<R>): Promise<void> {
    this.apply(change);
    try {
      await this.o.publisher.publish(toEnvelope(outboxEntry(this.o.notice, this.o.toNotice(change))));
    } catch (err) {
      this.o.logger.warn({ err: (err as Error).message }, `${this.o.what} list notice not published`);
    }
  }

  private apply(change: MirrorChange<R>): void {
    if (this.heard) {
      const id = 'row' in change ? change.row.id : change.removed;
      const before = this.heard.get(id);
      if (!before || !('row' in before) || !('row' in change) || this.o.supersedes(change.row, before.row)) {
        this.heard.set(id, change);
      }
    }
    applyTo(this.rows, change, this.o.supersedes);
  }
}

function applyTo<R extends MirrorRow>(
  rows: SortedRows<R>,
  change: MirrorChange<R>,
  supersedes: (incoming: R, current: R) => boolean,
): void {
  if (!('row' in change)) {
    rows.remove(change.removed);
    return;
  }
  const current = rows.get(change.row.id);
  if (!current || supersedes(change.row, current)) rows.put(change.row);
}

/** Rows in one total order, found by id: a put or a removal is a binary search and one splice. */
export class SortedRows<R extends MirrorRow> {
  private readonly byId = new Map<string, R>();
  private list: R[] = [];

  constructor(private readonly compare: (a: R, b: R) => number) {}

  /** From rows in any order (one sort, not one splice each); a repeated id keeps its last row. */
  static of<R extends MirrorRow>(rows: R[], compare: (a: R, b: R) => number): SortedRows<R> {
    const out = new SortedRows(compare);
    for (const r of rows) out.byId.set(r.id, r);
    out.list = [...out.byId.values()].sort(compare);
    return out;
  }

  get size(): number {
    return this.list.length;
  }

  get(id: string): R | undefined {
    return this.byId.get(id);
  }

  all(): readonly R[] {
    return this.list;
  }

  put(row: R): void {
    this.remove(row.id);
    this.list.splice(this.indexOf(row), 0, row);
    this.byId.set(row.id, row);
  }

  remove(id: string): void {
    const current = this.byId.get(id);
    if (!current) return;
    const at = this.indexOf(current);
    if (this.list[at] === current) this.list.splice(at, 1);
    else this.list = this.list.filter((r) => r !== current); // never expected: the order held when it was put
    this.byId.delete(id);
  }

  page(past: ((r: R) => boolean) | undefined, keep: (r: R) => boolean, limit: number): R[] {
    const out: R[] = [];
    for (let i = past ? this.firstNot(past) : 0; i < this.list.length && out.length < limit; i++) {
      if (keep(this.list[i])) out.push(this.list[i]);
    }
    return out;
  }

  /** The index of the first row where `before` is false (it holds for a prefix of the order). */
  private firstNot(before: (r: R) => boolean): number {
    let lo = 0;
    let hi = this.list.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (before(this.list[mid])) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** Where `row` goes (or is): the first row not before it. */
  private indexOf(row: R): number {
    return this.firstNot((r) => this.compare(r, row) < 0);
  }
}

/**
 * A service's admin list kept as a {@link ListMirror}: the mirror wired to the service's NATS, publisher and logger,
 * loaded when the application has started and stopped with it. Subclasses give the list's rows and rules.
 */
export abstract class MirroredList<R extends MirrorRow, D extends EventDefinition> {
  protected readonly mirror: ListMirror<R, D>;

  protected constructor(
    infra: Pick<ServiceInfra, 'nats' | 'publisher' | 'logger'>,
    component: string,
    options: Omit<ListMirrorOptions<R, D>, 'nats' | 'publisher' | 'logger'>,
  ) {
    const logger = infra.logger.child({ component });
    this.mirror = new ListMirror<R, D>({ ...options, nats: infra.nats, publisher: infra.publisher, logger });
  }

  onApplicationBootstrap(): Promise<void> {
    return this.mirror.start();
  }

  onModuleDestroy(): Promise<void> {
    return this.mirror.stop();
  }

  /** Until the first load is done the list is read from the database instead. */
  get ready(): boolean {
    return this.mirror.ready;
  }
}
