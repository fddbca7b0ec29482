import { storyUrl, type Language } from '@khao/contracts';

/** Absolute public URLs, all from PUBLIC_BASE_URL (feeds, sitemap and share cards need absolute links). */
export class PublicUrls {
  readonly base: string;

  constructor(publicBaseUrl: string) {
    this.base = publicBaseUrl.replace(/\/+$/, '');
  }

  /** The contract's story address: the same URL the articles service's events carry. */
  story(language: Language, slug: string): string {
    return storyUrl(this.base, language, slug);
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

  /** A child sitemap: the front pages, or one language's month (`YYYY-MM`), page 2 on as `YYYY-MM-2`. */
  childSitemap(part: { language: Language; month: string; page: number } | 'home'): string {
    if (part === 'home') return `${this.base}/sitemaps/home.xml`;
    return `${this.base}/sitemaps/${part.language}/${part.month}${part.page > 1 ? `-${part.page}` : ''}.xml`;
  }
}
