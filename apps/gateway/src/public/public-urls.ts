import type { Language } from '@khao/contracts';

/** Absolute public URLs, all from PUBLIC_BASE_URL (feeds, sitemap and share cards need absolute links). */
export class PublicUrls {
  readonly base: string;

  constructor(publicBaseUrl: string) {
    this.base = publicBaseUrl.replace(/\/+$/, '');
  }

  /** Same form as the articles service's event URLs: `/<lang>/news/<slug>`, the slug percent-encoded. */
  story(language: Language, slug: string): string {
    return `${this.base}${storyPath(language, slug)}`;
  }

  home(language: Language): string {
    return `${this.base}/${language}`;
  }

  /** The search page; `page` 1 is left out. */
  search(language: Language, q?: string, page = 1): string {
    const params = new URLSearchParams();
    if (q) params.set('q', q);
    if (page > 1) params.set('page', String(page));
    const query = params.toString();
    return `${this.base}/${language}/search${query ? `?${query}` : ''}`;
  }

  feed(language: Language, kind: 'rss' | 'atom'): string {
    return `${this.base}/feeds/${language}/${kind}.xml`;
  }

  sitemap(): string {
    return `${this.base}/sitemap.xml`;
  }
}

export function storyPath(language: Language, slug: string): string {
  return `/${language}/news/${encodeURIComponent(slug)}`;
}
