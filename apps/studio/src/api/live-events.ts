import { useEffect, useRef } from 'react';

/** What the live stream says about one event: ids, statuses and who (never a story's text). */
export type LiveEventData = Record<string, unknown> & { occurredAt?: string };
type Handler = (type: string, data: LiveEventData) => void;

const STREAM = '/api/v1/events/stream';
const handlers = new Map<string, Set<Handler>>();
let source: EventSource | null = null;

function dispatch(e: MessageEvent<string>) {
  let data: LiveEventData;
  try {
    data = JSON.parse(e.data) as LiveEventData;
  } catch {
    return;
  }
  for (const h of handlers.get(e.type) ?? []) h(e.type, data);
}

/**
 * One EventSource for the whole studio, opened while anything listens and closed when nothing does. The browser
 * reconnects by itself and sends Last-Event-ID, so the gateway replays what was missed: the studio never polls.
 */
export function subscribeLive(types: readonly string[], handler: Handler): () => void {
  source ??= new EventSource(STREAM);
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
    }
  };
}

/** Calls `handler` for each live event of `types` while the component is shown (the latest handler is used). */
export function useLiveEvents(types: readonly string[], handler: Handler): void {
  const latest = useRef(handler);
  useEffect(() => {
    latest.current = handler;
  });
  const key = types.join(',');
  useEffect(() => subscribeLive(key.split(','), (type, data) => latest.current(type, data)), [key]);
}
