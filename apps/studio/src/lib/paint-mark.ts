import { useEffect } from 'react';

/**
 * Marks (performance.mark) the first frame painted after `ready` became true: the frame's callback runs before
 * the paint, a message posted from it runs right after. `npm run bench:studio` reads these marks.
 */
export function usePaintMark(name: string, ready: boolean): void {
  useEffect(() => {
    if (!ready) return;
    const frame = requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => performance.mark(name);
      channel.port2.postMessage(null);
    });
    return () => cancelAnimationFrame(frame);
  }, [name, ready]);
}
