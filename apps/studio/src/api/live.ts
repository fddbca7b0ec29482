import { useEffect, useRef } from 'react';

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
    const source = new EventSource('/api/v1/events/stream', { withCredentials: true });
    const listener = (m: MessageEvent<string>) => {
      let data: Record<string, unknown> = {};
      try {
        data = JSON.parse(m.data) as Record<string, unknown>;
      } catch {
        // A malformed event carries nothing to act on.
      }
      handler.current({ type: m.type, data });
    };
    const names = key.split(',');
    for (const name of names) source.addEventListener(name, listener);
    return () => {
      for (const name of names) source.removeEventListener(name, listener);
      source.close();
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
