import { jetstreamManager } from '@nats-io/jetstream';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import type { LooseCollection } from '@khao/persistence';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Streams, type Channel, type Post } from '@khao/contracts';
import { infraEnv, ServiceProcess, TestPlatform, waitFor } from '@khao/testing';
import { channelInputs, socialEnv, startFakes, stopFakes, type Fakes } from './fakes.js';
import { addChannel, posts, PUBLIC, publishStory, settled, socialDb } from './helpers.js';

// The post list boots from the snapshot of its rows (ListMirror's snapshots) and replays the notices since; a
// snapshot of another format, one that does not decode, or one older than the events stream is not trusted alone.
// Row counts are read from the API, not the logs: the test files share one NATS, so a list also hears the notices of
// the file before (rows whose posts are not in this database: a page forgets them).
let fakes: Fakes;
let platform: TestPlatform;
let token: string;
let nc: NatsConnection;
let channel: Channel;
/** When the last test purged the shared events stream. */
let purgedAt = 0;

const titles = [
  'ชาวบ้านริมคลองเปรมประชากรร่วมวางแผนบ้านมั่นคง',
  'กองทุนสวัสดิการชุมชนน่านดูแลผู้สูงอายุ',
  'สภาองค์กรชุมชนตรังจัดเวทีเรื่องการจัดการน้ำ',
  'เครือข่ายป่าชุมชนลำปางปลูกต้นไม้ริมห้วย',
  'ตลาดนัดเกษตรอินทรีย์บ้านนาข่าเปิดทุกวันเสาร์',
];
let next = 0;

/** Publishes one more story and waits for its post to be sent. */
async function onePost(): Promise<Post> {
  const story = await publishStory(platform, token, { th: { title: titles[next++] } });
  const [post] = await settled(platform, token, story.id, 1);
  return post;
}

/** The "social posts list loaded" lines of a replica's log, in order. */
const loads = (p: ServiceProcess) =>
  p.logLines().filter((l) => l.msg === 'social posts list loaded') as unknown as { rows: number; source: string }[];

const loaded = (p: ServiceProcess) => loads(p).length > 0;

const snapshots = <T>(fn: (c: LooseCollection) => Promise<T>) =>
  socialDb(platform, (db) => fn(db.collection('post_list_snapshots')));

async function listed(): Promise<{ id: string; status: string }[]> {
  return (await posts(platform, token, {})).map((p) => ({ id: p.id, status: p.status }));
}

async function restarted(): Promise<ServiceProcess> {
  const p = await platform.restart('social');
  await waitFor(() => loaded(p), { what: 'the restarted replica to load its list' });
  return p;
}

beforeAll(async () => {
  fakes = await startFakes();
  platform = new TestPlatform({
    services: ['articles', 'social'],
    env: { articles: { PUBLIC_BASE_URL: PUBLIC }, social: socialEnv(fakes, { PUBLIC_BASE_URL: PUBLIC }) },
  });
  await platform.start();
  nc = await connect({ servers: infraEnv().NATS_URL });
  token = await platform.adminToken();
  await waitFor(() => loaded(platform.proc('social')), { what: 'the list to load' });
  channel = await addChannel(platform, token, channelInputs(fakes, 'th').webhook);
  await onePost();
  await onePost();
}, 180_000);
afterAll(async () => {
  // The next test file shares this NATS: a snapshot its services write within the replay margin (5 s) after the purge
  // would look older than the stream to them and be loaded in full. Leave that margin behind first.
  const margin = purgedAt + 6000 - Date.now();
  if (margin > 0) await new Promise((r) => setTimeout(r, margin));
  await nc?.close();
  await platform?.stop();
  await stopFakes(fakes);
});

describe('the post list snapshot', () => {
  it('boots a restarted replica from it, with the writes another replica made after it', async () => {
    const second = await new ServiceProcess('social', platform.envFor('social'), 'social-replica').start();
    try {
      await waitFor(() => loaded(second), { what: 'the second replica to load its list' });
      await platform.proc('social').stop();
      expect(platform.proc('social').output()).toContain('social posts list snapshot written');
      // Written by the second replica while the first is down: heard only through the notices since the snapshot.
      const later = await onePost();
      const first = await restarted();
      await second.stop();
      expect(loads(first)).toEqual([expect.objectContaining({ source: 'snapshot' })]);
      // Read at once: the notices since the snapshot were replayed before the list answered.
      const now = await listed();
      expect(now).toHaveLength(3);
      expect(now).toContainEqual({ id: later.id, status: 'sent' });
      expect(now.every((p) => p.id.endsWith(`:${channel.id}`))).toBe(true);
    } finally {
      await second.stop();
    }
  }, 90_000);

  it('is not read when it is of another format or a chunk does not decode: every row is loaded', async () => {
    const expected = await listed();
    await platform.proc('social').stop();
    await snapshots((c) => c.updateOne({ _id: 'head' }, { $set: { format: 999 } }));
    let p = await restarted();
    expect(loads(p)).toEqual([expect.objectContaining({ source: 'database' })]);
    expect(await listed()).toEqual(expected);

    // The stop after a full load writes a snapshot of the current format again; its chunk is then broken.
    await platform.proc('social').stop();
    const head = await snapshots((c) => c.findOne({ _id: 'head' }));
    expect(head, 'the stop wrote a snapshot').toMatchObject({ format: 1, chunks: 1 });
    const chunk = `${(head as unknown as { generation: string }).generation}:0`;
    await snapshots((c) => c.updateOne({ _id: chunk }, { $set: { data: Buffer.from('ไม่ใช่ภาพรวมของรายการ') } }));
    p = await restarted();
    expect(loads(p)).toEqual([expect.objectContaining({ source: 'database' })]);
    expect(p.output()).toContain('social posts list snapshot unusable');
    expect(await listed()).toEqual(expected);
  }, 90_000);

  it('older than the events stream, answers while every row loads, and ends right', async () => {
    const second = await new ServiceProcess('social', platform.envFor('social'), 'social-replica-2').start();
    try {
      await waitFor(() => loaded(second), { what: 'the second replica to load its list' });
      await platform.proc('social').stop();
      const later = await onePost();
      // The stream forgets everything up to the last message: the notices since the snapshot are gone.
      const jsm = await jetstreamManager(nc);
      await jsm.streams.purge(Streams.events.name, { keep: 1 });
      purgedAt = Date.now();
      const first = await restarted();
      await second.stop();
      await waitFor(() => loads(first).length === 2, { what: 'the full load after the snapshot' });
      expect(first.output()).toContain('social posts list snapshot older than the events stream');
      // The snapshot answered first (without the post written after it), then the full load brought that post.
      expect(loads(first)).toEqual([
        expect.objectContaining({ source: 'snapshot' }),
        expect.objectContaining({ source: 'database' }),
      ]);
      expect(await listed()).toContainEqual({ id: later.id, status: 'sent' });
      expect(await listed()).toHaveLength(4);
    } finally {
      await second.stop();
    }
  }, 90_000);
});
