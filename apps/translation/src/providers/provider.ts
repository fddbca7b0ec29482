import { outboundRefusal } from '@khao/net';
import type { Language, ProviderName } from '@khao/contracts';
import type { GlossaryTerm } from '../glossary/protect.js';

export interface TranslateBatch {
  sourceLanguage: Language;
  targetLanguage: Language;
  /** Inline HTML fragments (markup and links kept), at most TRANSLATION_BATCH_SIZE of them. */
  texts: string[];
  /** Terms that must come out as given. */
  glossary: GlossaryTerm[];
}

/** A machine translation service. Answers one translation per text, in order, or throws {@link ProviderError}. */
export interface TranslationProvider {
  readonly name: Exclude<ProviderName, 'manual'>;
  translate(batch: TranslateBatch): Promise<string[]>;
}

/**
 * A provider call that failed: the job stays pending and is retried after a delay. `status` is the HTTP status
 * when there was one; the message never carries a key.
 */
export class ProviderError extends Error {
  constructor(
    readonly provider: string,
    message: string,
    readonly status?: number,
  ) {
    super(`${provider}: ${message}`);
    this.name = 'ProviderError';
  }
}

export interface HttpCall {
  provider: string;
  url: string;
  headers?: Record<string, string>;
  body: unknown;
  timeoutMs: number;
  method?: 'POST' | 'GET';
  /** Reads the provider's own error body into a sentence. */
  errorOf?: (body: unknown) => string | undefined;
}

/** One JSON call with a timeout; any failure (network, timeout, non-2xx, non-JSON) is a ProviderError. */
export async function callJson<T>(c: HttpCall): Promise<T> {
  let res: Response;
  try {
    res = await fetch(c.url, {
      method: c.method ?? 'POST',
      headers: { ...(c.body === undefined ? {} : { 'content-type': 'application/json' }), ...c.headers },
      body: c.body === undefined ? undefined : JSON.stringify(c.body),
      signal: AbortSignal.timeout(c.timeoutMs),
    });
  } catch (err) {
    const e = err as Error;
    const why =
      e.name === 'TimeoutError'
        ? `no answer within ${c.timeoutMs} ms`
        : `unreachable (${outboundRefusal(err) ?? e.message})`;
    throw new ProviderError(c.provider, why);
  }
  const text = await res.text().catch(() => '');
  let body: unknown = undefined;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    // not JSON: reported below
  }
  if (!res.ok) {
    const detail = (body !== undefined && c.errorOf?.(body)) || text.slice(0, 200) || res.statusText;
    throw new ProviderError(c.provider, `HTTP ${res.status}: ${detail}`, res.status);
  }
  if (body === undefined) throw new ProviderError(c.provider, 'answered with a body that is not JSON', res.status);
  return body as T;
}

/** Checks the provider answered one text per text sent. */
export function expectCount(provider: string, got: unknown, want: number): string[] {
  if (!Array.isArray(got) || got.length !== want || got.some((t) => typeof t !== 'string')) {
    throw new ProviderError(
      provider,
      `expected ${want} translations, got ${Array.isArray(got) ? got.length : typeof got}`,
    );
  }
  return got as string[];
}

/** `base` + `path`, keeping any path prefix the base URL has (a proxy, a mounted server). */
export function endpoint(base: string, path: string): string {
  return base.replace(/\/+$/, '') + path;
}
