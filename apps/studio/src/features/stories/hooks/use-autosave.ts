import { useEffect } from 'react';

/**
 * Calls `save` once the draft has been still for `delayMs` (each change restarts the wait), while `enabled`.
 * `revision` is the draft's identity: a new one (a keystroke) cancels the pending save.
 */
export function useAutosave({
  enabled,
  revision,
  save,
  delayMs = 1500,
}: {
  enabled: boolean;
  revision: unknown;
  save: () => void;
  delayMs?: number;
}) {
  useEffect(() => {
    if (!enabled) return;
    const timer = setTimeout(save, delayMs);
    return () => clearTimeout(timer);
    // `save` changes with every render; the draft's identity is what matters.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [enabled, revision, delayMs]);
}
