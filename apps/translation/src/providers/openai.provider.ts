import { protect, restore } from '../glossary/protect.js';
import {
  callJson,
  endpoint,
  expectCount,
  ProviderError,
  type TranslateBatch,
  type TranslationProvider,
} from './provider.js';

export interface OpenAiOptions {
  baseUrl: string;
  apiKey?: string;
  model: string;
  timeoutMs: number;
}

interface ChatReply {
  choices?: { message?: { content?: string | null } }[];
}

const LANGUAGE_NAMES = { th: 'Thai', en: 'English' } as const;

/**
 * Any OpenAI-compatible chat endpoint (OpenAI, or a local llama.cpp / vLLM / Ollama server):
 * `POST /v1/chat/completions` with `Authorization: Bearer …`. The segments go as a JSON array and must come back
 * as `{"translations": [...]}` of the same length; HTML tags are to be kept, and glossary terms are protected.
 */
export class OpenAiProvider implements TranslationProvider {
  readonly name = 'openai' as const;

  constructor(private readonly o: OpenAiOptions) {}

  async translate(b: TranslateBatch): Promise<string[]> {
    const from = LANGUAGE_NAMES[b.sourceLanguage];
    const to = LANGUAGE_NAMES[b.targetLanguage];
    const terms = b.glossary.map((t) => `${t.source} → ${t.target}`).join('; ');
    const system =
      `You translate news text from ${from} to ${to} for a newsroom. The user sends a JSON array of HTML fragments. ` +
      'Answer only with a JSON object {"translations": [...]} holding one translation per fragment, in the same order. ' +
      'Keep every HTML tag and attribute exactly as it is, translate only the text between tags, and copy elements ' +
      'marked translate="no" unchanged.' +
      (terms ? ` Always translate these terms this way: ${terms}.` : '');
    const res = await callJson<ChatReply>({
      provider: this.name,
      url: endpoint(this.o.baseUrl, '/v1/chat/completions'),
      timeoutMs: this.o.timeoutMs,
      headers: this.o.apiKey ? { authorization: `Bearer ${this.o.apiKey}` } : {},
      body: {
        model: this.o.model,
        temperature: 0,
        response_format: { type: 'json_object' },
        messages: [
          { role: 'system', content: system },
          { role: 'user', content: JSON.stringify(b.texts.map((t) => protect(t, b.glossary))) },
        ],
      },
      errorOf: (e) => (e as { error?: { message?: string } }).error?.message,
    });
    const content = res.choices?.[0]?.message?.content ?? '';
    let parsed: unknown;
    try {
      parsed = JSON.parse(content.replace(/^\s*```(?:json)?\s*|\s*```\s*$/g, ''));
    } catch {
      throw new ProviderError(this.name, 'the model did not answer with JSON');
    }
    return expectCount(this.name, (parsed as { translations?: unknown }).translations, b.texts.length).map(restore);
  }
}
