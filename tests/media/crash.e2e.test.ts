import { DatabaseInspector } from '@khao/persistence';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MediaEvents, type MediaAsset, type PresignedUpload } from '@khao/contracts';
import { infraEnv, waitFor } from '@khao/testing';
import { listKeys, MediaTestbed, photo, s3, uploadMultipart } from './helpers.js';

// A real media process killed with SIGKILL in the middle of processing an upload (after its first rendition was
// stored): after a restart the upload is finished, or — once its attempts are used up — marked failed. Never stuck.
const crashing = { MEDIA_FAILPOINT: 'crash-mid-processing' };
const bed = new MediaTestbed({
  env: {
    gateway: { MEDIA_PROCESSING_TIMEOUT_MS: '3000' },
    media: { MEDIA_PROCESSING_LEASE_MS: '1500', MEDIA_SWEEP_MS: '300', MEDIA_AVIF: 'false', ...crashing },
  },
});
const { platform, bucket } = bed;
let token: string;
let mongo: DatabaseInspector;

beforeAll(async () => {
  await bed.start();
  token = bed.token;
  mongo = await DatabaseInspector.open(infraEnv().MONGO_URL);
});
afterAll(async () => {
  await bed.stop();
  await mongo?.close();
});

const assets = () => mongo.db(`media_${platform.suffix}`).collection<{ _id: string; status: string }>('assets');

/** Uploads while the failpoint is set: the service dies mid-processing, the caller hears 503. */
async function uploadIntoCrash(): Promise<string> {
  const before = new Set((await assets().find({})).map((a) => a._id));
  const res = await uploadMultipart(platform, token, await photo({ width: 1800, height: 1200 }), 'IMG_4001.jpg');
  expect(res.status).toBe(503);
  expect((await platform.proc('media').waitForExit()).signal).toBe('SIGKILL');
  const [doc] = (await assets().find({})).filter((a) => !before.has(a._id));
  expect(doc.status).toBe('processing');
  return doc._id;
}

const eventsOf = (subject: string, id: string) =>
  bed.tap.events<{ mediaId: string; reason?: string }>([subject], (e) => e.data.mediaId === id);

describe('processing survives a crash of the media service', () => {
  it('a half-processed upload is finished after the restart', async () => {
    const id = await uploadIntoCrash();
    await platform.restart('media', { MEDIA_FAILPOINT: '' });
    const done = await waitFor(
      async () => {
        const r = await platform.http('GET', `/api/v1/media/${id}`, { token });
        return (r.body as MediaAsset).status === 'ready' ? (r.body as MediaAsset) : undefined;
      },
      { what: 'the interrupted upload to be finished', timeoutMs: 30_000 },
    );
    expect(done.renditions).toHaveLength(10);
    for (const r of done.renditions) expect((await fetch(r.url)).status).toBe(200);
    await waitFor(async () => (await eventsOf(MediaEvents.processed.subject, id)).length === 1);
    const tasks = mongo.db(`media_${platform.suffix}`).collection('media_tasks');
    await waitFor(async () => (await tasks.countDocuments({ _id: `process:${id}` })) === 0, {
      what: 'the processing task to be done',
    });
  });

  it('one that keeps crashing is marked failed once its attempts are used up, with media.failed.v1', async () => {
    await platform.restart('media', crashing);
    const id = await uploadIntoCrash();
    await platform.restart('media', { MEDIA_FAILPOINT: '', MEDIA_PROCESSING_ATTEMPTS: '1' });
    const failed = await waitFor(
      async () => {
        const r = await platform.http('GET', `/api/v1/media/${id}`, { token });
        return (r.body as MediaAsset).status === 'failed' ? (r.body as MediaAsset) : undefined;
      },
      { what: 'the upload to be marked failed', timeoutMs: 30_000 },
    );
    expect(failed.failure).toMatch(/did not finish after 1 attempt/);
    const events = await waitFor(async () => {
      const e = await eventsOf(MediaEvents.failed.subject, id);
      return e.length ? e : undefined;
    });
    expect(events[0].data.reason).toMatch(/did not finish/);
    // The rendition the dead run stored is not left public.
    expect(await listKeys(s3(), bucket, `public/${failed.sha256}/`)).toEqual([]);
  });
});

describe('upload slots nobody completes', () => {
  it('are removed once they expire: object, record and task', async () => {
    await platform.restart('media', { MEDIA_FAILPOINT: '', MEDIA_UPLOAD_EXPIRY_SECONDS: '5' });
    const slot = (await platform.http('POST', '/api/v1/media/uploads', { token, body: {} })).body as PresignedUpload;
    const put = await fetch(slot.url, {
      method: 'PUT',
      body: new Uint8Array(await photo({ width: 300, height: 200 })),
    });
    expect(put.status).toBe(200);
    expect(await listKeys(s3(), bucket, `uploads/${slot.id}`)).toEqual([`uploads/${slot.id}`]);
    expect(await assets().countDocuments({ _id: slot.id })).toBe(1);
    const tasks = mongo.db(`media_${platform.suffix}`).collection('media_tasks');
    // The object, then the record, then the task go, one after the other: wait for the last.
    await waitFor(
      async () =>
        (await assets().countDocuments({ _id: slot.id })) === 0 &&
        (await tasks.countDocuments({ _id: `expire:${slot.id}` })) === 0,
      { what: 'the expired upload and its task to be removed', timeoutMs: 30_000 },
    );
    expect(await listKeys(s3(), bucket, `uploads/${slot.id}`)).toEqual([]);
    // Completing it now is a 404: it is gone.
    expect((await platform.http('POST', `/api/v1/media/${slot.id}/complete`, { token, body: {} })).status).toBe(404);
  });
});
