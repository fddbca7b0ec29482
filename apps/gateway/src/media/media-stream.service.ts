import type { Readable } from 'node:stream';
import { Inject, Injectable } from '@nestjs/common';
import '@fastify/multipart';
import { DomainError, ErrorCode, MediaAdminRpc, type CompletedUpload, type UploadStream } from '@khao/contracts';
import type { Logger } from '@khao/logging';
import { RpcClient } from '@khao/messaging';
import type { KhaoRequest } from '../common/request.js';
import type { GatewayConfig } from '../config.js';
import { CONFIG, LOGGER } from '../tokens.js';

interface Part {
  partNumber: number;
  etag: string;
}

/**
 * `POST /api/v1/media`: a multipart file streamed into MinIO without ever being whole in memory. The media service
 * hands out an S3 multipart upload with presigned part URLs (bytes never travel over NATS); the file is cut into
 * parts of `partBytes` as it arrives, each PUT while the next one fills (at most two part buffers per upload), then
 * `complete` has the media service verify and process what landed. The size limit is checked against
 * Content-Length before anything is created, and again while streaming; an upload that fails is aborted, so nothing
 * of it stays behind.
 */
@Injectable()
export class MediaStreamService {
  constructor(
    private readonly rpc: RpcClient,
    @Inject(CONFIG) private readonly config: GatewayConfig,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async upload(req: KhaoRequest): Promise<CompletedUpload> {
    if (!req.isMultipart()) {
      throw new DomainError(
        ErrorCode.UnsupportedMediaType,
        'send multipart/form-data with the image in a field named "file" (or use POST /api/v1/media/uploads)',
      );
    }
    const actor = req.actor!;
    const length = Number(req.headers['content-length']);
    const contentLength = Number.isSafeInteger(length) && length >= 0 ? length : undefined;
    // The size limit is the media service's (slot.maxBytes), counted in pipe(); busboy's own is only a backstop.
    const file = await req.file({ limits: { files: 1, fileSize: Number.MAX_SAFE_INTEGER } });
    if (!file)
      throw new DomainError(ErrorCode.InvalidArgument, 'the form has no file: send the image in a field named "file"');
    const slot = await this.rpc.request(MediaAdminRpc.createStream, {
      actor,
      filename: file.filename ? file.filename.slice(0, 255) : undefined,
      contentLength,
    });
    let parts: Part[];
    try {
      parts = await this.pipe(file.file, slot);
    } catch (err) {
      await this.rpc.request(MediaAdminRpc.abort, { actor, id: slot.id }).catch((abortErr: Error) => {
        this.logger.warn({ err: abortErr.message, mediaId: slot.id }, 'could not abort an upload; its expiry will');
      });
      throw this.streamError(err, slot);
    }
    const declared =
      file.mimetype && file.mimetype !== 'application/octet-stream' ? { contentType: file.mimetype } : {};
    return this.rpc.request(
      MediaAdminRpc.complete,
      { actor, id: slot.id, declared, parts },
      { timeoutMs: this.config.MEDIA_PROCESSING_TIMEOUT_MS },
    );
  }

  /** Cuts the stream into parts and PUTs each while the next fills. */
  private async pipe(stream: Readable, slot: UploadStream): Promise<Part[]> {
    const parts: Part[] = [];
    let inflight: Promise<void> = Promise.resolve();
    let buf = Buffer.allocUnsafe(slot.partBytes);
    let fill = 0;
    let total = 0;
    const flush = async (data: Buffer) => {
      const partNumber = parts.length + 1;
      if (partNumber > slot.partUrls.length) throw tooLarge(slot.maxBytes);
      await inflight;
      const entry = { partNumber, etag: '' };
      parts.push(entry);
      inflight = this.putPart(slot.partUrls[partNumber - 1], data).then((etag) => void (entry.etag = etag));
      // Surface a failed PUT at the next await, not as an unhandled rejection.
      inflight.catch(() => undefined);
    };
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      total += chunk.length;
      if (total > slot.maxBytes) throw tooLarge(slot.maxBytes);
      for (let off = 0; off < chunk.length;) {
        const take = Math.min(chunk.length - off, slot.partBytes - fill);
        chunk.copy(buf, fill, off, off + take);
        fill += take;
        off += take;
        if (fill === slot.partBytes) {
          await flush(buf);
          buf = Buffer.allocUnsafe(slot.partBytes);
          fill = 0;
        }
      }
    }
    if (total === 0)
      throw new DomainError(ErrorCode.InvalidArgument, 'the file is empty (0 bytes): upload the image itself');
    if (fill > 0) await flush(buf.subarray(0, fill));
    await inflight;
    return parts;
  }

  private async putPart(url: string, data: Buffer): Promise<string> {
    let res: Response;
    try {
      res = await fetch(url, { method: 'PUT', body: data, headers: { 'content-length': String(data.length) } });
    } catch {
      throw new DomainError(ErrorCode.Unavailable, 'object storage (MinIO) is unavailable; try again shortly');
    }
    const etag = res.headers.get('etag');
    await res.body?.cancel();
    if (!res.ok || !etag) {
      throw new DomainError(
        res.status >= 500 ? ErrorCode.Unavailable : ErrorCode.Internal,
        `object storage refused a part of the upload (HTTP ${res.status})`,
      );
    }
    return etag;
  }

  private streamError(err: unknown, slot: UploadStream): unknown {
    if (err instanceof DomainError) return err;
    const code = (err as { code?: string } | null)?.code;
    if (code === 'FST_REQ_FILE_TOO_LARGE') return tooLarge(slot.maxBytes);
    if (code === 'FST_FILES_LIMIT' || code === 'FST_PARTS_LIMIT') {
      return new DomainError(ErrorCode.InvalidArgument, 'send one file per request');
    }
    return new DomainError(ErrorCode.InvalidArgument, `the upload was interrupted: ${(err as Error).message}`);
  }
}

function tooLarge(maxBytes: number): DomainError {
  return new DomainError(
    ErrorCode.PayloadTooLarge,
    `the file is larger than the limit of ${maxBytes} bytes (${(maxBytes / 1048576).toFixed(0)} MiB)`,
    { maxBytes },
  );
}
