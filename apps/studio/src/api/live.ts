import { useEffect, useRef } from 'react';

/** After an error status, the stream is opened again this much later (from then on: what passed meanwhile is lost). */
const RETRY_MS = 5_000;

/** One event of the gateway's live stream (GET /api/v1/events/stream): its type and a small JSON of ids. */
export interface LiveEvent {
  type: string;
  data: Record<string, unknown>;
}

/**
 * Calls `onEvent` for each live event of the given types while the component is mounted. The browser's
 * EventSource sends the session cookie, reconnects by itself and resumes with Last-Event-ID, so nothing is polled.
 */
export function useLiveEvents(types: readonly string[], onEvent: (e: LiveEvent) => void): void {
  const handler = useRef(onEvent);
  useEffect(() => {
    handler.current = onEvent;
  });
  const key = types.join(',');
  useEffect(() => {
    const names = key.split(',');
    let source: EventSource | null = null;
    let retry: ReturnType<typeof setTimeout> | undefined;
    const listener = (m: MessageEvent<string>) => {
      let data: Record<string, unknown> = {};
      try {
        data = JSON.parse(m.data) as Record<string, unknown>;
      } catch {
        // A malformed event carries nothing to act on.
      }
      handler.current({ type: m.type, data });
    };
    const open = () => {
      const s = new EventSource('/api/v1/events/stream', { withCredentials: true });
      for (const name of names) s.addEventListener(name, listener);
      // The browser retries a dropped connection by itself, but gives up on an error status (a 401 while the
      // session has ended, a 503): try again a little later, until the component goes.
      s.onerror = () => {
        if (s.readyState !== EventSource.CLOSED) return;
        retry = setTimeout(open, RETRY_MS);
      };
      source = s;
    };
    open();
    return () => {
      clearTimeout(retry);
      source?.close();
    };
  }, [key]);
}

/** The article events that mean "this story has a new revision". */
export const STORY_CHANGED = [
  'article.version.saved.v1',
  'article.version.submitted.v1',
  'article.version.published.v1',
  'article.version.updated.v1',
  'article.version.unpublished.v1',
] as const;
