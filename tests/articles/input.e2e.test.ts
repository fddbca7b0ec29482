import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_ADMIN, TestPlatform } from '@khao/testing';
import { createStory, thaiStory } from './helpers.js';

// Bad input of each kind gets the right 4xx with a readable message, never a 500.
const platform = new TestPlatform({
  services: ['articles'],
  env: { gateway: { LOGIN_MAX_FAILURES: '3', LOGIN_WINDOW_SECONDS: '60' }, articles: { LANGUAGES: 'th' } },
});
let token: string;

beforeAll(async () => {
  await platform.start();
  token = await platform.adminToken();
});
afterAll(() => platform.stop());

const message = (res: { body: unknown }) => (res.body as { message: string }).message;

describe('bad input on the articles API', () => {
  it('unknown fields and wrong types name the field', async () => {
    const res = await platform.http('POST', '/api/v1/articles', {
      token,
      body: thaiStory({ tags: 'น้ำท่วม', colour: 'red', galleryMediaIds: ['nope'] }),
    });
    expect(res.status).toBe(400);
    expect(message(res)).toContain('tags: Invalid input: expected array, received string');
    expect(message(res)).toContain("unknown field(s) 'colour'");
    expect(message(res)).toContain('galleryMediaIds.0: must be a 24-character hexadecimal id');
  });

  it('dates: malformed, and an end before the start', async () => {
    const bad = await platform.http('POST', '/api/v1/articles', {
      token,
      body: thaiStory({ eventDate: { start: '10/04/2560' } }),
    });
    expect(bad.status).toBe(400);
    expect(message(bad)).toContain('eventDate.start: must be an ISO 8601 date-time');
    const backwards = await platform.http('POST', '/api/v1/articles', {
      token,
      body: thaiStory({ eventDate: { start: '2017-04-11T09:00:00+07:00', end: '2017-04-10T09:00:00+07:00' } }),
    });
    expect(message(backwards)).toBe('eventDate.end: end must not be before start');
  });

  it('an unknown language, and one not configured here', async () => {
    const s = await createStory(platform, token);
    const fr = await platform.http('PUT', `/api/v1/articles/${s.id}/versions/fr`, {
      token,
      body: { title: 'Bonjour' },
    });
    expect(fr.status).toBe(400);
    expect(message(fr)).toBe("lang: must be 'th' or 'en'");
    const en = await platform.http('PUT', `/api/v1/articles/${s.id}/versions/en`, { token, body: { title: 'Hello' } });
    expect(en.status).toBe(400);
    expect(message(en)).toBe("language 'en' is not configured here (configured: th)");
  });

  it('an oversize version body: over the field limit 400, over the request limit 413', async () => {
    const long = await platform.http('POST', '/api/v1/articles', {
      token,
      body: thaiStory({ version: { title: 'ยาว', body: 'a'.repeat(500_001) } }),
    });
    expect(long.status).toBe(400);
    expect(message(long)).toContain('version.body: must be at most 500000 characters');
    const huge = await platform.http('POST', '/api/v1/articles', {
      token,
      body: thaiStory({ version: { title: 'ใหญ่', body: 'ก'.repeat(400_000) } }),
    });
    expect(huge.status).toBe(413);
  });

  it('an empty PATCH, a bad If-Match, a bad revision and a transition from the wrong state', async () => {
    const s = await createStory(platform, token);
    const empty = await platform.http('PATCH', `/api/v1/articles/${s.id}`, { token, body: {} });
    expect(message(empty)).toBe('body: send at least one field to change');
    const match = await platform.http('PATCH', `/api/v1/articles/${s.id}`, {
      token,
      headers: { 'if-match': 'W/"abc"' },
      body: { byline: 'x' },
    });
    expect(match.status).toBe(400);
    expect((await platform.http('POST', `/api/v1/articles/${s.id}/revisions/first/restore`, { token })).status).toBe(
      400,
    );
    const ret = await platform.http('POST', `/api/v1/articles/${s.id}/versions/th/return`, { token });
    expect(ret.status).toBe(409);
    expect(message(ret)).toBe('cannot return the th version: it is draft (return needs in_review)');
    const nov = await platform.http('POST', `/api/v1/articles/${s.id}/versions/en/publish`, { token });
    expect(nov.status).toBe(404);
  });

  it('repeated failed logins are refused with 429 and Retry-After; other e-mails are unaffected', async () => {
    const attempt = (email: string, password: string) =>
      platform.http('POST', '/api/v1/auth/login', { body: { email, password } });
    for (let i = 0; i < 3; i++) expect((await attempt(TEST_ADMIN.email, 'wrong-password')).status).toBe(401);
    const blocked = await attempt(TEST_ADMIN.email, 'wrong-password');
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(message(blocked)).toMatch(/too many failed logins/);
    // Even the right password waits out the window: guessing cannot continue by getting it right.
    expect((await attempt(TEST_ADMIN.email, TEST_ADMIN.password)).status).toBe(429);
    expect((await attempt('someone-else@khao.test', 'wrong-password')).status).toBe(401);
  });
});
