import { Injectable } from '@nestjs/common';
import type { Language, ResolvedImage } from '@khao/contracts';
import { toResolved } from '../assets/asset.mapper.js';
import { AssetRepository } from '../assets/asset.repository.js';
import { ObjectStore } from '../storage/object-store.js';
import { AssetCache } from './asset-cache.js';

/** `media.resolve.v1`: images by id, in the order asked; unknown, deleted or unprocessed ids are left out. */
@Injectable()
export class ResolveService {
  constructor(
    private readonly assets: AssetRepository,
    private readonly cache: AssetCache,
    private readonly store: ObjectStore,
  ) {}

  async resolve(ids: string[], language: Language): Promise<{ items: ResolvedImage[] }> {
    const unique = [...new Set(ids)];
    const found = await Promise.all(unique.map((id) => this.cache.get(id, (i) => this.assets.find(i))));
    const docs = new Map(found.flatMap((d) => (d ? [[d._id, d]] : [])));
    const items: ResolvedImage[] = [];
    for (const id of ids) {
      const doc = docs.get(id);
      const r = doc && toResolved(doc, language, this.store);
      if (r) items.push(r);
    }
    return { items };
  }
}
