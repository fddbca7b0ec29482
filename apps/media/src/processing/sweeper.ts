import { Inject, Injectable, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { DomainError, ErrorCode } from '@khao/contracts';
import { INFRA, type ServiceInfra, PeriodicPass } from '@khao/messaging';
import type { MediaConfig } from '../config.js';
import { AssetRepository } from '../assets/asset.repository.js';
import { AssetsService } from '../assets/assets.service.js';
import { TaskRepository, type Task } from '../assets/task.repository.js';
import { UploadsService } from '../assets/uploads.service.js';
import { keys } from '../storage/keys.js';
import { ObjectStore } from '../storage/object-store.js';
import { CONFIG } from '../tokens.js';
import { Processor } from './processor.js';

/**
 * Background work that survives crashes, driven by the `media_tasks` markers: on start and every MEDIA_SWEEP_MS it
 * takes the due ones (a lease, so one replica each) and
 * - `process`: an upload whose processing did not finish (its process died): runs it again, or after
 *   MEDIA_PROCESSING_ATTEMPTS marks it failed (`media.failed.v1`). Never stuck in `processing`;
 * - `avif`: makes the AVIF renditions of a ready image;
 * - `expire`: removes an upload slot nobody completed (its object or multipart parts, and its record), and for a
 *   completed one whatever was PUT to its URL afterwards;
 * - `purge`: finishes a delete an outage cut short.
 * While MinIO is down it waits, so an outage does not use up anyone's attempts.
 */
@Injectable()
export class Sweeper implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly passes: PeriodicPass;

  constructor(
    private readonly tasks: TaskRepository,
    private readonly assets: AssetRepository,
    private readonly uploads: UploadsService,
    private readonly media: AssetsService,
    private readonly processor: Processor,
    private readonly store: ObjectStore,
    @Inject(CONFIG) private readonly config: MediaConfig,
    @Inject(INFRA) private readonly infra: ServiceInfra,
  ) {
    this.passes = new PeriodicPass({
      what: 'media sweep',
      everyMs: config.MEDIA_SWEEP_MS,
      logger: infra.logger,
      pass: () => this.pass(),
    });
  }

  onApplicationBootstrap(): void {
    void this.store.ensureBucket().catch(() => undefined);
    this.passes.start();
  }

  onModuleDestroy(): Promise<void> {
    return this.passes.stop();
  }

  private async pass(): Promise<void> {
    const due = await this.tasks.due(new Date());
    if (!due.length || (await this.store.ping()).status === 'down') return;
    for (const task of due) {
      if (this.passes.isStopped) return;
      if (!(await this.tasks.claim(task, this.config.MEDIA_PROCESSING_LEASE_MS))) continue;
      await this.handle(task).catch((err: unknown) => {
        const level = err instanceof DomainError && err.code === ErrorCode.Unavailable ? 'warn' : 'error';
        this.infra.logger[level]({ err, task: task._id }, 'media task failed; it will be retried');
      });
    }
  }

  private async handle(task: Task): Promise<void> {
    const asset = await this.assets.find(task.assetId);
    const log = this.infra.logger.child({ mediaId: task.assetId, task: task.kind });
    switch (task.kind) {
      case 'process': {
        if (!asset || (asset.status !== 'pending' && asset.status !== 'processing')) break;
        if (asset.attempts >= this.config.MEDIA_PROCESSING_ATTEMPTS) {
          log.warn({ attempts: asset.attempts }, 'processing never finished; marking the image failed');
          await this.processor.fail(asset, `processing did not finish after ${asset.attempts} attempt(s)`);
          return;
        }
        log.info({ attempts: asset.attempts }, 'resuming processing a crash interrupted');
        if (asset.status === 'pending') await this.uploads.verifyAndProcess(asset);
        else {
          const again = await this.assets.update(asset._id, { attempts: asset.attempts + 1 });
          await this.processor.runOrFail(again!);
        }
        return;
      }
      case 'avif':
        if (asset) await this.processor.avif(asset);
        break;
      case 'expire':
        if (asset?.status === 'pending') {
          log.info('upload slot expired unused; removing it');
          await this.uploads.discard(asset);
          return;
        }
        // Completed: whatever was PUT to the upload URL after verification is dropped.
        await this.store.remove([keys.upload(task.assetId)]);
        break;
      case 'purge':
        if (asset?.status === 'deleting') {
          await this.media.finishDelete(asset, 'system');
          return;
        }
        break;
    }
    await this.tasks.done(task.kind, task.assetId);
  }
}
