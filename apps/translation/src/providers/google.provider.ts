import { protect, restore } from '../glossary/protect.js';
import { callJson, endpoint, expectCount, type TranslateBatch, type TranslationProvider } from './provider.js';

export interface GoogleOptions {
  baseUrl: string;
  apiKey: string;
  timeoutMs: number;
}

interface GoogleReply {
  data?: { translations?: { translatedText?: string }[] };
}

/**
 * Google Cloud Translation, Basic (v2): `POST /language/translate/v2?key=…` with `{ q: [...], source, target,
 * format: 'html' }`, answered `{ data: { translations: [{ translatedText }] } }`; errors are
 * `{ error: { code, message, status } }`. v2 has no glossaries: terms are protected (`translate="no"`).
 */
export class GoogleProvider implements TranslationProvider {
  readonly name = 'google' as const;

  constructor(private readonly o: GoogleOptions) {}

  async translate(b: TranslateBatch): Promise<string[]> {
    const url = new URL(endpoint(this.o.baseUrl, '/language/translate/v2'));
    url.searchParams.set('key', this.o.apiKey);
    const res = await callJson<GoogleReply>({
      provider: this.name,
      url: url.toString(),
      timeoutMs: this.o.timeoutMs,
      body: {
        q: b.texts.map((t) => protect(t, b.glossary)),
        source: b.sourceLanguage,
        target: b.targetLanguage,
        format: 'html',
      },
      errorOf: (e) => (e as { error?: { message?: string; status?: string } }).error?.message,
    });
    const texts = res.data?.translations?.map((t) => t.translatedText);
    return expectCount(this.name, texts, b.texts.length).map(restore);
  }
}
