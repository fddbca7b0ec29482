import { jetstreamManager, RetentionPolicy, StorageType, type JetStreamManager } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/transport-node';
import { Streams } from '@khao/contracts';

const ms = (n: number) => n * 1_000_000; // JetStream durations are nanoseconds
/** How long the events stream keeps a message: nothing older can be delivered, redelivered or replayed from it. */
export const EVENTS_MAX_AGE_MS = 30 * 24 * 3600 * 1000;

export interface StreamOptions {
  dedupeWindowMs: number;
}

/**
 * Declares the streams in code and brings an existing stream's settings in line. Idempotent: every service
 * calls it at boot, so the first one up creates them.
 */
export async function ensureStreams(nc: NatsConnection, { dedupeWindowMs }: StreamOptions): Promise<JetStreamManager> {
  const jsm = await jetstreamManager(nc);
  const wanted = [
    {
      name: Streams.events.name,
      subjects: [...Streams.events.subjects],
      retention: RetentionPolicy.Limits,
      storage: StorageType.File,
      duplicate_window: ms(dedupeWindowMs),
      max_age: ms(EVENTS_MAX_AGE_MS),
    },
    {
      name: Streams.deadLetters.name,
      subjects: [...Streams.deadLetters.subjects],
      retention: RetentionPolicy.Limits,
      storage: StorageType.File,
      duplicate_window: ms(dedupeWindowMs),
      allow_direct: true,
    },
  ];
  for (const cfg of wanted) {
    try {
      await jsm.streams.info(cfg.name);
      await jsm.streams.update(cfg.name, cfg);
    } catch (err) {
      if (!isNotFound(err)) throw err;
      try {
        await jsm.streams.add(cfg);
      } catch (addErr) {
        // Another service created it between our info and add.
        if (!/already in use|exists/i.test(String((addErr as Error).message))) throw addErr;
      }
    }
  }
  return jsm;
}

export function isNotFound(err: unknown): boolean {
  const e = err as { code?: number | string; message?: string; api_error?: { code?: number } };
  return e?.api_error?.code === 404 || /not found/i.test(e?.message ?? '');
}
