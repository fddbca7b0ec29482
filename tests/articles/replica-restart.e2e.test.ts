import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Story } from '@khao/contracts';
import { ServiceProcess, TestPlatform } from '@khao/testing';
import { createStory, thaiStory } from './helpers.js';

// Two articles replicas share the NATS queue group. Each is restarted in turn under a steady stream of admin
// requests through the gateway: every request is answered, and answered right, while one replica stops, loads its
// index and joins the group again (only once the index is loaded).
const platform = new TestPlatform({ services: ['articles'] });
let token: string;

beforeAll(async () => {
  await platform.start();
  token = await platform.adminToken();
  for (let i = 1; i <= 20; i++) {
    await createStory(platform, token, thaiStory({ version: { title: `โครงการบ้านมั่นคงชุมชนริมคลอง แห่งที่ ${i}` } }));
  }
}, 120_000);

afterAll(() => platform.stop());

let reads = 0;

interface Outcome {
  what: string;
  status: number;
  right: boolean;
}

/** One writer's steady stream: create a story, read it back by id, list the newest, over and over. */
async function steady(worker: number, until: () => boolean, out: Outcome[]): Promise<void> {
  for (let n = 1; !until(); n++) {
    const title = `ชุมชนคลองเตยร่วมออมทรัพย์ ผู้เขียน ${worker} เรื่องที่ ${n}`;
    const created = await platform.http('POST', '/api/v1/articles', { token, body: thaiStory({ version: { title } }) });
    out.push({ what: `create ${worker}/${n}`, status: created.status, right: created.status === 201 });
    if (created.status !== 201) continue;
    const id = (created.body as Story).id;
    // Read back at once, on whichever replica the queue group picks: a story is never missing right after its create.
    const read = await platform.http('GET', `/api/v1/articles/${id}`, { token });
    const readTitle = (read.body as Story | undefined)?.versions?.[0]?.title;
    out.push({ what: `read ${worker}/${n}`, status: read.status, right: read.status === 200 && readTitle === title });
    reads++;
    const list = await platform.http('GET', '/api/v1/articles?limit=5', { token });
    const items = (list.body as { items?: unknown[] }).items;
    out.push({
      what: `list ${worker}/${n} ${list.status === 200 ? '' : JSON.stringify(list.body)}`,
      status: list.status,
      right: list.status === 200 && items?.length === 5,
    });
  }
}

describe('restarting one articles replica of two', () => {
  it('loses no request and answers every one right', async () => {
    const second = await new ServiceProcess('articles', platform.envFor('articles'), 'articles-replica').start();
    const out: Outcome[] = [];
    let done = false;
    const workers = [1, 2].map((w) => steady(w, () => done, out));
    let again: ServiceProcess | undefined;
    try {
      await new Promise((r) => setTimeout(r, 1000));
      const before = out.length;
      const first = await platform.restart('articles');
      const during = out.length - before;
      await new Promise((r) => setTimeout(r, 1000));
      await second.stop();
      again = await new ServiceProcess('articles', platform.envFor('articles'), 'articles-replica').start();
      await new Promise((r) => setTimeout(r, 1000));
      done = true;
      await Promise.all(workers);
      await again.stop();
      const wrong = out.filter((o) => !o.right);
      expect(wrong, JSON.stringify(wrong.slice(0, 5))).toEqual([]);
      expect(during, 'requests were answered while the first replica restarted').toBeGreaterThan(6);
      expect(out.length).toBeGreaterThan(during);
      // Enough reads right after a create that one landing on the other replica is all but certain.
      expect(reads).toBeGreaterThan(20);
      // Each replica joins the queue group (service.ready) only after its index is loaded.
      for (const p of [first, again]) {
        const log = p.output();
        expect(log.indexOf('story index loaded')).toBeGreaterThan(-1);
        expect(log.indexOf('story index loaded')).toBeLessThan(log.indexOf('"event":"service.ready"'));
      }
    } finally {
      done = true;
      await Promise.all(workers);
      await second.stop();
      await again?.stop();
    }
  }, 300_000);
});
