import { Client } from 'minio';
import type { Check } from '@khao/contracts';
import type { MediaConfig } from '../config.js';

/** The MinIO (S3) client of the media service: the only code that talks to object storage. */
export class ObjectStore {
  readonly client: Client;

  constructor(private readonly config: MediaConfig) {
    const url = new URL(config.S3_ENDPOINT);
    this.client = new Client({
      endPoint: url.hostname,
      port: Number(url.port || (url.protocol === 'https:' ? 443 : 80)),
      useSSL: url.protocol === 'https:',
      accessKey: config.S3_ACCESS_KEY,
      secretKey: config.S3_SECRET_KEY,
      region: config.S3_REGION,
    });
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
}
