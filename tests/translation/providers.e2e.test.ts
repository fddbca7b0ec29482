import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Job } from '@khao/contracts';
import { TestPlatform } from '@khao/testing';
import { fakeDeepL, fakeGoogle, fakeOpenAi, type Behaviour } from './fake-providers.js';
import type { FakeServer } from './fake-server.js';
import { createAndPublish, GLOSSARY, khonKaenStory, SEGMENTS, THAI, waitForJob } from './helpers.js';

// Each external provider against a local server that checks the exact request its real API expects and answers
// as it does, errors included: one error answer first (the job stays pending with the provider's message), then
// the translation.
const DEEPL_KEY = '0f4b1c2d-test-key:fx';
const GOOGLE_KEY = 'AIzaSy-test-google-key';
const OPENAI_KEY = 'sk-test-openai-key';
const MODEL = 'llama-3.1-8b-instruct';

const behaviour = (): Behaviour => ({ failures: [], delayMs: 0 });
const deeplB = behaviour();
const googleB = behaviour();
const openaiB = behaviour();
const deepl = fakeDeepL(DEEPL_KEY, deeplB);
const google = fakeGoogle(GOOGLE_KEY, googleB);
const openai = fakeOpenAi(OPENAI_KEY, MODEL, openaiB);

const platform = new TestPlatform({
  services: ['articles', 'translation'],
  env: { translation: { TRANSLATION_TRIGGER: 'publish', TRANSLATION_POLL_MS: '100', TRANSLATION_RETRY_MS: '300' } },
});
let token: string;

beforeAll(async () => {
  await Promise.all([deepl.start(), google.start(), openai.start()]);
  await platform.start();
  token = await platform.adminToken();
  for (const term of GLOSSARY)
    expect((await platform.http('POST', '/api/v1/glossary', { token, body: term })).status).toBe(201);
});
afterAll(async () => {
  await platform.stop();
  await Promise.all([deepl.stop(), google.stop(), openai.stop()]);
});

/** Publishes a story and follows its job: first a failed attempt with the provider's message, then the drafts. */
async function translateThrough(fake: FakeServer, path: string, title: string): Promise<{ failed: Job; done: Job }> {
  fake.reset();
  const story = await createAndPublish(platform, token, khonKaenStory(title));
  const id = `${story.id}-en`;
  const failed = await waitForJob(platform, token, id, (j) => j.attempts > 0 && !!j.lastError, 'a failed attempt');
  expect(failed.status).toBe('pending');
  const done = await waitForJob(platform, token, id, (j) => j.status === 'machine_translated', 'the machine drafts');
  expect(done.segments).toHaveLength(SEGMENTS);
  for (const s of done.segments) expect(s.target!).not.toMatch(THAI);
  expect(done.segments[0].target).toContain('CODI');
  expect(done.segments[0].target).toContain('Community Organization Council');
  expect(done).toMatchObject({ attempts: 0, lastError: null });
  expect(fake.callsTo(path).length).toBeGreaterThanOrEqual(2);
  return { failed, done };
}

function keysNeverLogged() {
  const out = platform.proc('translation').output();
  for (const key of [DEEPL_KEY, GOOGLE_KEY, OPENAI_KEY]) expect(out).not.toContain(key);
}

describe('provider request shapes', () => {
  it('DeepL: /v2/translate with DeepL-Auth-Key, tag_handling html, and its own glossary (v3)', async () => {
    await platform.restart('translation', {
      TRANSLATION_PROVIDER: 'deepl',
      DEEPL_URL: deepl.url,
      DEEPL_AUTH_KEY: DEEPL_KEY,
    });
    deeplB.failures.push({ status: 456, body: { message: 'Quota Exceeded' } });
    const { failed } = await translateThrough(deepl, '/v2/translate', ' (DeepL)');
    expect(failed.lastError).toBe('deepl: HTTP 456: Quota Exceeded');

    const glossaryCalls = deepl.callsTo('/v3/glossaries');
    expect(glossaryCalls.map((c) => c.method)).toEqual(['GET', 'POST']);
    expect(glossaryCalls[1].body).toMatchObject({
      name: expect.stringMatching(/^khao-th-en-[0-9a-f]{16}$/),
      dictionaries: [
        {
          source_lang: 'th',
          target_lang: 'en',
          entries_format: 'tsv',
          entries: 'พอช.\tCODI\nสภาองค์กรชุมชน\tCommunity Organization Council',
        },
      ],
    });
    const translate = deepl.callsTo('/v2/translate').at(-1)!;
    expect(translate.headers.authorization).toBe(`DeepL-Auth-Key ${DEEPL_KEY}`);
    expect(translate.headers['content-type']).toBe('application/json');
    const body = translate.body as Record<string, unknown>;
    expect(body).toMatchObject({
      source_lang: 'TH',
      target_lang: 'EN-GB',
      tag_handling: 'html',
      glossary_id: expect.any(String),
    });
    expect(body.text).toHaveLength(SEGMENTS);
    // DeepL's glossary does the work: no protecting markup was needed.
    expect(JSON.stringify(body.text)).not.toContain('translate=\\"no\\"');
    expect((body.text as string[])[2]).toContain('<a href="https://www.codi.or.th"');
    keysNeverLogged();
  });

  it('Google v2: /language/translate/v2?key=…, q array, format html; terms protected with translate="no"', async () => {
    await platform.restart('translation', {
      TRANSLATION_PROVIDER: 'google',
      GOOGLE_TRANSLATE_URL: google.url,
      GOOGLE_API_KEY: GOOGLE_KEY,
    });
    googleB.failures.push({
      status: 403,
      body: { error: { code: 403, message: 'User Rate Limit Exceeded', errors: [], status: 'PERMISSION_DENIED' } },
    });
    const { failed } = await translateThrough(google, '/language/translate/v2', ' (Google)');
    expect(failed.lastError).toBe('google: HTTP 403: User Rate Limit Exceeded');
    const call = google.callsTo('/language/translate/v2').at(-1)!;
    expect(call.method).toBe('POST');
    expect(call.query.get('key')).toBe(GOOGLE_KEY);
    const body = call.body as { q: string[]; source: string; target: string; format: string };
    expect(body).toMatchObject({ source: 'th', target: 'en', format: 'html' });
    expect(body.q).toHaveLength(SEGMENTS);
    expect(body.q[0]).toContain('<span translate="no" data-term="0">Community Organization Council</span>');
    keysNeverLogged();
  });

  it('OpenAI-compatible: /v1/chat/completions with Bearer key and the configured model; tags kept', async () => {
    await platform.restart('translation', {
      TRANSLATION_PROVIDER: 'openai',
      OPENAI_URL: openai.url,
      OPENAI_API_KEY: OPENAI_KEY,
      OPENAI_MODEL: MODEL,
    });
    openaiB.failures.push({
      status: 429,
      body: {
        error: {
          message: 'Rate limit reached for requests',
          type: 'requests',
          param: null,
          code: 'rate_limit_exceeded',
        },
      },
    });
    const { failed, done } = await translateThrough(openai, '/v1/chat/completions', ' (OpenAI)');
    expect(failed.lastError).toBe('openai: HTTP 429: Rate limit reached for requests');
    const call = openai.callsTo('/v1/chat/completions').at(-1)!;
    expect(call.headers.authorization).toBe(`Bearer ${OPENAI_KEY}`);
    const body = call.body as { model: string; messages: { role: string; content: string }[] };
    expect(body.model).toBe(MODEL);
    expect(body.messages.map((m) => m.role)).toEqual(['system', 'user']);
    expect(body.messages[0].content).toMatch(/Keep every HTML tag/);
    expect(body.messages[0].content).toContain('พอช. → CODI');
    expect(JSON.parse(body.messages[1].content)).toHaveLength(SEGMENTS);
    expect(done.segments[2].target).toContain('<a href="https://www.codi.or.th"');
    keysNeverLogged();
  });

  it('a provider that rejects the key keeps the job pending with its message, and never logs the key', async () => {
    await platform.restart('translation', {
      TRANSLATION_PROVIDER: 'google',
      GOOGLE_TRANSLATE_URL: google.url,
      GOOGLE_API_KEY: 'AIzaSy-wrong-key',
    });
    const story = await createAndPublish(platform, token, khonKaenStory(' (wrong key)'));
    const job = await waitForJob(platform, token, `${story.id}-en`, (j) => j.attempts >= 2, 'two failed attempts');
    expect(job.status).toBe('pending');
    expect(job.lastError).toBe('google: HTTP 400: API key not valid. Please pass a valid API key.');
    expect(platform.proc('translation').output()).not.toContain('AIzaSy-wrong-key');
  });
});
