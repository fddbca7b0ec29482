import { createHash } from 'node:crypto';

/** A response as built: what the cache keeps and the HTTP layer sends. */
export interface Rendered {
  status: 200 | 301 | 404 | 410 | 503;
  body: string;
  contentType: string;
  cacheControl: string;
  /** Extra headers (Location of a redirect). */
  headers?: Record<string, string>;
  lastModified?: Date;
  /** What this response shows: `story:<id>`, `media:<id>`, `articles` (any listing or lookup). */
  tags: string[];
  /** A shorter life than the default, e.g. a page rendered without images while the media service was down. */
  ttlMs?: number;
}

/**
 * A response ready to send again and again: the body encoded to UTF-8 once (the text is not kept beside it), and
 * its headers built once, so a cache hit is a lookup and a write.
 */
export interface CachedResponse extends Omit<Rendered, 'body'> {
  bytes: Buffer;
  etag: string;
  lastModifiedHttp?: string;
  /** Every header of the full answer: content type, cache-control, validators and the extras. */
  headers200: Record<string, string>;
  /** The headers of a 304: cache-control and the validators. */
  headers304: Record<string, string>;
}

interface Entry {
  value: CachedResponse;
  expiresAt: number;
  bytes: number;
}

export interface PublicCacheOptions {
  enabled: boolean;
  maxEntries: number;
  /** Bound on the bodies kept, in bytes (UTF-8). */
  maxBytes: number;
  ttlMs: number;
}

/**
 * Rendered public responses in memory, per gateway replica, dropped by tag when an article or media event says
 * what they show changed (PublicCacheSync). A build that an invalidation overtook is answered but not stored, so a
 * response rendered from the state before a correction can never outlive the correction's event. Concurrent
 * misses of one key share a single build.
 */
export class PublicCache {
  private readonly entries = new Map<string, Entry>();
  private readonly byTag = new Map<string, Set<string>>();
  private readonly inflight = new Map<string, Promise<CachedResponse>>();
  private generation = 0;
  private bytes = 0;

  constructor(private readonly opts: PublicCacheOptions) {}

  get size(): number {
    return this.entries.size;
  }

  /** Bytes of the bodies kept. */
  get totalBytes(): number {
    return this.bytes;
  }

  /** A fresh entry, or undefined (always, when the cache is off): never builds. */
  peek(key: string): CachedResponse | undefined {
    if (!this.opts.enabled) return undefined;
    const hit = this.entries.get(key);
    return hit && hit.expiresAt > Date.now() ? hit.value : undefined;
  }

  async get(key: string, build: () => Promise<Rendered>): Promise<CachedResponse> {
    if (!this.opts.enabled) return withValidators(await build());
    const hit = this.peek(key);
    if (hit) return hit;
    let pending = this.inflight.get(key);
    if (!pending) {
      const generation = this.generation;
      pending = build().then(withValidators);
      this.inflight.set(key, pending);
      const settle = () => {
        if (this.inflight.get(key) === pending) this.inflight.delete(key);
      };
      pending.then((value) => {
        settle();
        if (this.generation === generation) this.store(key, value);
      }, settle);
    }
    return pending;
  }

  /** Drops every entry carrying one of the tags; builds in flight will not be stored. */
  invalidate(tags: string[]): void {
    this.generation++;
    this.inflight.clear();
    for (const tag of tags) {
      const keys = this.byTag.get(tag);
      if (!keys) continue;
      this.byTag.delete(tag);
      for (const key of keys) this.drop(key);
    }
  }

  clear(): void {
    this.generation++;
    this.inflight.clear();
    this.entries.clear();
    this.byTag.clear();
    this.bytes = 0;
  }

  private store(key: string, value: CachedResponse): void {
    this.drop(key);
    const bytes = value.bytes.length;
    this.entries.set(key, { value, expiresAt: Date.now() + (value.ttlMs ?? this.opts.ttlMs), bytes });
    this.bytes += bytes;
    for (const tag of value.tags) {
      let keys = this.byTag.get(tag);
      if (!keys) this.byTag.set(tag, (keys = new Set()));
      keys.add(key);
    }
    // Oldest first out: a Map iterates in insertion order, and every store re-inserts.
    while (this.entries.size > this.opts.maxEntries || this.bytes > this.opts.maxBytes) {
      const oldest = this.entries.keys().next().value as string;
      for (const tag of this.entries.get(oldest)?.value.tags ?? []) this.byTag.get(tag)?.delete(oldest);
      this.drop(oldest);
    }
  }

  private drop(key: string): void {
    const entry = this.entries.get(key);
    if (!entry) return;
    this.entries.delete(key);
    this.bytes -= entry.bytes;
  }
}

/** Encodes the body and adds the ETag (a hash of it), the HTTP form of Last-Modified and the header sets. */
export function withValidators({ body, ...r }: Rendered): CachedResponse {
  const bytes = Buffer.from(body, 'utf8');
  const etag = `"${createHash('sha1').update(bytes).digest('base64url').slice(0, 27)}"`;
  const lastModifiedHttp = r.lastModified ? r.lastModified.toUTCString() : undefined;
  const headers304: Record<string, string> = { 'cache-control': r.cacheControl, etag };
  if (lastModifiedHttp) headers304['last-modified'] = lastModifiedHttp;
  const headers200 = { ...headers304, 'content-type': r.contentType, ...r.headers };
  return { ...r, bytes, etag, lastModifiedHttp, headers200, headers304 };
}

/** Whether the client's copy is current: If-None-Match wins over If-Modified-Since (RFC 9110 §13.2.2). */
export function isFresh(headers: Record<string, string | string[] | undefined>, r: CachedResponse): boolean {
  if (r.status !== 200) return false;
  const inm = headers['if-none-match'];
  if (typeof inm === 'string') {
    return inm.split(',').some((t) => {
      const tag = t.trim();
      return tag === '*' || tag === r.etag || tag === `W/${r.etag}`;
    });
  }
  const ims = headers['if-modified-since'];
  if (typeof ims === 'string' && r.lastModified) {
    const since = Date.parse(ims);
    return !Number.isNaN(since) && Math.floor(r.lastModified.getTime() / 1000) * 1000 <= since;
  }
  return false;
}
