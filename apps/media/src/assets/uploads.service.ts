import { createHash } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import {
  DomainError,
  ErrorCode,
  type Actor,
  type CompletedUpload,
  type CreateUpload,
  type PresignedUpload,
  type UploadStream,
} from '@khao/contracts';
import { INFRA, type ServiceInfra } from '@khao/messaging';
import type { MediaConfig } from '../config.js';
import { Processor } from '../processing/processor.js';
import type { Base } from '../processing/renditions.js';
import { checkSize, corrupt, inspect, sniff, tooLarge, type Declared } from '../processing/sniff.js';
import { keys } from '../storage/keys.js';
import { ObjectStore } from '../storage/object-store.js';
import { CONFIG } from '../tokens.js';
import { toAsset } from './asset.mapper.js';
import { AssetRepository } from './asset.repository.js';
import type { AssetDoc } from './asset.schema.js';
import { TaskRepository } from './task.repository.js';

/** Enough of a file's head for magic-byte sniffing (file-type reads at most this much). */
const SNIFF_BYTES = 4100;

/** Files up to this size are read whole at once (one round trip); larger ones are sniffed by their head first. */
const READ_WHOLE_BYTES = 8 * 1024 * 1024;

/** Multipart body overhead allowed above the file limit before a Content-Length alone is refused. */
const MULTIPART_SLACK = 64 * 1024;

/**
 * Uploads: a slot (presigned PUT or the gateway's multipart stream), then `complete`, which verifies the bytes that
 * arrived and processes them. A rejected upload leaves nothing behind: its object and its record are removed.
 */
@Injectable()
export class UploadsService {
  constructor(
    private readonly assets: AssetRepository,
    private readonly tasks: TaskRepository,
    private readonly store: ObjectStore,
    private readonly processor: Processor,
    @Inject(CONFIG) private readonly config: MediaConfig,
    @Inject(INFRA) private readonly infra: ServiceInfra,
  ) {}

  async createUpload(actor: Actor, upload: CreateUpload): Promise<PresignedUpload> {
    if (upload.size !== undefined) checkSize(upload.size, {}, this.limits);
    const id = this.assets.newId();
    const expiresAt = this.expiry();
    const url = await this.store.presignPut(keys.upload(id), this.config.MEDIA_UPLOAD_EXPIRY_SECONDS);
    await this.slot(id, actor, upload.filename ?? null, { kind: 'put', expiresAt });
    return {
      id,
      url,
      headers: upload.contentType ? { 'content-type': upload.contentType } : {},
      expiresAt: expiresAt.toISOString(),
      maxBytes: this.config.MEDIA_MAX_BYTES,
    };
  }

  async createStream(actor: Actor, filename: string | undefined, contentLength?: number): Promise<UploadStream> {
    const max = this.config.MEDIA_MAX_BYTES;
    if (contentLength !== undefined && contentLength > max + MULTIPART_SLACK) throw tooLarge(contentLength, max);
    const id = this.assets.newId();
    const expiresAt = this.expiry();
    const partBytes = this.config.MEDIA_PART_BYTES;
    const parts = Math.max(1, Math.ceil(Math.min(contentLength ?? max, max) / partBytes));
    const { uploadId, urls } = await this.store.startMultipart(
      keys.upload(id),
      parts,
      this.config.MEDIA_UPLOAD_EXPIRY_SECONDS,
    );
    await this.slot(id, actor, filename ?? null, { kind: 'stream', uploadId, expiresAt });
    return { id, partUrls: urls, partBytes, maxBytes: max, expiresAt: expiresAt.toISOString() };
  }

  async complete(
    actor: Actor,
    id: string,
    declared: Declared,
    parts?: { partNumber: number; etag: string }[],
    filename?: string,
  ): Promise<CompletedUpload> {
    const asset = await this.assets.find(id);
    if (!asset) throw new DomainError(ErrorCode.NotFound, `no upload or image with id ${id}`);
    if (asset.createdBy !== actor.id && actor.role !== 'admin' && actor.role !== 'editor') {
      throw new DomainError(ErrorCode.Forbidden, 'only the uploader (or an editor) may complete this upload');
    }
    if (asset.status === 'ready' || asset.status === 'failed') return this.answer(asset, false);
    if (asset.status !== 'pending' && asset.status !== 'processing') {
      throw new DomainError(ErrorCode.NotFound, `no upload or image with id ${id}`);
    }
    if (asset.status === 'processing') return this.answer(await this.processor.runOrFail(asset), false);
    if (parts && asset.upload?.kind === 'stream' && asset.upload.uploadId) {
      await this.store.completeMultipart(keys.upload(id), asset.upload.uploadId, parts);
      asset.upload = { ...asset.upload, uploadId: undefined }; // it is an object now: nothing left to abort
    }
    if (filename) asset.filename = filename;
    return this.verifyAndProcess(asset, declared);
  }

  /** Verifies a pending upload's bytes, dedupes them, then processes (used by complete and by recovery). */
  async verifyAndProcess(asset: AssetDoc, declared: Declared = {}): Promise<CompletedUpload> {
    // Normally the upload; the original if a crash came after the copy (recovery runs this again).
    let source = keys.upload(asset._id);
    let stat = await this.store.stat(source);
    if (!stat) {
      source = asset.originalKey;
      stat = await this.store.stat(source);
    }
    if (!stat) {
      throw new DomainError(
        ErrorCode.Conflict,
        'nothing has been uploaded for this id yet: PUT the file to the upload URL first, then complete',
      );
    }
    let original: Buffer;
    let sha256: string;
    let base: Base;
    let inspected: Awaited<ReturnType<typeof inspect>>;
    try {
      checkSize(stat.size, declared, this.limits);
      // A large file is sniffed by its head first, so one that is no image is refused without reading all of it.
      if (stat.size > READ_WHOLE_BYTES) await sniff(await this.store.readHead(source, SNIFF_BYTES), declared);
      original = await this.store.read(source);
      sha256 = createHash('sha256').update(original).digest('hex');
      inspected = await inspect(original, sha256, declared, this.limits);
      base = await this.processor.decode(original).catch((err: unknown) => {
        throw corrupt(err);
      });
    } catch (err) {
      if (err instanceof DomainError && err.code !== ErrorCode.Unavailable) await this.discard(asset);
      throw err;
    }
    const owner = await this.assets.claimHash(sha256, asset._id);
    if (owner !== asset._id) {
      const existing = await this.assets.find(owner);
      if (existing && existing.status !== 'failed') {
        await this.discard(asset);
        return this.answer(existing, true);
      }
      if (!(await this.assets.takeHash(sha256, owner, asset._id))) {
        throw new DomainError(ErrorCode.Conflict, 'the same image is being uploaded right now; try again');
      }
    }
    // Announce the job before the status says so: a crash from here on is finished (or failed) by recovery.
    await this.tasks.schedule('process', asset._id, new Date(Date.now() + this.config.MEDIA_PROCESSING_LEASE_MS));
    // Copied before the status says processing: recovery of a `processing` image reads the original.
    if (source !== asset.originalKey) {
      await this.store.copy(source, asset.originalKey);
      await this.store.remove([source]);
    }
    const processing = await this.assets.update(asset._id, {
      status: 'processing',
      filename: asset.filename,
      sha256,
      bytes: original.length,
      format: inspected.format,
      width: base.originalWidth,
      height: base.originalHeight,
      attempts: asset.attempts + 1,
      upload: null,
    });
    // The `expire` task stays until the upload URL expires: it then removes anything PUT to it after this.
    return this.answer(await this.processor.runOrFail(processing!, original, base), false);
  }

  async abort(actor: Actor, id: string): Promise<{ id: string; aborted: boolean }> {
    const asset = await this.assets.find(id);
    if (!asset || asset.status !== 'pending') return { id, aborted: false };
    if (asset.createdBy !== actor.id && actor.role !== 'admin') {
      throw new DomainError(ErrorCode.Forbidden, 'only the uploader may abort this upload');
    }
    await this.discard(asset);
    return { id, aborted: true };
  }

  /** Removes every trace of an upload that did not become an asset: parts, object, record, its tasks. */
  async discard(asset: AssetDoc): Promise<void> {
    if (asset.upload?.kind === 'stream' && asset.upload.uploadId) {
      await this.store.abortMultipart(keys.upload(asset._id), asset.upload.uploadId);
    }
    await this.store.remove([keys.upload(asset._id), asset.originalKey]);
    await this.assets.purge(asset._id);
    await this.tasks.done('expire', asset._id);
    await this.tasks.done('process', asset._id);
    this.infra.logger.info({ mediaId: asset._id }, 'upload discarded');
  }

  private get limits() {
    return { maxBytes: this.config.MEDIA_MAX_BYTES, maxPixels: this.config.MEDIA_MAX_PIXELS };
  }

  private expiry(): Date {
    return new Date(Date.now() + this.config.MEDIA_UPLOAD_EXPIRY_SECONDS * 1000);
  }

  private async slot(id: string, actor: Actor, filename: string | null, upload: AssetDoc['upload']): Promise<void> {
    // The expiry task first: an unfinished upload is always found and cleaned up, whatever happens next.
    // A little after the URL expires (a PUT begun just before may still be arriving).
    const grace = Math.min(60_000, this.config.MEDIA_UPLOAD_EXPIRY_SECONDS * 1000);
    await this.tasks.schedule('expire', id, new Date(upload!.expiresAt.getTime() + grace));
    const now = new Date();
    await this.assets.insert({
      _id: id,
      status: 'pending',
      upload,
      originalKey: keys.original(id),
      filename,
      createdBy: actor.id,
      createdAt: now,
      updatedAt: now,
    });
  }

  private answer(doc: AssetDoc, deduplicated: boolean): CompletedUpload {
    return { ...toAsset(doc, this.store), deduplicated };
  }
}
