import { Injectable } from '@nestjs/common';
import { outboxEntry, type OutboxEntry } from '@khao/persistence';
import { MediaEvents, type EventData } from '@khao/contracts';
import { AssetCache } from '../resolve/asset-cache.js';
import { AssetRepository } from './asset.repository.js';
import type { AssetDoc } from './asset.schema.js';

/** Writes an asset's change with the events it implies (the outbox), and drops this replica's cached copy. */
@Injectable()
export class AssetWriter {
  constructor(
    private readonly assets: AssetRepository,
    private readonly cache: AssetCache,
  ) {}

  /** This replica reads its own writes at once; the others forget the asset when the event reaches them. */
  async save(id: string, set: Partial<AssetDoc>, events: OutboxEntry[] = []): Promise<AssetDoc | null> {
    try {
      return await this.assets.update(id, set, events);
    } finally {
      this.cache.forget(id);
    }
  }
}

/** The media events, each built from the asset it reports on. */
export const mediaEvent = {
  processed: (a: AssetDoc) =>
    outboxEntry(MediaEvents.processed, {
      mediaId: a._id,
      sha256: a.sha256 ?? '',
      width: a.width ?? 0,
      height: a.height ?? 0,
      formats: [...new Set(a.renditions.map((r) => r.format))],
    } satisfies EventData<typeof MediaEvents.processed>),
  failed: (a: AssetDoc, reason: string) =>
    outboxEntry(MediaEvents.failed, { mediaId: a._id, sha256: a.sha256 ?? '', reason }),
  updated: (a: AssetDoc) => outboxEntry(MediaEvents.updated, { mediaId: a._id, sha256: a.sha256 ?? '' }),
  deleted: (a: AssetDoc, by: string) =>
    outboxEntry(MediaEvents.deleted, { mediaId: a._id, sha256: a.sha256 ?? '', by }),
};
