import { once } from 'node:events';
import http from 'node:http';
import https from 'node:https';
import { Inject, Injectable } from '@nestjs/common';
import { DomainError, ErrorCode, MediaAdminRpc, type CompletedUpload, type UploadStream } from '@khao/contracts';
import type { Logger } from '@khao/logging';
import { RpcClient } from '@khao/messaging';
import type { KhaoRequest } from '../common/request.js';
import type { GatewayConfig } from '../config.js';
import { CONFIG, LOGGER } from '../tokens.js';
import { boundaryOf, MultipartFileReader, type FilePart } from './multipart-file.js';

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
    const boundary = boundaryOf(req.headers['content-type']);
    if (!boundary) {
      throw new DomainError(
        ErrorCode.UnsupportedMediaType,
        'send multipart/form-data with the image in a field named "file" (or use POST /api/v1/media/uploads)',
      );
    }
    const actor = req.actor!;
    const length = Number(req.headers['content-length']);
    const contentLength = Number.isSafeInteger(length) && length >= 0 ? length : undefined;
    const started = performance.now();
    // Before a byte is read: a Content-Length over the limit is refused here (413).
    const slot = await this.rpc.request(MediaAdminRpc.createStream, { actor, contentLength });
    const slotted = performance.now();
    let parts: Part[];
    let file: FilePart | null;
    try {
      const reader = new MultipartFileReader(req.raw, boundary);
      file = await reader.file();
      if (!file)
        throw new DomainError(
          ErrorCode.InvalidArgument,
          'the form has no file: send the image in a field named "file"',
        );
      parts = await this.pipe(file.data, slot);
      void reader.drain().catch(() => undefined);
    } catch (err) {
      await this.rpc.request(MediaAdminRpc.abort, { actor, id: slot.id }).catch((abortErr: Error) => {
        this.logger.warn({ err: abortErr.message, mediaId: slot.id }, 'could not abort an upload; its expiry will');
      });
      throw streamError(err);
    }
    const streamed = performance.now();
    const type = file.contentType;
    try {
      return await this.rpc.request(
        MediaAdminRpc.complete,
        {
          actor,
          id: slot.id,
          declared: type && type !== 'application/octet-stream' ? { contentType: type } : {},
          parts,
          filename: file.filename ? file.filename.slice(0, 255) : undefined,
        },
        { timeoutMs: this.config.MEDIA_PROCESSING_TIMEOUT_MS },
      );
    } finally {
      this.logger.info(
        {
          mediaId: slot.id,
          parts: parts.length,
          slotMs: Math.round(slotted - started),
          streamMs: Math.round(streamed - slotted),
          completeMs: Math.round(performance.now() - streamed),
        },
        'upload streamed',
      );
    }
  }

  /**
   * Cuts the stream into parts and PUTs each while the next fills. A part is the list of the chunks the reader handed
   * over (sliced at the part boundary, not copied): at most PARTS_IN_FLIGHT parts are being sent while the next
   * fills, and while all are busy the request is not read (backpressure reaches the client).
   */
  private async pipe(stream: AsyncIterable<Buffer>, slot: UploadStream): Promise<Part[]> {
    const parts: Part[] = [];
    const sending: Promise<void>[] = [];
    let chunks: Buffer[] = [];
    let fill = 0;
    let total = 0;
    const flush = async () => {
      const partNumber = parts.length + 1;
      if (partNumber > slot.partUrls.length) throw tooLarge(slot.maxBytes);
      if (sending.length >= PARTS_IN_FLIGHT) await sending.shift();
      const entry = { partNumber, etag: '' };
      parts.push(entry);
      const body = chunks;
      const length = fill;
      chunks = [];
      fill = 0;
      const put = putPart(slot.partUrls[partNumber - 1], body, length).then((etag) => void (entry.etag = etag));
      // Surface a failed PUT at the next await, not as an unhandled rejection.
      put.catch(() => undefined);
      sending.push(put);
    };
    for await (const chunk of stream) {
      total += chunk.length;
      if (total > slot.maxBytes) throw tooLarge(slot.maxBytes);
      let rest = chunk;
      while (fill + rest.length >= slot.partBytes) {
        const take = slot.partBytes - fill;
        chunks.push(rest.subarray(0, take));
        fill += take;
        rest = rest.subarray(take);
        await flush();
      }
      if (rest.length) {
        chunks.push(rest);
        fill += rest.length;
      }
    }
    if (total === 0)
      throw new DomainError(ErrorCode.InvalidArgument, 'the file is empty (0 bytes): upload the image itself');
    if (fill > 0) await flush();
    await Promise.all(sending);
    return parts;
  }
}

/** Parts being PUT at once; with the one filling, an upload holds at most this many parts plus one in memory. */
const PARTS_IN_FLIGHT = 2;

const agents = { 'http:': new http.Agent({ keepAlive: true }), 'https:': new https.Agent({ keepAlive: true }) };

/** PUTs one part (its chunks written in order, with backpressure) and answers its ETag. */
function putPart(url: string, chunks: Buffer[], length: number): Promise<string> {
  const target = new URL(url);
  const client = target.protocol === 'https:' ? https : http;
  return new Promise<string>((resolve, reject) => {
    const unavailable = () =>
      new DomainError(ErrorCode.Unavailable, 'object storage (MinIO) is unavailable; try again shortly');
    const req = client.request(
      target,
      {
        method: 'PUT',
        headers: { 'content-length': String(length) },
        agent: agents[target.protocol as 'http:' | 'https:'],
      },
      (res) => {
        res.resume();
        res.on('end', () => {
          const etag = res.headers.etag;
          const status = res.statusCode ?? 0;
          if (status >= 200 && status < 300 && etag) return resolve(etag);
          reject(
            new DomainError(
              status >= 500 ? ErrorCode.Unavailable : ErrorCode.Internal,
              `object storage refused a part of the upload (HTTP ${status})`,
            ),
          );
        });
      },
    );
    req.on('error', () => reject(unavailable()));
    void (async () => {
      for (const c of chunks) if (!req.write(c)) await once(req, 'drain');
      req.end();
    })().catch(() => reject(unavailable()));
  });
}

function streamError(err: unknown): unknown {
  if (err instanceof DomainError) return err;
  return new DomainError(ErrorCode.InvalidArgument, `the upload was interrupted: ${(err as Error).message}`);
}

function tooLarge(maxBytes: number): DomainError {
  return new DomainError(
    ErrorCode.PayloadTooLarge,
    `the file is larger than the limit of ${maxBytes} bytes (${(maxBytes / 1048576).toFixed(0)} MiB)`,
    { maxBytes },
  );
}
