import { useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';

/** What the live stream says about one event: ids, statuses and who (never a story's text). */
export type LiveEventData = Record<string, unknown> & { occurredAt?: string };
type Handler = (type: string, data: LiveEventData) => void;

const STREAM = '/api/v1/events/stream';
/** Waits before reopening a stream the gateway refused (a 503 while a dependency is down), longest last. */
const REOPEN_MS = [1_000, 2_000, 5_000, 10_000, 30_000];
const handlers = new Map<string, Set<Handler>>();
/** The query caches the listeners feed, with how many listeners each: refetched after a gap in the stream. */
const caches = new Map<QueryClient, number>();
let source: EventSource | null = null;
let reopenTimer: ReturnType<typeof setTimeout> | undefined;
let refusals = 0;
/** The stream was closed for good and is being reopened: events may have been missed meanwhile. */
let gap = false;

function dispatch(e: MessageEvent<string>) {
  let data: LiveEventData;
  try {
    data = JSON.parse(e.data) as LiveEventData;
  } catch {
    return;
  }
  for (const h of handlers.get(e.type) ?? []) h(e.type, data);
}

function open(): EventSource {
  const es = new EventSource(STREAM);
  for (const type of handlers.keys()) es.addEventListener(type, dispatch);
  es.addEventListener('open', () => {
    refusals = 0;
    if (!gap) return;
    gap = false;
    // A new stream starts from now: whatever happened while none was open is fetched again.
    for (const qc of caches.keys()) void qc.invalidateQueries();
  });
  es.addEventListener('error', () => {
    // A dropped connection is retried by the browser itself, resuming with Last-Event-ID. An answer that is not a
    // stream (401 once the session ended, 503 while a dependency is down) closes it for good: reopen it later.
    if (es !== source || es.readyState !== EventSource.CLOSED) return;
    gap = true;
    const wait = REOPEN_MS[Math.min(refusals, REOPEN_MS.length - 1)]!;
    refusals++;
    clearTimeout(reopenTimer);
    reopenTimer = setTimeout(reopen, wait);
  });
  return es;
}

/** Opens the stream again if it was closed (nobody listening: nothing to do). */
function reopen(): void {
  clearTimeout(reopenTimer);
  reopenTimer = undefined;
  if (handlers.size === 0 || (source && source.readyState !== EventSource.CLOSED)) return;
  source = open();
}

/** After a log-in: a stream refused while logged out opens again now, not at its next backoff step. */
export function resumeLive(): void {
  if (!source || source.readyState !== EventSource.CLOSED) return;
  refusals = 0;
  reopen();
}

/**
 * One EventSource for the whole studio, opened while anything listens and closed when nothing does. The browser
 * reconnects by itself and sends Last-Event-ID, so the gateway replays what was missed: the studio never polls.
 * When the gateway refuses the stream it is reopened with a backoff (at once after a log-in), and the queries of
 * `cache` are refetched, since a new stream cannot replay what it never sent.
 */
export function subscribeLive(types: readonly string[], handler: Handler, cache?: QueryClient): () => void {
  source ??= open();
  if (cache) caches.set(cache, (caches.get(cache) ?? 0) + 1);
  for (const type of types) {
    let set = handlers.get(type);
    if (!set) {
      set = new Set();
      handlers.set(type, set);
      source.addEventListener(type, dispatch);
    }
    set.add(handler);
  }
  return () => {
    if (cache) {
      const n = (caches.get(cache) ?? 1) - 1;
      if (n > 0) caches.set(cache, n);
      else caches.delete(cache);
    }
    for (const type of types) {
      const set = handlers.get(type);
      set?.delete(handler);
      if (set?.size === 0) {
        handlers.delete(type);
        source?.removeEventListener(type, dispatch);
      }
    }
    if (handlers.size === 0) {
      source?.close();
      source = null;
      clearTimeout(reopenTimer);
      gap = false;
      refusals = 0;
    }
  };
}

/** Calls `handler` for each live event of `types` while the component is shown (the latest handler is used). */
export function useLiveEvents(types: readonly string[], handler: Handler): void {
  const qc = useQueryClient();
  const latest = useRef(handler);
  useEffect(() => {
    latest.current = handler;
  });
  const key = types.join(',');
  useEffect(() => subscribeLive(key.split(','), (type, data) => latest.current(type, data), qc), [key, qc]);
}
