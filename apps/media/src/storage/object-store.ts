import { Client } from 'minio';
import { DomainError, ErrorCode, type Check } from '@khao/contracts';
import type { MediaConfig } from '../config.js';

/** Long-lived, shared caches may keep a rendition for a year: its key names its content. */
export const IMMUTABLE = 'public, max-age=31536000, immutable';

/** Renditions live under this prefix, the only one anonymous readers may GET; everything else stays private. */
export const PUBLIC_PREFIX = 'public/';

function clientFor(endpoint: string, config: MediaConfig): Client {
  const url = new URL(endpoint);
  return new Client({
    endPoint: url.hostname,
    port: Number(url.port || (url.protocol === 'https:' ? 443 : 80)),
    useSSL: url.protocol === 'https:',
    accessKey: config.S3_ACCESS_KEY,
    secretKey: config.S3_SECRET_KEY,
    // With the region fixed, presigning is offline: no round trip to discover the bucket's region.
    region: config.S3_REGION,
  });
}

const NETWORK_CODES = /^(ECONNREFUSED|ECONNRESET|ETIMEDOUT|EPIPE|EHOSTUNREACH|ENETUNREACH|ENOTFOUND|EAI_AGAIN|UND_ERR)/;
const S3_UNAVAILABLE = /^(ServiceUnavailable|SlowDown|XMinioServerNotInitialized|XMinioStorageFull|InternalError)$/;

/** True when object storage could not be reached or is not serving: the caller gets 503 and may retry. */
export function isStorageUnavailable(err: unknown): boolean {
  const code = (err as { code?: string } | null)?.code ?? '';
  const cause = (err as { cause?: { code?: string } } | null)?.cause?.code ?? '';
  return NETWORK_CODES.test(code) || NETWORK_CODES.test(cause) || S3_UNAVAILABLE.test(code);
}

function isNoSuchKey(err: unknown): boolean {
  const code = (err as { code?: string } | null)?.code;
  return code === 'NoSuchKey' || code === 'NotFound' || code === 'NoSuchUpload';
}

/** The MinIO (S3) client of the media service: the only code that talks to object storage. */
export class ObjectStore {
  readonly client: Client;
  /** Signs URLs handed to clients outside the platform's network. */
  private readonly publicSigner: Client;
  readonly bucket: string;
  readonly publicBaseUrl: string;
  private bucketReady?: Promise<void>;

  constructor(private readonly config: MediaConfig) {
    this.client = clientFor(config.S3_ENDPOINT, config);
    this.publicSigner = clientFor(config.S3_PUBLIC_ENDPOINT ?? config.S3_ENDPOINT, config);
    this.bucket = config.S3_BUCKET;
    const base =
      config.MEDIA_PUBLIC_BASE_URL ??
      `${config.S3_PUBLIC_ENDPOINT ?? config.S3_ENDPOINT}/${this.bucket}/${PUBLIC_PREFIX}`;
    this.publicBaseUrl = base.replace(/\/+$/, '');
  }

  /** A signed round trip (so bad credentials show as down too), bounded to 2 s. */
  async ping(): Promise<Check> {
    const started = performance.now();
    try {
      await Promise.race([
        this.client.bucketExists(this.config.S3_BUCKET),
        new Promise((_, reject) => setTimeout(() => reject(new Error('MinIO did not answer within 2000 ms')), 2000)),
      ]);
      return { status: 'up', latencyMs: Math.round(performance.now() - started) };
    } catch (err) {
      return { status: 'down', error: (err as Error).message };
    }
  }

  /**
   * The bucket exists and anonymous readers may GET `public/*` and nothing else (originals stay private). Done once;
   * retried on the next call if MinIO was down.
   */
  ensureBucket(): Promise<void> {
    this.bucketReady ??= this.createBucket().catch((err: unknown) => {
      this.bucketReady = undefined;
      throw err;
    });
    return this.bucketReady;
  }

  private async createBucket(): Promise<void> {
    await this.guard(async () => {
      if (!(await this.client.bucketExists(this.bucket))) {
        await this.client.makeBucket(this.bucket, this.config.S3_REGION).catch((err: { code?: string }) => {
          if (err.code !== 'BucketAlreadyOwnedByYou' && err.code !== 'BucketAlreadyExists') throw err;
        });
      }
      const policy = {
        Version: '2012-10-17',
        Statement: [
          {
            Effect: 'Allow',
            Principal: { AWS: ['*'] },
            Action: ['s3:GetObject'],
            Resource: [`arn:aws:s3:::${this.bucket}/${PUBLIC_PREFIX}*`],
          },
        ],
      };
      await this.client.setBucketPolicy(this.bucket, JSON.stringify(policy));
    });
  }

  publicUrl(key: string): string {
    if (!key.startsWith(PUBLIC_PREFIX)) throw new Error(`${key} is not a public key`);
    return `${this.publicBaseUrl}/${key.slice(PUBLIC_PREFIX.length)}`;
  }

  /** A URL the client PUTs the file to (signed offline). */
  async presignPut(key: string, expirySeconds: number): Promise<string> {
    await this.ensureBucket();
    return this.publicSigner.presignedPutObject(this.bucket, key, expirySeconds);
  }

  /** Starts an S3 multipart upload and signs a PUT URL for each of `parts` parts. */
  async startMultipart(
    key: string,
    parts: number,
    expirySeconds: number,
  ): Promise<{ uploadId: string; urls: string[] }> {
    await this.ensureBucket();
    const uploadId = await this.guard(() => this.client.initiateNewMultipartUpload(this.bucket, key, {}));
    const urls: string[] = [];
    for (let n = 1; n <= parts; n++) {
      urls.push(
        await this.client.presignedUrl('PUT', this.bucket, key, expirySeconds, { partNumber: String(n), uploadId }),
      );
    }
    return { uploadId, urls };
  }

  completeMultipart(key: string, uploadId: string, parts: { partNumber: number; etag: string }[]): Promise<void> {
    const etags = [...parts]
      .sort((a, b) => a.partNumber - b.partNumber)
      .map((p) => ({ part: p.partNumber, etag: p.etag }));
    return this.guard(async () => {
      await this.client.completeMultipartUpload(this.bucket, key, uploadId, etags);
    });
  }

  /** Drops a multipart upload and its parts; one already gone is fine. */
  abortMultipart(key: string, uploadId: string): Promise<void> {
    return this.guard(async () => {
      await this.client.abortMultipartUpload(this.bucket, key, uploadId).catch((err: unknown) => {
        if (!isNoSuchKey(err)) throw err;
      });
    });
  }

  /** Size of an object, or null when there is none. */
  stat(key: string): Promise<{ size: number } | null> {
    return this.guard(async () => {
      try {
        const s = await this.client.statObject(this.bucket, key);
        return { size: s.size };
      } catch (err) {
        if (isNoSuchKey(err)) return null;
        throw err;
      }
    });
  }

  /** The whole object (callers check its size first). */
  read(key: string): Promise<Buffer> {
    return this.guard(async () => {
      const stream = await this.client.getObject(this.bucket, key);
      const chunks: Buffer[] = [];
      for await (const c of stream) chunks.push(c as Buffer);
      return Buffer.concat(chunks);
    });
  }

  put(key: string, body: Buffer, contentType: string, cacheControl = IMMUTABLE): Promise<void> {
    return this.guard(async () => {
      await this.client.putObject(this.bucket, key, body, body.length, {
        'Content-Type': contentType,
        'Cache-Control': cacheControl,
      });
    });
  }

  /** Removes objects; missing ones are fine. */
  remove(keys: string[]): Promise<void> {
    if (!keys.length) return Promise.resolve();
    return this.guard(async () => {
      await this.client.removeObjects(this.bucket, keys);
    });
  }

  /** Removes every object under `prefix` (what a crashed run may have stored without recording it). */
  removePrefix(prefix: string): Promise<void> {
    return this.guard(async () => {
      const keys: string[] = [];
      for await (const o of this.client.listObjectsV2(this.bucket, prefix, true)) {
        const name = (o as { name?: string }).name;
        if (name) keys.push(name);
      }
      if (keys.length) await this.client.removeObjects(this.bucket, keys);
    });
  }

  /** Runs an S3 call; "MinIO is unreachable" becomes UNAVAILABLE (HTTP 503). */
  private async guard<T>(fn: () => Promise<T>): Promise<T> {
    try {
      return await fn();
    } catch (err) {
      if (isStorageUnavailable(err)) {
        throw new DomainError(ErrorCode.Unavailable, 'object storage (MinIO) is unavailable; try again shortly');
      }
      throw err;
    }
  }
}
