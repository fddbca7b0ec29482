import type { Logger } from '@khao/logging';
import type { TranslationConfig } from '../config.js';
import { DeepLProvider } from './deepl.provider.js';
import { GoogleProvider } from './google.provider.js';
import { LibreTranslateProvider } from './libretranslate.provider.js';
import { OpenAiProvider } from './openai.provider.js';
import type { TranslationProvider } from './provider.js';

/** The provider the configuration names, or null for `manual` (jobs wait for a translator). */
export function providerFromConfig(c: TranslationConfig, logger: Logger): TranslationProvider | null {
  const timeoutMs = c.TRANSLATION_TIMEOUT_MS;
  switch (c.TRANSLATION_PROVIDER) {
    case 'manual':
      return null;
    case 'libretranslate':
      return new LibreTranslateProvider({ baseUrl: c.LIBRETRANSLATE_URL, apiKey: c.LIBRETRANSLATE_API_KEY, timeoutMs });
    case 'deepl':
      return new DeepLProvider({
        baseUrl: c.DEEPL_URL,
        authKey: c.DEEPL_AUTH_KEY!,
        english: c.DEEPL_ENGLISH,
        timeoutMs,
        logger,
      });
    case 'google':
      return new GoogleProvider({ baseUrl: c.GOOGLE_TRANSLATE_URL, apiKey: c.GOOGLE_API_KEY!, timeoutMs });
    case 'openai':
      return new OpenAiProvider({ baseUrl: c.OPENAI_URL, apiKey: c.OPENAI_API_KEY, model: c.OPENAI_MODEL, timeoutMs });
  }
}
