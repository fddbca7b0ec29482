import type { Language, ResolvedImage, SitemapItem } from '@khao/contracts';
import { escapeHtml as x } from './html.js';
import type { PublicUrls } from './public-urls.js';

/** One child sitemap as the index lists it. */
export interface SitemapRef {
  url: string;
  lastmod: string;
}

const XMLNS = 'http://www.sitemaps.org/schemas/sitemap/0.9';
const link = (hreflang: string, href: string) =>
  `<xhtml:link rel="alternate" hreflang="${x(hreflang)}" href="${x(href)}"/>`;

/** sitemap.xml: the index of the child sitemaps (the front pages, then one per language, month and page). */
export function buildSitemapIndex(children: SitemapRef[]): string {
  const out = ['<?xml version="1.0" encoding="UTF-8"?>', `<sitemapindex xmlns="${XMLNS}">`];
  for (const c of children) out.push(`<sitemap><loc>${x(c.url)}</loc><lastmod>${x(c.lastmod)}</lastmod></sitemap>`);
  out.push('</sitemapindex>', '');
  return out.join('\n');
}

function urlset(entries: string[]): string {
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<urlset xmlns="${XMLNS}" xmlns:xhtml="http://www.w3.org/1999/xhtml" ` +
      'xmlns:image="http://www.google.com/schemas/sitemap-image/1.1">',
    ...entries,
    '</urlset>',
    '',
  ].join('\n');
}

/** The front pages, each with its hreflang alternates and x-default (the first configured language). */
export function buildHomeSitemap(urls: PublicUrls, languages: Language[]): string {
  const alternates = languages.map((l) => link(l, urls.home(l))).join('') + link('x-default', urls.home(languages[0]));
  return urlset(languages.map((l) => `<url><loc>${x(urls.home(l))}</loc>${alternates}</url>`));
}

/**
 * A month's published versions of one language: each with its lastmod, its hreflang alternates (itself included)
 * and x-default (the source-language version), as search engines expect for translated pages, and its photos
 * (`image:image`, cover first) when the media service resolved them.
 */
export function buildStorySitemap(
  items: SitemapItem[],
  urls: PublicUrls,
  images: Map<string, ResolvedImage> | null,
): string {
  return urlset(
    items.map((i) => {
      const self = urls.story(i.language, i.slug);
      const versions = [
        { language: i.language, url: self },
        ...i.translations.map((t) => ({ language: t.language, url: urls.story(t.language, t.slug) })),
      ];
      const xDefault = versions.find((v) => v.language === i.sourceLanguage)?.url ?? self;
      const photos = i.mediaIds.flatMap((id) => {
        const img = images?.get(id);
        return img ? [`<image:image><image:loc>${x(img.src)}</image:loc></image:image>`] : [];
      });
      return (
        `<url><loc>${x(self)}</loc><lastmod>${x(i.updatedAt)}</lastmod>` +
        `${versions.map((v) => link(v.language, v.url)).join('')}${link('x-default', xDefault)}${photos.join('')}</url>`
      );
    }),
  );
}
