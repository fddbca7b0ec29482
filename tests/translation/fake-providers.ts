import { FakeServer, type Recorded, type Reply } from './fake-server.js';
import { fakeTranslate } from './fake-translator.js';

/** Set on a fake to make its next answers fail (status and body as the real API sends them), or slow. */
export interface Behaviour {
  /** Answers to give before behaving normally again, consumed in order. */
  failures: Reply[];
  /** Added to every normal answer. */
  delayMs: number;
}

const stringArray = (v: unknown): v is string[] => Array.isArray(v) && v.every((x) => typeof x === 'string');

/** Normal answers after the configured failures, each request also checked against the API's rules first. */
function withBehaviour(b: Behaviour, check: (r: Recorded) => Reply | null, answer: (r: Recorded) => Reply) {
  return (r: Recorded): Reply => {
    const bad = check(r);
    if (bad) return bad;
    const failure = b.failures.shift();
    if (failure) return failure;
    return { ...answer(r), delayMs: b.delayMs };
  };
}

/** LibreTranslate: `POST /translate` `{ q, source, target, format, api_key }` → `{ translatedText }`. */
export function fakeLibreTranslate(apiKey: string, b: Behaviour = { failures: [], delayMs: 0 }) {
  return new FakeServer(
    withBehaviour(
      b,
      (r) => {
        const body = r.body as Record<string, unknown>;
        if (r.method !== 'POST' || r.path !== '/translate') return { status: 404, body: { error: 'Not Found' } };
        if (!body || body.q === undefined)
          return { status: 400, body: { error: 'Invalid request: missing q parameter' } };
        if (body.api_key !== apiKey) return { status: 403, body: { error: 'Invalid API key' } };
        if (!['th', 'en'].includes(body.source as string) || !['th', 'en'].includes(body.target as string)) {
          return { status: 400, body: { error: `${String(body.source)} is not supported` } };
        }
        return null;
      },
      (r) => {
        const { q } = r.body as { q: string | string[] };
        return { body: { translatedText: Array.isArray(q) ? q.map((t) => fakeTranslate(t)) : fakeTranslate(q) } };
      },
    ),
  );
}

/** DeepL: `/v2/translate` and the v3 glossaries, with `Authorization: DeepL-Auth-Key …`. */
export function fakeDeepL(authKey: string, b: Behaviour = { failures: [], delayMs: 0 }) {
  const glossaries = new Map<string, { name: string; entries: [string, string][]; source: string; target: string }>();
  let next = 1;
  return new FakeServer((r) => {
    if (r.headers.authorization !== `DeepL-Auth-Key ${authKey}`) {
      return { status: 403, body: { message: 'Authorization failure, check auth_key' } };
    }
    if (r.path === '/v3/glossaries' && r.method === 'GET') {
      return {
        body: {
          glossaries: [...glossaries].map(([id, g]) => ({
            glossary_id: id,
            name: g.name,
            dictionaries: [{ source_lang: g.source, target_lang: g.target, entry_count: g.entries.length }],
            creation_time: new Date().toISOString(),
          })),
        },
      };
    }
    if (r.path === '/v3/glossaries' && r.method === 'POST') {
      const body = r.body as {
        name?: string;
        dictionaries?: { source_lang: string; target_lang: string; entries: string; entries_format: string }[];
      };
      const d = body?.dictionaries?.[0];
      if (!body?.name || !d || d.entries_format !== 'tsv' || typeof d.entries !== 'string') {
        return { status: 400, body: { message: "Value for 'dictionaries' not supported." } };
      }
      const entries = d.entries.split('\n').map((l) => l.split('\t') as [string, string]);
      if (entries.some((e) => e.length !== 2))
        return { status: 400, body: { message: 'Invalid glossary entries provided' } };
      const id = `def3a26b-3e84-45b3-84ae-0c0aaf3525f${next++}`;
      glossaries.set(id, { name: body.name, entries, source: d.source_lang, target: d.target_lang });
      return {
        status: 201,
        body: {
          glossary_id: id,
          name: body.name,
          dictionaries: [{ source_lang: d.source_lang, target_lang: d.target_lang, entry_count: entries.length }],
          creation_time: new Date().toISOString(),
        },
      };
    }
    if (r.path !== '/v2/translate' || r.method !== 'POST') return { status: 404, body: { message: 'Not found' } };
    const body = r.body as Record<string, unknown>;
    if (!stringArray(body?.text)) return { status: 400, body: { message: "Parameter 'text' not specified." } };
    if (body.tag_handling !== 'html')
      return { status: 400, body: { message: "Value for 'tag_handling' not supported." } };
    if (
      !['TH', 'EN'].includes(body.source_lang as string) ||
      !['EN-GB', 'EN-US', 'TH'].includes(body.target_lang as string)
    ) {
      return { status: 400, body: { message: "Value for 'target_lang' not supported." } };
    }
    let glossary: [string, string][] = [];
    if (body.glossary_id !== undefined) {
      const g = glossaries.get(body.glossary_id as string);
      if (!g) return { status: 404, body: { message: 'Glossary not found' } };
      glossary = g.entries;
    }
    const failure = b.failures.shift();
    if (failure) return failure;
    return {
      delayMs: b.delayMs,
      body: {
        translations: body.text.map((t) => ({
          detected_source_language: body.source_lang,
          text: fakeTranslate(t, glossary),
        })),
      },
    };
  });
}

/** Google Cloud Translation v2: `POST /language/translate/v2?key=…` `{ q, source, target, format }`. */
export function fakeGoogle(apiKey: string, b: Behaviour = { failures: [], delayMs: 0 }) {
  const error = (code: number, message: string, status: string) => ({
    status: code,
    body: { error: { code, message, errors: [{ message, domain: 'global', reason: 'badRequest' }], status } },
  });
  return new FakeServer(
    withBehaviour(
      b,
      (r) => {
        if (r.method !== 'POST' || r.path !== '/language/translate/v2') return error(404, 'Not Found', 'NOT_FOUND');
        if (r.query.get('key') !== apiKey) {
          return error(400, 'API key not valid. Please pass a valid API key.', 'INVALID_ARGUMENT');
        }
        const body = r.body as Record<string, unknown>;
        if (!stringArray(body?.q)) return error(400, 'Required Text', 'INVALID_ARGUMENT');
        if (body.format !== 'html' && body.format !== 'text') return error(400, 'Invalid Value', 'INVALID_ARGUMENT');
        if (body.target !== 'en' && body.target !== 'th') return error(400, 'Invalid Value', 'INVALID_ARGUMENT');
        return null;
      },
      (r) => ({
        body: {
          data: { translations: (r.body as { q: string[] }).q.map((t) => ({ translatedText: fakeTranslate(t) })) },
        },
      }),
    ),
  );
}

/** Any OpenAI-compatible server: `POST /v1/chat/completions` with `Authorization: Bearer …`. */
export function fakeOpenAi(apiKey: string, model: string, b: Behaviour = { failures: [], delayMs: 0 }) {
  const error = (status: number, message: string, code: string) => ({
    status,
    body: { error: { message, type: 'invalid_request_error', param: null, code } },
  });
  return new FakeServer(
    withBehaviour(
      b,
      (r) => {
        if (r.method !== 'POST' || r.path !== '/v1/chat/completions') return error(404, 'Not found', 'not_found');
        if (r.headers.authorization !== `Bearer ${apiKey}`) {
          return error(401, 'Incorrect API key provided.', 'invalid_api_key');
        }
        const body = r.body as { model?: string; messages?: { role: string; content: string }[] };
        if (body?.model !== model)
          return error(404, `The model '${String(body?.model)}' does not exist`, 'model_not_found');
        const user = body.messages?.find((m) => m.role === 'user');
        try {
          if (!stringArray(JSON.parse(user?.content ?? ''))) throw new Error('not an array');
        } catch {
          return error(400, 'expected a JSON array of fragments', 'bad_request');
        }
        return null;
      },
      (r) => {
        const body = r.body as { model: string; messages: { role: string; content: string }[] };
        const texts = JSON.parse(body.messages.find((m) => m.role === 'user')!.content) as string[];
        return {
          body: {
            id: 'chatcmpl-khao-test',
            object: 'chat.completion',
            created: Math.floor(Date.now() / 1000),
            model: body.model,
            choices: [
              {
                index: 0,
                message: {
                  role: 'assistant',
                  content: JSON.stringify({ translations: texts.map((t) => fakeTranslate(t)) }),
                },
                finish_reason: 'stop',
              },
            ],
            usage: { prompt_tokens: 100, completion_tokens: 100, total_tokens: 200 },
          },
        };
      },
    ),
  );
}
