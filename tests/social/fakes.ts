import { createHash, createHmac, randomUUID, timingSafeEqual } from 'node:crypto';
import twitter from 'twitter-text';
import { FakePlatform, type Reply, type Seen } from './fake-server.js';

export const SECRETS = {
  webhook: 'whsec-ความลับ-0123456789abcdef',
  facebook: 'EAAGfakePageAccessTokenForKhaoTests0001',
  x: 'xUserAccessTokenForKhaoTests-0002',
  line: 'lineChannelAccessTokenForKhaoTests0003',
  mastodon: 'mastodonAccessTokenForKhaoTests0004',
  telegram: '7000000001:AAHfakeTelegramBotTokenForKhao0005',
  blueskyPassword: 'abcd-efgh-ijkl-mnop',
};

const graphemes = (t: string) => [...new Intl.Segmenter('th', { granularity: 'grapheme' }).segment(t)].length;
const bearer = (s: Seen) => /^Bearer (.+)$/.exec(String(s.headers.authorization ?? ''))?.[1];

/** A webhook receiver that verifies the signature and dedupes on X-Khao-Delivery, as a receiver should. */
export class FakeWebhook extends FakePlatform {
  readonly deliveries = new Map<string, Record<string, unknown>>();
  protected isCreate(s: Seen) {
    return s.method === 'POST';
  }
  protected handle(s: Seen): Reply {
    const sig = /^t=(\d+),v1=([0-9a-f]{64})$/.exec(String(s.headers['x-khao-signature'] ?? ''));
    if (!sig) return this.violation('no X-Khao-Signature', { status: 400, body: { error: 'bad signature' } });
    const expected = createHmac('sha256', SECRETS.webhook).update(`${sig[1]}.${s.raw}`).digest();
    if (!timingSafeEqual(expected, Buffer.from(sig[2], 'hex'))) {
      return this.violation('signature mismatch', { status: 401, body: { error: 'bad signature' } });
    }
    if (Math.abs(Date.now() / 1000 - Number(sig[1])) > 300) return this.violation('stale timestamp', { status: 400 });
    const id = String(s.headers['x-khao-delivery'] ?? '');
    if (!id || s.body.deliveryId !== id) return this.violation('delivery id missing', { status: 400 });
    if (!this.deliveries.has(id)) this.deliveries.set(id, s.body);
    return { status: 200, body: { id: `wh-${id}`, url: `https://hooks.example.org/d/${encodeURIComponent(id)}` } };
  }
  /** Unique deliveries of published stories for one story. */
  published(storyId: string) {
    return [...this.deliveries.values()].filter((d) => d.storyId === storyId && d.event === 'story.published');
  }
}

export const PAGE_ID = '104827365512345';

export class FakeFacebook extends FakePlatform {
  readonly posts = new Map<string, { message: string; link: string }>();
  readonly deleted: string[] = [];
  private n = 0;
  protected isCreate(s: Seen) {
    return s.method === 'POST' && s.path.endsWith('/feed');
  }
  protected handle(s: Seen): Reply {
    // Graph's documented way: the `access_token` parameter (form body of a POST, query of a GET or DELETE).
    if (s.headers.authorization !== undefined) {
      return this.violation('the token must be the access_token parameter, not an Authorization header', {
        status: 400,
        body: fbError(104, 'An access token is required to request this resource.', 400).body,
      });
    }
    const token = s.method === 'POST' ? s.body.access_token : s.query.get('access_token');
    if (s.method === 'POST' && s.query.has('access_token'))
      this.violation('POST with the token in the URL', { status: 200 });
    if (token === undefined || token === null) {
      return this.violation(
        `${s.method} ${s.path} without access_token`,
        fbError(104, 'An access token is required to request this resource.', 400),
      );
    }
    if (token !== SECRETS.facebook) return fbError(190, 'Invalid OAuth access token - Cannot parse access token', 400);
    if (s.method === 'POST' && s.path === `/${PAGE_ID}/feed`) {
      if (!s.headers['content-type']?.startsWith('application/x-www-form-urlencoded')) {
        return this.violation('feed post not form-encoded', fbError(100, 'Invalid parameter', 400));
      }
      if (
        typeof s.body.message !== 'string' ||
        typeof s.body.link !== 'string' ||
        !/^https?:\/\/[\x21-\x7e]+$/.test(s.body.link)
      ) {
        return this.violation('feed post needs message and an encoded link', fbError(100, 'Invalid parameter', 400));
      }
      const id = `${PAGE_ID}_${++this.n}`;
      this.posts.set(id, { message: s.body.message, link: s.body.link });
      return { status: 200, body: { id } };
    }
    if (s.method === 'GET' && s.path === `/${PAGE_ID}`) {
      return { status: 200, body: { id: PAGE_ID, name: 'ข่าว Khao' } };
    }
    if (s.method === 'GET' && s.path === `/${PAGE_ID}/feed`) {
      const data = [...this.posts].reverse().map(([id, p]) => ({ id, ...p, created_time: new Date().toISOString() }));
      return { status: 200, body: { data, paging: {} } };
    }
    const one = /^\/(\d+_\d+)$/.exec(s.path);
    if (one && s.method === 'DELETE') {
      if (!this.posts.delete(one[1])) return fbError(100, 'Object with ID does not exist', 400);
      this.deleted.push(one[1]);
      return { status: 200, body: { success: true } };
    }
    if (one && s.method === 'POST') {
      const p = this.posts.get(one[1]);
      if (!p || typeof s.body.message !== 'string') return fbError(100, 'Invalid parameter', 400);
      p.message = s.body.message;
      return { status: 200, body: { success: true } };
    }
    return this.violation(`unexpected ${s.method} ${s.path}`, fbError(803, 'Unknown path components', 400));
  }
  byLink(link: string) {
    return [...this.posts.values()].filter((p) => p.link === link);
  }
}

export function fbError(code: number, message: string, status: number): Reply {
  return {
    status,
    body: {
      error: {
        message,
        type: code === 190 || code === 104 ? 'OAuthException' : 'GraphMethodException',
        code,
        fbtrace_id: 'AQx1fakeTrace',
      },
    },
  };
}

export const X_USER = '1577000000000000001';

export class FakeX extends FakePlatform {
  readonly tweets = new Map<string, string>();
  /** Creates refused as duplicates: X's own guard. A sender that never re-sends blindly leaves this at 0. */
  duplicatesRefused = 0;
  readonly deleted: string[] = [];
  private n = 1_860_000_000_000_000_000n;
  protected isCreate(s: Seen) {
    return s.method === 'POST' && s.path === '/2/tweets';
  }
  protected handle(s: Seen): Reply {
    if (bearer(s) !== SECRETS.x) return X_ERRORS.unauthorized;
    if (s.method === 'POST' && s.path === '/2/tweets') {
      const text = s.body.text;
      if (typeof text !== 'string' || Object.keys(s.body).length !== 1) {
        return this.violation('tweet body must be { text }', {
          status: 400,
          body: { title: 'Invalid Request', status: 400 },
        });
      }
      const parsed = twitter.parseTweet(text);
      if (!parsed.valid) {
        return this.violation(`tweet too long (${parsed.weightedLength})`, {
          status: 403,
          body: { detail: 'Your Tweet text is too long.', type: 'about:blank', title: 'Forbidden', status: 403 },
        });
      }
      if ([...this.tweets.values()].includes(text)) {
        this.duplicatesRefused++;
        return X_ERRORS.duplicate;
      }
      const id = String(++this.n);
      this.tweets.set(id, text);
      return { status: 201, body: { data: { id, text, edit_history_tweet_ids: [id] } } };
    }
    if (s.method === 'GET' && s.path === '/2/users/me') {
      return { status: 200, body: { data: { id: X_USER, name: 'ข่าว Khao', username: 'khaonews' } } };
    }
    if (s.method === 'GET' && s.path === `/2/users/${X_USER}/tweets`) {
      const data = [...this.tweets].reverse().map(([id, text]) => ({
        id,
        text: text.replace(/https?:\/\/\S+/g, 'https://t.co/AbCdEf1234'),
        entities: {
          urls: [...text.matchAll(/https?:\/\/\S+/g)].map((m) => ({
            url: 'https://t.co/AbCdEf1234',
            expanded_url: m[0],
          })),
        },
      }));
      return { status: 200, body: { data, meta: { result_count: data.length } } };
    }
    const one = /^\/2\/tweets\/(\d+)$/.exec(s.path);
    if (one && s.method === 'DELETE') {
      this.deleted.push(one[1]);
      return { status: 200, body: { data: { deleted: this.tweets.delete(one[1]) } } };
    }
    return this.violation(`unexpected ${s.method} ${s.path}`, {
      status: 404,
      body: { title: 'Not Found Error', status: 404 },
    });
  }
  containing(url: string) {
    return [...this.tweets.values()].filter((t) => t.includes(url));
  }
}

export const X_ERRORS = {
  unauthorized: {
    status: 401,
    body: { title: 'Unauthorized', type: 'about:blank', status: 401, detail: 'Unauthorized' },
  },
  duplicate: {
    status: 403,
    body: {
      detail: 'You are not allowed to create a Tweet with duplicate content.',
      type: 'about:blank',
      title: 'Forbidden',
      status: 403,
    },
  },
  tooMany: (resetInSeconds: number): Reply => ({
    status: 429,
    headers: {
      'x-rate-limit-limit': '100',
      'x-rate-limit-remaining': '0',
      'x-rate-limit-reset': String(Math.ceil(Date.now() / 1000) + resetInSeconds),
    },
    body: { title: 'Too Many Requests', detail: 'Too Many Requests', type: 'about:blank', status: 429 },
  }),
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export interface LineMessage {
  type: string;
  text?: string;
  originalContentUrl?: string;
  previewImageUrl?: string;
}

export class FakeLine extends FakePlatform {
  /** Accepted broadcasts and pushes by retry key. */
  readonly accepted = new Map<string, { requestId: string; mode: string; to?: string; messages: LineMessage[] }>();
  protected isCreate(s: Seen) {
    return s.method === 'POST' && /^\/v2\/bot\/message\/(broadcast|push)$/.test(s.path);
  }
  protected handle(s: Seen): Reply {
    if (bearer(s) !== SECRETS.line) return LINE_ERRORS.unauthorized;
    if (s.method === 'GET' && s.path === '/v2/bot/info') {
      return {
        status: 200,
        body: { userId: `U${'0'.repeat(32)}`, basicId: '@khaonews', displayName: 'ข่าว Khao', chatMode: 'bot' },
      };
    }
    if (!this.isCreate(s))
      return this.violation(`unexpected ${s.method} ${s.path}`, { status: 404, body: { message: 'Not found' } });
    const key = String(s.headers['x-line-retry-key'] ?? '');
    if (!UUID.test(key))
      return this.violation('X-Line-Retry-Key must be a UUID', {
        status: 400,
        body: { message: "The value for the 'X-Line-Retry-Key' header is invalid" },
      });
    const mode = s.path.endsWith('/push') ? 'push' : 'broadcast';
    const to = s.body.to;
    if (mode === 'push' && (typeof to !== 'string' || !/^[UCR][0-9a-f]{32}$/.test(to))) {
      return this.violation('push needs a user, group or room id in `to`', {
        status: 400,
        body: { message: "The property, 'to', in the request body is invalid (line:-, column:-)" },
      });
    }
    const allowed = mode === 'push' ? ['to', 'messages', 'notificationDisabled'] : ['messages', 'notificationDisabled'];
    const unknown = Object.keys(s.body).filter((k) => !allowed.includes(k));
    if (unknown.length) {
      return this.violation(`${mode} body has ${unknown.join(', ')}`, {
        status: 400,
        body: { message: `The property, '${unknown[0]}', in the request body is invalid (line:-, column:-)` },
      });
    }
    const messages = s.body.messages as LineMessage[] | undefined;
    if (
      !Array.isArray(messages) ||
      messages.length < 1 ||
      messages.length > 5 ||
      messages.some((m) => m.type === 'text' && (m.text ?? '').length > 5000)
    ) {
      return this.violation('messages', { status: 400, body: { message: 'The request body has 1 error(s)' } });
    }
    // Image messages: both URLs https and at most 2000 characters (LINE fetches them later, so only their form counts).
    const bad = messages.findIndex(
      (m) =>
        !['text', 'image'].includes(m.type) ||
        (m.type === 'image' &&
          [m.originalContentUrl, m.previewImageUrl].some(
            (u) => typeof u !== 'string' || !/^https:\/\/[\x21-\x7e]+$/.test(u) || u.length > 2000,
          )),
    );
    if (bad >= 0) {
      return this.violation(`messages[${bad}] ${JSON.stringify(messages[bad]).slice(0, 200)}`, {
        status: 400,
        body: { message: `A message (messages[${bad}]) in the request body is invalid.` },
      });
    }
    const prior = this.accepted.get(key);
    if (prior) {
      return {
        status: 409,
        headers: { 'x-line-request-id': randomUUID(), 'x-line-accepted-request-id': prior.requestId },
        body: { message: 'The retry key is already accepted', sentMessages: [] },
      };
    }
    const requestId = randomUUID();
    this.accepted.set(key, { requestId, mode, ...(mode === 'push' ? { to: String(to) } : {}), messages });
    return { status: 200, headers: { 'x-line-request-id': requestId }, body: {} };
  }
  texts() {
    return [...this.accepted.values()].map((a) => a.messages.find((m) => m.type === 'text')?.text ?? '');
  }
  /** The accepted requests whose text contains `needle`. */
  containing(needle: string) {
    return [...this.accepted.values()].filter((a) => a.messages.some((m) => m.text?.includes(needle)));
  }
}

export const LINE_ERRORS = {
  unauthorized: {
    status: 401,
    body: { message: 'Authentication failed. Confirm that the access token in the authorization header is valid.' },
  },
  monthlyLimit: { status: 429, body: { message: 'You have reached your monthly limit.' } },
  rateLimit: { status: 429, body: { message: 'The API rate limit has been exceeded. Try again later.' } },
};

export class FakeMastodon extends FakePlatform {
  readonly statuses = new Map<string, { status: string; language: string }>();
  readonly byKey = new Map<string, string>();
  readonly deleted: string[] = [];
  readonly edits: string[] = [];
  private n = 110_000_000_000_000_000n;
  constructor(private readonly limit = 500) {
    super();
  }
  protected isCreate(s: Seen) {
    return s.method === 'POST' && s.path === '/api/v1/statuses';
  }
  protected handle(s: Seen): Reply {
    if (bearer(s) !== SECRETS.mastodon) return { status: 401, body: { error: 'The access token is invalid' } };
    if (s.method === 'GET' && s.path === '/api/v1/accounts/verify_credentials') {
      return {
        status: 200,
        body: { id: '109000000000000001', username: 'khao', acct: 'khao', display_name: 'ข่าว Khao' },
      };
    }
    const status = s.body.status;
    const length = (t: string) => graphemes(t.replace(/https?:\/\/\S+/g, 'x'.repeat(23)));
    if (this.isCreate(s)) {
      const key = String(s.headers['idempotency-key'] ?? '');
      if (!key) this.violation('no Idempotency-Key', { status: 200 });
      const existing = this.byKey.get(key);
      if (existing) return { status: 200, body: this.render(existing) };
      if (typeof status !== 'string')
        return this.violation('status missing', {
          status: 422,
          body: { error: "Validation failed: Text can't be blank" },
        });
      if (length(status) > this.limit)
        return { status: 422, body: { error: `Validation failed: Text character limit of ${this.limit} exceeded` } };
      const id = String(++this.n);
      this.statuses.set(id, { status, language: String(s.body.language) });
      this.byKey.set(key, id);
      return { status: 200, body: this.render(id) };
    }
    const one = /^\/api\/v1\/statuses\/(\d+)$/.exec(s.path);
    if (one && s.method === 'DELETE') {
      if (!this.statuses.has(one[1])) return { status: 404, body: { error: 'Record not found' } };
      this.deleted.push(one[1]);
      const body = this.render(one[1]);
      this.statuses.delete(one[1]);
      return { status: 200, body };
    }
    if (one && s.method === 'PUT') {
      const st = this.statuses.get(one[1]);
      if (!st || typeof status !== 'string') return { status: 404, body: { error: 'Record not found' } };
      st.status = status;
      this.edits.push(one[1]);
      return { status: 200, body: this.render(one[1]) };
    }
    return this.violation(`unexpected ${s.method} ${s.path}`, { status: 404, body: { error: 'Record not found' } });
  }
  private render(id: string) {
    const st = this.statuses.get(id)!;
    return {
      id,
      url: `${this.url}/@khao/${id}`,
      content: `<p>${st.status}</p>`,
      language: st.language,
      visibility: 'public',
    };
  }
}

export const TELEGRAM_CHAT = '@khaonews';

export class FakeTelegram extends FakePlatform {
  readonly messages = new Map<number, { text?: string; caption?: string; photo?: string; photoBytes?: Buffer }>();
  readonly deleted: number[] = [];
  readonly edits: number[] = [];
  private n = 4000;
  protected isCreate(s: Seen) {
    return /\/(sendMessage|sendPhoto)$/.test(s.path);
  }
  protected async handle(s: Seen): Promise<Reply> {
    const m = /^\/bot([^/]+)\/(\w+)$/.exec(s.path);
    if (!m || m[1] !== SECRETS.telegram) return TELEGRAM_ERRORS.unauthorized;
    if (s.method !== 'POST' || !s.headers['content-type']?.startsWith('application/json')) {
      return this.violation('Bot API calls must be JSON POSTs', {
        status: 400,
        body: { ok: false, error_code: 400, description: 'Bad Request' },
      });
    }
    if (m[2] === 'getMe') {
      return { status: 200, body: { ok: true, result: { id: 7000000001, is_bot: true, username: 'khao_news_bot' } } };
    }
    if (s.body.chat_id !== TELEGRAM_CHAT)
      return { status: 400, body: { ok: false, error_code: 400, description: 'Bad Request: chat not found' } };
    const chat = { id: -1001234567890, title: 'ข่าว Khao', username: 'khaonews', type: 'channel' };
    if (m[2] === 'getChat') return { status: 200, body: { ok: true, result: chat } };
    switch (m[2]) {
      case 'sendMessage': {
        const text = typeof s.body.text === 'string' ? s.body.text : '';
        if (!text || text.length > 4096)
          return { status: 400, body: { ok: false, error_code: 400, description: 'Bad Request: message is too long' } };
        const id = ++this.n;
        this.messages.set(id, { text });
        return {
          status: 200,
          body: { ok: true, result: { message_id: id, chat, date: Math.floor(Date.now() / 1000), text } },
        };
      }
      case 'sendPhoto': {
        const caption = typeof s.body.caption === 'string' ? s.body.caption : '';
        if (caption.length > 1024)
          return {
            status: 400,
            body: { ok: false, error_code: 400, description: 'Bad Request: message caption is too long' },
          };
        const photo = await fetchPhoto(s.body.photo);
        if (typeof photo === 'string') return { status: 400, body: { ok: false, error_code: 400, description: photo } };
        const id = ++this.n;
        this.messages.set(id, { caption, photo: String(s.body.photo), photoBytes: photo });
        return { status: 200, body: { ok: true, result: { message_id: id, chat, date: 0, caption } } };
      }
      case 'deleteMessage': {
        const id = Number(s.body.message_id);
        if (!this.messages.delete(id))
          return {
            status: 400,
            body: { ok: false, error_code: 400, description: 'Bad Request: message to delete not found' },
          };
        this.deleted.push(id);
        return { status: 200, body: { ok: true, result: true } };
      }
      case 'editMessageText': {
        const id = Number(s.body.message_id);
        const msg = this.messages.get(id);
        if (!msg)
          return {
            status: 400,
            body: { ok: false, error_code: 400, description: 'Bad Request: message to edit not found' },
          };
        if (msg.text === s.body.text)
          return {
            status: 400,
            body: {
              ok: false,
              error_code: 400,
              description:
                'Bad Request: message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message',
            },
          };
        msg.text = String(s.body.text);
        this.edits.push(id);
        return { status: 200, body: { ok: true, result: { message_id: id, chat, text: msg.text } } };
      }
      default:
        return this.violation(`unexpected method ${m[2]}`, {
          status: 404,
          body: { ok: false, error_code: 404, description: 'Not Found' },
        });
    }
  }
}

/** What the Bot API does with a `photo` URL: downloads it (up to 5 MB) and takes JPEG, PNG or WebP; else a 400. */
async function fetchPhoto(url: unknown): Promise<Buffer | string> {
  if (typeof url !== 'string' || !/^https?:\/\//.test(url))
    return 'Bad Request: wrong file identifier/HTTP URL specified';
  let res: Response;
  try {
    res = await fetch(url, { signal: AbortSignal.timeout(5000) });
  } catch {
    return 'Bad Request: failed to get HTTP URL content';
  }
  if (!res.ok) return 'Bad Request: failed to get HTTP URL content';
  const bytes = Buffer.from(await res.arrayBuffer());
  if (bytes.length > 5 * 1024 * 1024 || !imageType(bytes)) return 'Bad Request: wrong type of the web page content';
  return bytes;
}

/** The image type by magic bytes (what a platform trusts, not the declared type). */
export function imageType(b: Buffer): string | null {
  if (b.length > 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return 'image/jpeg';
  if (b.length > 8 && b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])))
    return 'image/png';
  if (b.length > 12 && b.toString('latin1', 0, 4) === 'RIFF' && b.toString('latin1', 8, 12) === 'WEBP')
    return 'image/webp';
  return null;
}

export const TELEGRAM_ERRORS = {
  unauthorized: { status: 401, body: { ok: false, error_code: 401, description: 'Unauthorized' } },
  tooMany: (seconds: number): Reply => ({
    status: 429,
    body: {
      ok: false,
      error_code: 429,
      description: `Too Many Requests: retry after ${seconds}`,
      parameters: { retry_after: seconds },
    },
  }),
};

export const BSKY = {
  did: 'did:plc:khao7testaccount0000000',
  handle: 'khao.bsky.social',
  identifier: 'khao.bsky.social',
};

export interface BlobRef {
  $type: 'blob';
  ref: { $link: string };
  mimeType: string;
  size: number;
}

/** `app.bsky.embed.external#external.thumb` accepts image/* up to this many bytes. */
export const BSKY_THUMB_MAX = 1_000_000;

export class FakeBluesky extends FakePlatform {
  readonly records = new Map<string, Record<string, unknown>>();
  /** Uploaded blobs by CID, with the token that uploaded them. */
  readonly blobs = new Map<string, { bytes: Buffer; mimeType: string; token: string }>();
  readonly deleted: string[] = [];
  private session = 0;
  private validAccess = new Set<string>();
  private validRefresh = new Set<string>();
  protected isCreate(s: Seen) {
    return s.path === '/xrpc/com.atproto.repo.createRecord';
  }
  /** Makes every access token issued so far expire (the next call gets ExpiredToken). */
  expireAccessTokens(): void {
    this.validAccess.clear();
  }
  protected handle(s: Seen): Reply {
    switch (s.path) {
      case '/xrpc/com.atproto.server.createSession': {
        if (s.body.identifier !== BSKY.identifier || s.body.password !== SECRETS.blueskyPassword) {
          return { status: 401, body: { error: 'AuthenticationRequired', message: 'Invalid identifier or password' } };
        }
        return { status: 200, body: this.newSession() };
      }
      case '/xrpc/com.atproto.server.refreshSession': {
        const t = bearer(s) ?? '';
        if (!this.validRefresh.delete(t))
          return { status: 400, body: { error: 'ExpiredToken', message: 'Token has been revoked' } };
        return { status: 200, body: this.newSession() };
      }
    }
    const token = bearer(s) ?? '';
    if (!this.validAccess.has(token))
      return { status: 400, body: { error: 'ExpiredToken', message: 'Token has expired' } };
    switch (s.path) {
      case '/xrpc/com.atproto.repo.uploadBlob': {
        const declared = String(s.headers['content-type'] ?? '');
        const sniffed = imageType(s.bytes);
        if (s.method !== 'POST' || !s.bytes.length || !sniffed || declared !== sniffed) {
          return this.violation(`uploadBlob of ${s.bytes.length} bytes declared '${declared}', is ${sniffed}`, {
            status: 400,
            body: { error: 'InvalidRequest', message: 'Invalid blob' },
          });
        }
        if (s.bytes.length > 50_000_000)
          return { status: 413, body: { error: 'PayloadTooLarge', message: 'request entity too large' } };
        const cid = blobCid(s.bytes);
        this.blobs.set(cid, { bytes: s.bytes, mimeType: declared, token });
        const blob: BlobRef = { $type: 'blob', ref: { $link: cid }, mimeType: declared, size: s.bytes.length };
        return { status: 200, body: { blob } };
      }
      case '/xrpc/com.atproto.repo.createRecord': {
        const b = s.body as { repo?: string; collection?: string; rkey?: string; record?: Record<string, unknown> };
        const rec = b.record ?? {};
        const problems = this.checkRecord(b, rec);
        if (problems)
          return this.violation(problems, { status: 400, body: { error: 'InvalidRequest', message: problems } });
        if (this.records.has(b.rkey!))
          return { status: 400, body: { error: 'InvalidRequest', message: 'Record already exists' } };
        this.records.set(b.rkey!, rec);
        return {
          status: 200,
          body: {
            uri: `at://${BSKY.did}/app.bsky.feed.post/${b.rkey}`,
            cid: 'bafyreifakecid',
            validationStatus: 'valid',
          },
        };
      }
      case '/xrpc/com.atproto.repo.getRecord': {
        const rkey = s.query.get('rkey') ?? '';
        const rec = this.records.get(rkey);
        if (!rec || s.query.get('repo') !== BSKY.did) {
          return {
            status: 400,
            body: {
              error: 'RecordNotFound',
              message: `Could not locate record: at://${BSKY.did}/app.bsky.feed.post/${rkey}`,
            },
          };
        }
        return {
          status: 200,
          body: { uri: `at://${BSKY.did}/app.bsky.feed.post/${rkey}`, cid: 'bafyreifakecid', value: rec },
        };
      }
      case '/xrpc/com.atproto.repo.deleteRecord': {
        const rkey = String(s.body.rkey);
        if (this.records.delete(rkey)) this.deleted.push(rkey);
        return { status: 200, body: {} };
      }
    }
    return this.violation(`unexpected ${s.path}`, {
      status: 501,
      body: { error: 'MethodNotImplemented', message: 'Method Not Implemented' },
    });
  }
  get sessions(): number {
    return this.session;
  }
  private newSession() {
    const n = ++this.session;
    const accessJwt = `access-${n}-${randomUUID()}`;
    const refreshJwt = `refresh-${n}-${randomUUID()}`;
    this.validAccess.add(accessJwt);
    this.validRefresh.add(refreshJwt);
    return { did: BSKY.did, handle: BSKY.handle, accessJwt, refreshJwt, active: true };
  }
  private checkRecord(
    b: { repo?: string; collection?: string; rkey?: string },
    rec: Record<string, unknown>,
  ): string | null {
    if (b.repo !== BSKY.did) return 'repo must be the session did';
    if (b.collection !== 'app.bsky.feed.post' || rec.$type !== 'app.bsky.feed.post') return 'collection/$type';
    if (!/^[234567abcdefghij][234567abcdefghijklmnopqrstuvwxyz]{12}$/.test(b.rkey ?? '')) return 'rkey must be a TID';
    const text = typeof rec.text === 'string' ? rec.text : '';
    if (graphemes(text) > 300) return 'Record/text must not be longer than 300 graphemes';
    if (Number.isNaN(Date.parse(String(rec.createdAt)))) return 'createdAt';
    const buf = Buffer.from(text, 'utf8');
    for (const f of (rec.facets ?? []) as {
      index: { byteStart: number; byteEnd: number };
      features: { $type: string; uri?: string; tag?: string }[];
    }[]) {
      if (f.index.byteEnd > buf.length || f.index.byteStart >= f.index.byteEnd) return 'facet out of range';
      const slice = buf.subarray(f.index.byteStart, f.index.byteEnd).toString('utf8');
      const feat = f.features[0];
      if (feat.$type === 'app.bsky.richtext.facet#link' && decodeURI(feat.uri ?? '') !== slice)
        return `link facet covers '${slice}'`;
      if (feat.$type === 'app.bsky.richtext.facet#tag' && `#${feat.tag}` !== slice)
        return `tag facet covers '${slice}'`;
    }
    const embed = rec.embed as
      { $type?: string; external?: { uri?: string; title?: string; thumb?: Partial<BlobRef> } } | undefined;
    if (embed?.$type !== 'app.bsky.embed.external' || !embed.external?.uri || typeof embed.external.title !== 'string')
      return 'embed.external';
    const thumb = embed.external.thumb;
    if (thumb !== undefined) {
      const blob = this.blobs.get(thumb.ref?.$link ?? '');
      if (thumb.$type !== 'blob' || !blob || thumb.mimeType !== blob.mimeType || thumb.size !== blob.bytes.length)
        return 'embed.external.thumb must be the blob ref uploadBlob returned';
      if (!thumb.mimeType.startsWith('image/')) return 'Record/embed/external/thumb mimeType must be image/*';
      if (thumb.size > BSKY_THUMB_MAX)
        return `Record/embed/external/thumb file too large: ${thumb.size} bytes, the maximum is ${BSKY_THUMB_MAX}`;
    }
    return null;
  }
}

/** A CIDv1 (raw codec, sha2-256) in base32, as the PDS names a blob: `bafkrei…`. */
function blobCid(bytes: Buffer): string {
  const mh = Buffer.concat([Buffer.from([0x01, 0x55, 0x12, 0x20]), createHash('sha256').update(bytes).digest()]);
  const A = 'abcdefghijklmnopqrstuvwxyz234567';
  let out = 'b';
  let bits = 0;
  let value = 0;
  for (const byte of mh) {
    value = ((value << 8) | byte) & 0xffff;
    bits += 8;
    while (bits >= 5) {
      out += A[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += A[(value << (5 - bits)) & 31];
  return out;
}

export interface Fakes {
  webhook: FakeWebhook;
  facebook: FakeFacebook;
  x: FakeX;
  line: FakeLine;
  mastodon: FakeMastodon;
  telegram: FakeTelegram;
  bluesky: FakeBluesky;
}

export async function startFakes(): Promise<Fakes> {
  const f: Fakes = {
    webhook: new FakeWebhook(),
    facebook: new FakeFacebook(),
    x: new FakeX(),
    line: new FakeLine(),
    mastodon: new FakeMastodon(),
    telegram: new FakeTelegram(),
    bluesky: new FakeBluesky(),
  };
  await Promise.all(allFakes(f).map((s) => s.start()));
  return f;
}

export async function stopFakes(f: Fakes | undefined): Promise<void> {
  if (f) await Promise.all(allFakes(f).map((s) => s.stop()));
}

/** The social service's environment pointing every platform at its fake. */
export function socialEnv(f: Fakes, extra: Record<string, string> = {}): Record<string, string> {
  return {
    SOCIAL_FACEBOOK_URL: f.facebook.url,
    SOCIAL_X_URL: f.x.url,
    SOCIAL_LINE_URL: f.line.url,
    SOCIAL_TELEGRAM_URL: f.telegram.url,
    SOCIAL_BLUESKY_URL: f.bluesky.url,
    SOCIAL_HTTP_TIMEOUT_MS: '1000',
    SOCIAL_BACKOFF_MS: '200,400',
    SOCIAL_RECONCILE_DELAY_MS: '300',
    SOCIAL_SWEEP_MS: '500',
    ...extra,
  };
}

/** Channel inputs for every type, in one language. */
export function channelInputs(f: Fakes, language: 'th' | 'en') {
  const tag = language === 'th' ? ['ข่าวชุมชน', 'พอช'] : ['CODI'];
  const common = { language, hashtags: tag };
  return {
    webhook: {
      ...common,
      type: 'webhook',
      name: `Webhook ${language}`,
      options: { url: `${f.webhook.url}/hooks/khao` },
      credentials: { secret: SECRETS.webhook },
    },
    facebook_page: {
      ...common,
      type: 'facebook_page',
      name: `Facebook ${language}`,
      options: { pageId: PAGE_ID },
      credentials: { pageAccessToken: SECRETS.facebook },
    },
    x: { ...common, type: 'x', name: `X ${language}`, options: {}, credentials: { accessToken: SECRETS.x } },
    line_oa: {
      ...common,
      type: 'line_oa',
      name: `LINE ${language}`,
      options: { mode: 'broadcast' },
      credentials: { channelAccessToken: SECRETS.line },
    },
    mastodon: {
      ...common,
      type: 'mastodon',
      name: `Mastodon ${language}`,
      options: { instanceUrl: f.mastodon.url },
      credentials: { accessToken: SECRETS.mastodon },
    },
    telegram: {
      ...common,
      type: 'telegram',
      name: `Telegram ${language}`,
      options: { chatId: TELEGRAM_CHAT },
      credentials: { botToken: SECRETS.telegram },
    },
    bluesky: {
      ...common,
      type: 'bluesky',
      name: `Bluesky ${language}`,
      options: {},
      credentials: { identifier: BSKY.identifier, appPassword: SECRETS.blueskyPassword },
    },
  };
}

export function allFakes(f: Fakes): FakePlatform[] {
  return [f.webhook, f.facebook, f.x, f.line, f.mastodon, f.telegram, f.bluesky];
}

/** Every channel type, sorted. */
export const ALL_TYPES = ['bluesky', 'facebook_page', 'line_oa', 'mastodon', 'telegram', 'webhook', 'x'];
