import { Inject, Injectable } from '@nestjs/common';
import { DomainError, ErrorCode, type RenditionFormat } from '@khao/contracts';
import { isMongoUnavailable } from '@khao/persistence';
import { INFRA, type ServiceInfra } from '@khao/messaging';
import type { MediaConfig } from '../config.js';
import { AssetRepository } from '../assets/asset.repository.js';
import type { AssetDoc, RenditionDoc } from '../assets/asset.schema.js';
import { AssetWriter, mediaEvent } from '../assets/asset-writer.js';
import { TaskRepository } from '../assets/task.repository.js';
import { keys } from '../storage/keys.js';
import { ObjectStore } from '../storage/object-store.js';
import { CONFIG } from '../tokens.js';
import {
  blurhashOf,
  contentTypeOf,
  decodeBase,
  encode,
  shareImage,
  SHARE,
  widthsFor,
  type Base,
} from './renditions.js';

/**
 * Makes an accepted original public: JPEG and WebP renditions at the configured widths, the share image and the
 * blurhash, stored under content-addressed keys; then the asset is `ready` and `media.processed.v1` goes out. AVIF
 * follows in the background (a task) and a second `processed` event says so. Every step can be run again: the keys
 * are the same, so a run after a crash overwrites what the dead run left half-done.
 */
@Injectable()
export class Processor {
  constructor(
    private readonly assets: AssetRepository,
    private readonly writer: AssetWriter,
    private readonly tasks: TaskRepository,
    private readonly store: ObjectStore,
    @Inject(CONFIG) private readonly config: MediaConfig,
    @Inject(INFRA) private readonly infra: ServiceInfra,
  ) {}

  decode(original: Buffer): Promise<Base> {
    return decodeBase(original, this.config.MEDIA_MAX_PIXELS, Math.max(...this.config.MEDIA_RENDITION_WIDTHS));
  }

  /** Processes an asset already marked `processing` (its sha256 known); `original`/`base` spare a second read. */
  async run(asset: AssetDoc, original?: Buffer, base?: Base): Promise<AssetDoc> {
    const sha = asset.sha256!;
    base ??= await this.decode(original ?? (await this.store.read(asset.originalKey)));
    const widths = widthsFor(base.originalWidth, this.config.MEDIA_RENDITION_WIDTHS);
    const jobs = widths.flatMap((w) => (['jpeg', 'webp'] as const).map((f) => [w, f] as const));
    let stored = 0;
    const renditions = await Promise.all(
      jobs.map(async ([w, f]) => {
        const r = await this.storeRendition(sha, base, w, f);
        if (++stored === 1) this.failpoint();
        return r;
      }),
    );
    const shareKey = keys.share(sha, asset.focalPoint);
    const [, blurhash] = await Promise.all([
      shareImage(base, asset.focalPoint).then((data) => this.store.put(shareKey, data, 'image/jpeg')),
      blurhashOf(base),
    ]);
    const ready: Partial<AssetDoc> = {
      status: 'ready',
      width: base.originalWidth,
      height: base.originalHeight,
      renditions,
      share: { key: shareKey, ...SHARE },
      blurhash,
      failure: null,
      upload: null,
    };
    const doc = await this.writer.save(asset._id, ready, [mediaEvent.processed({ ...asset, ...ready })]);
    if (this.config.MEDIA_AVIF) await this.tasks.schedule('avif', asset._id, new Date());
    await this.tasks.done('process', asset._id);
    return doc!;
  }

  /**
   * {@link run}, but an image that cannot be processed is marked failed (422 to the caller). Outages are thrown as
   * they are: the job stays and is retried.
   */
  async runOrFail(asset: AssetDoc, original?: Buffer, base?: Base): Promise<AssetDoc> {
    try {
      return await this.run(asset, original, base);
    } catch (err) {
      if ((err instanceof DomainError && err.code === ErrorCode.Unavailable) || isMongoUnavailable(err)) throw err;
      const reason = `processing failed: ${(err as Error).message}`;
      this.infra.logger.error({ err, mediaId: asset._id }, reason);
      await this.fail(asset, reason);
      throw new DomainError(ErrorCode.Unprocessable, `${reason}; the image is marked failed`);
    }
  }

  /** AVIF renditions of a ready asset (slow: off the request path, one at a time, at low effort). */
  async avif(asset: AssetDoc): Promise<void> {
    if (asset.status !== 'ready' || asset.renditions.some((r) => r.format === 'avif')) return;
    const sha = asset.sha256!;
    const base = await this.decode(await this.store.read(asset.originalKey));
    const widths = widthsFor(base.originalWidth, this.config.MEDIA_RENDITION_WIDTHS);
    const made: RenditionDoc[] = [];
    for (const w of widths) made.push(await this.storeRendition(sha, base, w, 'avif'));
    const now = await this.assets.find(asset._id);
    if (!now || now.status !== 'ready') {
      await this.store.remove(made.map((r) => r.key)); // deleted meanwhile
      return;
    }
    const renditions = [...now.renditions.filter((r) => r.format !== 'avif'), ...made];
    await this.writer.save(asset._id, { renditions }, [mediaEvent.processed({ ...now, renditions })]);
  }

  /** A new share image after the focal point moved; the old one is removed. */
  async reshare(asset: AssetDoc, focal: { x: number; y: number }): Promise<AssetDoc['share']> {
    const key = keys.share(asset.sha256!, focal);
    if (asset.share?.key === key) return asset.share;
    const base = await this.decode(await this.store.read(asset.originalKey));
    await this.store.put(key, await shareImage(base, focal), 'image/jpeg');
    return { key, ...SHARE };
  }

  /** Gives up on an asset: `failed` with the reason, its public objects removed, its hash free for a new upload. */
  async fail(asset: AssetDoc, reason: string): Promise<void> {
    if (asset.sha256) await this.store.removePrefix(keys.publicPrefix(asset.sha256)).catch(() => undefined);
    if (asset.sha256) await this.assets.releaseHash(asset.sha256, asset._id);
    await this.writer.save(asset._id, { status: 'failed', failure: reason, upload: null }, [
      mediaEvent.failed(asset, reason),
    ]);
    await this.tasks.done('process', asset._id);
  }

  private async storeRendition(sha: string, base: Base, width: number, format: RenditionFormat): Promise<RenditionDoc> {
    const out = await encode(base, width, format, this.config.MEDIA_AVIF_EFFORT);
    const key = keys.rendition(sha, width, format);
    await this.store.put(key, out.data, contentTypeOf(format));
    return { format, width: out.width, height: out.height, bytes: out.data.length, key };
  }

  private failpoint(): void {
    if (this.config.MEDIA_FAILPOINT !== 'crash-mid-processing') return;
    this.infra.logger.fatal(
      { failpoint: this.config.MEDIA_FAILPOINT },
      'failpoint: killing the process mid-processing',
    );
    process.kill(process.pid, 'SIGKILL');
  }
}
