import { createHash } from 'node:crypto';
import type { Language } from '@khao/contracts';
import type { Logger } from '@khao/logging';
import { protect, restore, type GlossaryTerm } from '../glossary/protect.js';
import {
  callJson,
  endpoint,
  expectCount,
  ProviderError,
  type TranslateBatch,
  type TranslationProvider,
} from './provider.js';

export interface DeepLOptions {
  baseUrl: string;
  authKey: string;
  english: 'EN-US' | 'EN-GB';
  timeoutMs: number;
  logger: Logger;
}

interface DeepLGlossary {
  glossary_id: string;
  name: string;
}

/**
 * DeepL: `POST /v2/translate` with `Authorization: DeepL-Auth-Key …` and `{ text: [...], source_lang, target_lang,
 * tag_handling: 'html', glossary_id }`, answered `{ translations: [{ detected_source_language, text }] }`; errors
 * are `{ message }` (403 bad key, 429 too many requests, 456 quota exceeded). The glossary is DeepL's own (v3
 * glossaries API), one per content: its name carries a hash of the entries, so an edit makes a new one. Should
 * DeepL refuse the glossary (a language pair it has no glossaries for), the terms are protected instead.
 */
export class DeepLProvider implements TranslationProvider {
  readonly name = 'deepl' as const;
  /** Glossary name → DeepL id, or null when DeepL refused it. */
  private readonly glossaries = new Map<string, string | null>();

  constructor(private readonly o: DeepLOptions) {}

  private get auth() {
    return { authorization: `DeepL-Auth-Key ${this.o.authKey}` };
  }

  private lang(l: Language, target: boolean): string {
    if (l === 'en') return target ? this.o.english : 'EN';
    return l.toUpperCase();
  }

  async translate(b: TranslateBatch): Promise<string[]> {
    const glossaryId = b.glossary.length
      ? await this.glossaryFor(b.sourceLanguage, b.targetLanguage, b.glossary)
      : null;
    const texts = glossaryId || !b.glossary.length ? b.texts : b.texts.map((t) => protect(t, b.glossary));
    const res = await callJson<{ translations?: { text?: string }[] }>({
      provider: this.name,
      url: endpoint(this.o.baseUrl, '/v2/translate'),
      timeoutMs: this.o.timeoutMs,
      headers: this.auth,
      body: {
        text: texts,
        source_lang: this.lang(b.sourceLanguage, false),
        target_lang: this.lang(b.targetLanguage, true),
        tag_handling: 'html',
        ...(glossaryId ? { glossary_id: glossaryId } : {}),
      },
      errorOf: (e) => (e as { message?: string }).message,
    });
    const out = expectCount(
      this.name,
      res.translations?.map((t) => t.text),
      b.texts.length,
    );
    return glossaryId ? out : out.map(restore);
  }

  /** The DeepL glossary holding exactly these terms: found by name, or created. */
  private async glossaryFor(source: Language, target: Language, terms: GlossaryTerm[]): Promise<string | null> {
    const clean = (s: string) => s.replace(/\s+/g, ' ').trim();
    const entries = [...terms]
      .sort((a, b) => a.source.localeCompare(b.source))
      .map((t) => `${clean(t.source)}\t${clean(t.target)}`)
      .join('\n');
    const name = `khao-${source}-${target}-${createHash('sha256').update(entries).digest('hex').slice(0, 16)}`;
    if (this.glossaries.has(name)) return this.glossaries.get(name) ?? null;
    const listed = await callJson<{ glossaries?: DeepLGlossary[] }>({
      provider: this.name,
      method: 'GET',
      url: endpoint(this.o.baseUrl, '/v3/glossaries'),
      timeoutMs: this.o.timeoutMs,
      headers: this.auth,
      body: undefined,
      errorOf: (e) => (e as { message?: string }).message,
    });
    const found = listed.glossaries?.find((g) => g.name === name);
    if (found) {
      this.glossaries.set(name, found.glossary_id);
      return found.glossary_id;
    }
    try {
      const created = await callJson<DeepLGlossary>({
        provider: this.name,
        url: endpoint(this.o.baseUrl, '/v3/glossaries'),
        timeoutMs: this.o.timeoutMs,
        headers: this.auth,
        body: {
          name,
          dictionaries: [{ source_lang: source, target_lang: target, entries, entries_format: 'tsv' }],
        },
        errorOf: (e) => (e as { message?: string }).message,
      });
      this.glossaries.set(name, created.glossary_id);
      return created.glossary_id;
    } catch (err) {
      const status = err instanceof ProviderError ? err.status : undefined;
      // A refusal of the glossary itself (not a transient failure): protect the terms around the call instead.
      if (status && status >= 400 && status < 500 && status !== 429 && status !== 403) {
        this.o.logger.warn(
          { err: (err as Error).message, name },
          'DeepL refused the glossary; protecting terms instead',
        );
        this.glossaries.set(name, null);
        return null;
      }
      throw err;
    }
  }
}
