import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createLogger } from '@khao/logging';
import type { ChannelContext, CoverImage, OutgoingPost } from './adapter.js';
import { BlueskyAdapter } from './bluesky.adapter.js';
import { lineImage } from './line.adapter.js';

// Cover images the platforms would refuse are left out, never sent: a real API would answer the request with 400.

const jpeg = (size: number) => Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(size - 4, 7)]);
const images: Record<string, { bytes: Buffer; chunked?: boolean }> = {
  '/small.jpg': { bytes: jpeg(200_000) },
  '/big.jpg': { bytes: jpeg(1_200_000) },
  '/big-chunked.jpg': { bytes: jpeg(1_000_001), chunked: true },
};

interface Seen {
  path: string;
  headers: IncomingMessage['headers'];
  body: Buffer;
}
const seen: Seen[] = [];
const lines: string[] = [];
let server: Server;
let base = '';

beforeAll(async () => {
  // One local server plays both the media public URL and the Bluesky PDS.
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const path = req.url ?? '/';
      const img = images[path];
      if (img) {
        const headers: Record<string, string | number> = { 'content-type': 'image/jpeg' };
        if (!img.chunked) headers['content-length'] = img.bytes.length;
        res.writeHead(200, headers);
        res.end(img.bytes);
        return;
      }
      const body = Buffer.concat(chunks);
      seen.push({ path, headers: req.headers, body });
      const json = (o: unknown) => {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify(o));
      };
      if (path.endsWith('createSession'))
        return json({ did: 'did:plc:spec', handle: 'spec.bsky.social', accessJwt: 'acc-1', refreshJwt: 'ref-1' });
      if (path.endsWith('uploadBlob'))
        return json({
          blob: {
            $type: 'blob',
            ref: { $link: 'bafkreispec' },
            mimeType: req.headers['content-type'],
            size: body.length,
          },
        });
      if (path.endsWith('createRecord'))
        return json({ uri: 'at://did:plc:spec/app.bsky.feed.post/x', cid: 'bafyspec' });
      res.writeHead(404).end();
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise((r) => server.close(r)));
beforeEach(() => {
  seen.length = 0;
  lines.length = 0;
});

const channel = (): ChannelContext => ({
  id: 'c1',
  name: 'Bluesky th',
  type: 'bluesky',
  options: {},
  credentials: { identifier: 'spec.bsky.social', appPassword: 'abcd-efgh-ijkl-mnop' },
  baseUrl: base,
  timeoutMs: 5000,
  logger: createLogger({
    service: 'spec',
    level: 'info',
    destination: { write: (l: string) => lines.push(l) } as unknown as NodeJS.WritableStream,
  }),
});

const post = (imagePath: string): OutgoingPost => ({
  postId: 'p1',
  key: 'p1:1',
  storyId: 's1',
  language: 'th',
  revision: 1,
  title: 'ชาวบ้านหนองบัวสร้างบ้านมั่นคง',
  summary: 'เวทีสองวันที่ศาลากลางจังหวัด',
  url: 'https://news.example.org/th/news/x',
  text: 'ชาวบ้านหนองบัวสร้างบ้านมั่นคง https://news.example.org/th/news/x',
  hashtags: [],
  image: { url: `${base}${imagePath}`, width: 1200, height: 630, alt: '', preview: null },
  publishedAt: null,
  rkey: '3kabcdefghijk',
});

const embedOf = (s: Seen) =>
  (JSON.parse(s.body.toString('utf8')) as { record: { embed: { external: Record<string, unknown> } } }).record.embed
    .external;

describe('Bluesky card thumbnails', () => {
  it('uploads an image within 1,000,000 bytes and puts the returned blob ref on the card', async () => {
    await new BlueskyAdapter().send(channel(), post('/small.jpg'));
    const upload = seen.find((s) => s.path.endsWith('uploadBlob'))!;
    expect(upload.headers['content-type']).toBe('image/jpeg');
    expect(upload.headers.authorization).toBe('Bearer acc-1');
    expect(upload.body.equals(images['/small.jpg'].bytes)).toBe(true);
    const create = seen.find((s) => s.path.endsWith('createRecord'))!;
    expect(embedOf(create).thumb).toEqual({
      $type: 'blob',
      ref: { $link: 'bafkreispec' },
      mimeType: 'image/jpeg',
      size: 200_000,
    });
  });

  it('skips the thumb of a bigger image (by its Content-Length, or by its bytes when none is sent) and still posts', async () => {
    for (const path of ['/big.jpg', '/big-chunked.jpg']) {
      seen.length = 0;
      const sent = await new BlueskyAdapter().send(channel(), post(path));
      expect(sent.externalId).toBe('at://did:plc:spec/app.bsky.feed.post/x');
      expect(seen.map((s) => s.path)).toEqual([
        '/xrpc/com.atproto.server.createSession',
        '/xrpc/com.atproto.repo.createRecord',
      ]);
      const external = embedOf(seen[1]);
      expect(external).not.toHaveProperty('thumb');
      expect(external).toMatchObject({ uri: 'https://news.example.org/th/news/x' });
    }
    expect(lines.filter((l) => l.includes('card thumbnail left out')).length).toBe(2);
    expect(lines.join('')).toMatch(/1200000 bytes, over Bluesky's 1000000/);
  });

  it('an image that cannot be fetched leaves the card without a thumb', async () => {
    await new BlueskyAdapter().send(channel(), post('/missing.jpg'));
    expect(seen.map((s) => s.path)).not.toContain('/xrpc/com.atproto.repo.uploadBlob');
    expect(lines.join('')).toMatch(/card thumbnail left out: the image answered 404/);
  });
});

describe('LINE image messages', () => {
  const img = (url: string, preview: CoverImage['preview']): CoverImage => ({
    url,
    width: 1200,
    height: 630,
    alt: '',
    preview,
  });
  const share = 'https://cdn.example.org/khao-media/public/ab/share-500-500.jpg';
  const small = 'https://cdn.example.org/khao-media/public/ab/320.jpg';

  it('https URLs and a preview within 1 MB make an image message', () => {
    expect(lineImage(img(share, { url: small, bytes: 40_000 }))).toEqual({
      type: 'image',
      originalContentUrl: share,
      previewImageUrl: small,
    });
  });

  it('anything LINE would refuse with 400 is left out, with the reason', () => {
    expect(lineImage(img(share.replace('https', 'http'), { url: small, bytes: 40_000 }))).toMatch(
      /only https image URLs, not http:\/\/cdn/,
    );
    expect(lineImage(img(share, { url: small.replace('https', 'http'), bytes: 40_000 }))).toMatch(/only https/);
    expect(lineImage(img(share, { url: small, bytes: 1024 * 1024 + 1 }))).toMatch(/over LINE's 1 MB/);
    expect(lineImage(img(`${share}?${'x'.repeat(2000)}`, { url: small, bytes: 1 }))).toMatch(/longer than 2000/);
    expect(lineImage(img(share, null))).toMatch(/no JPEG rendition/);
  });
});
