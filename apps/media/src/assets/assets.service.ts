import { Injectable } from '@nestjs/common';
import {
  DomainError,
  ErrorCode,
  type Actor,
  type MediaAsset,
  type MediaListQuery,
  type MediaListQuerySchema,
  type MediaPatch,
} from '@khao/contracts';
import type { z } from 'zod';
import { Processor } from '../processing/processor.js';
import { keys } from '../storage/keys.js';
import { ObjectStore } from '../storage/object-store.js';
import { ArticlesClient } from '../usage/articles.client.js';
import { toAsset } from './asset.mapper.js';
import { AssetRepository } from './asset.repository.js';
import { captionMatcher } from './caption-search.js';
import type { AssetDoc } from './asset.schema.js';
import { AssetWriter, mediaEvent } from './asset-writer.js';
import { TaskRepository } from './task.repository.js';

/** Reading, editing and deleting images. */
@Injectable()
export class AssetsService {
  constructor(
    private readonly assets: AssetRepository,
    private readonly writer: AssetWriter,
    private readonly tasks: TaskRepository,
    private readonly store: ObjectStore,
    private readonly processor: Processor,
    private readonly articles: ArticlesClient,
  ) {}

  async get(id: string): Promise<MediaAsset> {
    return toAsset(await this.load(id), this.store);
  }

  async list(query: MediaListQuery): Promise<{ items: MediaAsset[]; nextCursor: string | null }> {
    const q = query as z.output<typeof MediaListQuerySchema>;
    const docs = await this.assets.list(q.cursor, q.limit, q.status, captionMatcher(q.q));
    const page = docs.slice(0, q.limit);
    return {
      items: page.map((d) => toAsset(d, this.store)),
      nextCursor: docs.length > q.limit ? page.at(-1)!._id : null,
    };
  }

  /**
   * Captions and alt text per language (an empty string removes one), credit, focal point (a new share image).
   * Editors and admins edit any image; authors the ones they uploaded; translators captions and alt text only.
   */
  async update(actor: Actor, id: string, patch: MediaPatch): Promise<MediaAsset> {
    const asset = await this.load(id);
    if (actor.role === 'author' && asset.createdBy !== actor.id) {
      throw new DomainError(ErrorCode.Forbidden, 'authors may edit only the images they uploaded');
    }
    if (actor.role === 'translator' && (patch.credit !== undefined || patch.focalPoint !== undefined)) {
      throw new DomainError(ErrorCode.Forbidden, 'translators may edit captions and alt text only');
    }
    const set: Partial<AssetDoc> = {};
    if (patch.captions) set.captions = merge(asset.captions, patch.captions);
    if (patch.alt) set.alt = merge(asset.alt, patch.alt);
    if (patch.credit !== undefined) set.credit = patch.credit;
    let oldShare: string | undefined;
    if (patch.focalPoint) {
      set.focalPoint = patch.focalPoint;
      if (asset.status === 'ready') {
        set.share = await this.processor.reshare(asset, patch.focalPoint);
        if (asset.share && asset.share.key !== set.share?.key) oldShare = asset.share.key;
      }
    }
    const next = { ...asset, ...set };
    const doc = await this.writer.save(id, set, asset.status === 'ready' ? [mediaEvent.updated(next)] : []);
    if (oldShare) await this.store.remove([oldShare]).catch(() => undefined);
    return toAsset(doc!, this.store);
  }

  /**
   * Refused (409) while a published or scheduled story shows the image, unless forced. Removes the original and
   * every rendition, then records the deletion with `media.deleted.v1`. A delete cut short by an outage is finished by
   * the background sweep (or by calling it again).
   */
  async delete(actor: Actor, id: string, force: boolean): Promise<{ id: string; deleted: true }> {
    const asset = await this.load(id);
    if (!force && asset.status !== 'deleting') {
      const usage = await this.articles.usage(id);
      const live = usage.stories.filter((s) => s.live.length > 0);
      if (live.length) {
        throw new DomainError(
          ErrorCode.Conflict,
          `the image is used by ${live.length} published or scheduled ${live.length === 1 ? 'story' : 'stories'}; ` +
            'replace it there first, or delete with ?force=true',
          { stories: live },
        );
      }
    }
    await this.tasks.schedule('purge', id, new Date(Date.now() + 30_000));
    if (asset.status !== 'deleting') await this.writer.save(id, { status: 'deleting' });
    await this.finishDelete({ ...asset, status: 'deleting' }, actor.id);
    return { id, deleted: true };
  }

  /** Removes the objects, then marks the record deleted with its event (idempotent). */
  async finishDelete(asset: AssetDoc, by: string): Promise<void> {
    await this.store.remove([asset.originalKey, keys.upload(asset._id)]);
    // The whole prefix: renditions, AVIF and share images, including any a crashed run stored without recording.
    if (asset.sha256) await this.store.removePrefix(keys.publicPrefix(asset.sha256));
    if (asset.sha256) await this.assets.releaseHash(asset.sha256, asset._id);
    await this.writer.save(asset._id, { status: 'deleted', renditions: [], share: null }, [
      mediaEvent.deleted(asset, by),
    ]);
    await this.tasks.done('purge', asset._id);
    await this.tasks.done('avif', asset._id);
  }

  private async load(id: string): Promise<AssetDoc> {
    const doc = await this.assets.find(id);
    if (!doc || doc.status === 'pending') throw new DomainError(ErrorCode.NotFound, `no image with id ${id}`);
    return doc;
  }
}

function merge(current: { th?: string; en?: string } = {}, patch: { th?: string; en?: string }) {
  const out = { ...current };
  for (const lang of ['th', 'en'] as const) {
    const v = patch[lang];
    if (v === undefined) continue;
    if (v === '') delete out[lang];
    else out[lang] = v;
  }
  return out;
}
