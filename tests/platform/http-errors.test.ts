import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestPlatform } from '@khao/testing';

// Bad input of each kind gets a clear 4xx in the contract's JSON shape, never a 500.
const platform = new TestPlatform({ services: ['articles'], env: { gateway: { HTTP_BODY_LIMIT: '65536' } } });
let token: string;

beforeAll(async () => {
  await platform.start();
  token = await platform.adminToken();
});
afterAll(() => platform.stop());

function expectError(res: { status: number; body: unknown }, status: number, message: RegExp) {
  expect(res.status).toBe(status);
  expect(res.body).toMatchObject({
    statusCode: status,
    error: expect.any(String),
    message: expect.stringMatching(message),
  });
}

describe('HTTP errors', () => {
  it('malformed JSON → 400', async () => {
    const res = await platform.http('POST', '/api/v1/articles', {
      token,
      rawBody: '{"sourceLanguage": "th",',
      headers: { 'content-type': 'application/json' },
    });
    expectError(res, 400, /JSON/);
  });

  it('unknown fields, wrong types and an unknown language → 400 naming each', async () => {
    const res = await platform.http('POST', '/api/v1/articles', {
      token,
      body: { sourceLanguage: 'fr', version: { title: 42 }, colour: 'red' },
    });
    expectError(res, 400, /sourceLanguage/);
    const msg = (res.body as { message: string }).message;
    expect(msg).toContain('version.title');
    expect(msg).toContain("unknown field(s) 'colour'");
  });

  it('an invalid id → 400, an unknown one → 404', async () => {
    expectError(
      await platform.http('GET', '/api/v1/articles/not-an-id', { token }),
      400,
      /^id: must be a 24-character/,
    );
    expectError(await platform.http('GET', '/api/v1/articles/0123456789abcdef01234567', { token }), 404, /no story/);
  });

  it('a body over the limit → 413, a non-JSON content type → 415', async () => {
    const big = { sourceLanguage: 'th', version: { title: 'ข่าว', body: 'ก'.repeat(70_000) } };
    expectError(await platform.http('POST', '/api/v1/articles', { token, body: big }), 413, /larger/);
    const plain = await platform.http('POST', '/api/v1/articles', {
      token,
      rawBody: 'hello',
      headers: { 'content-type': 'text/plain' },
    });
    expectError(plain, 415, /Content-Type/);
  });

  it('no token → 401, a forged token → 401, an unknown route → 404', async () => {
    expectError(await platform.http('GET', '/api/v1/articles/0123456789abcdef01234567'), 401, /log in/);
    expectError(
      await platform.http('GET', '/api/v1/articles/0123456789abcdef01234567', { token: `${token}x` }),
      401,
      /invalid/,
    );
    expectError(await platform.http('GET', '/api/v1/nothing-here', { token }), 404, /Cannot GET/);
  });

  it('wrong password → 401 without saying which part was wrong', async () => {
    const res = await platform.http('POST', '/api/v1/auth/login', {
      body: { email: 'admin@khao.test', password: 'wrong' },
    });
    expectError(res, 401, /^e-mail or password is wrong$/);
    const unknown = await platform.http('POST', '/api/v1/auth/login', {
      body: { email: 'nobody@khao.test', password: 'wrong' },
    });
    expectError(unknown, 401, /^e-mail or password is wrong$/);
  });

  it('a service that is down → 503 with a readable message', async () => {
    await platform.proc('articles').stop();
    const res = await platform.http('GET', '/api/v1/articles/0123456789abcdef01234567', { token });
    expectError(res, 503, /articles service is not running/);
    await platform.restart('articles');
    expect((await platform.http('GET', '/api/v1/articles/0123456789abcdef01234567', { token })).status).toBe(404);
  });
});
