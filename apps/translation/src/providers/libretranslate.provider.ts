import { protect, restore } from '../glossary/protect.js';
import { callJson, endpoint, expectCount, type TranslateBatch, type TranslationProvider } from './provider.js';

export interface LibreTranslateOptions {
  baseUrl: string;
  apiKey?: string;
  timeoutMs: number;
}

/**
 * LibreTranslate (self-hosted): `POST /translate` with `{ q: [...], source, target, format: 'html', api_key }`,
 * answered `{ translatedText: [...] }`; errors are `{ error }`. No glossary feature: terms are protected.
 */
export class LibreTranslateProvider implements TranslationProvider {
  readonly name = 'libretranslate' as const;

  constructor(private readonly o: LibreTranslateOptions) {}

  async translate(b: TranslateBatch): Promise<string[]> {
    const res = await callJson<{ translatedText?: unknown }>({
      provider: this.name,
      url: endpoint(this.o.baseUrl, '/translate'),
      timeoutMs: this.o.timeoutMs,
      body: {
        q: b.texts.map((t) => protect(t, b.glossary)),
        source: b.sourceLanguage,
        target: b.targetLanguage,
        format: 'html',
        ...(this.o.apiKey ? { api_key: this.o.apiKey } : {}),
      },
      errorOf: (e) => (e as { error?: string }).error,
    });
    return expectCount(this.name, res.translatedText, b.texts.length).map(restore);
  }
}
