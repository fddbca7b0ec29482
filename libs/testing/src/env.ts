import { randomBytes } from 'node:crypto';

/** Connection settings of the test infrastructure, exported by the test runner. */
export function infraEnv(): Record<string, string> {
  const keys = ['NATS_URL', 'MONGO_URL', 'S3_ENDPOINT', 'S3_ACCESS_KEY', 'S3_SECRET_KEY'];
  const out: Record<string, string> = {};
  for (const k of keys) {
    const v = process.env[k];
    if (!v) throw new Error(`${k} is not set: run the tests with 'npm test', which starts the infrastructure`);
    out[k] = v;
  }
  return out;
}

/** A short random suffix, so each test file gets its own databases. */
export function uniqueSuffix(): string {
  return randomBytes(4).toString('hex');
}
