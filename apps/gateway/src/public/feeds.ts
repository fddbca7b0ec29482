import { Feed } from 'feed';
import type { Language, PublicListItem, ResolvedImage } from '@khao/contracts';
import { escapeHtml } from './html.js';
import { labels } from './pages/i18n.js';
import type { ListItemView } from './public-content.service.js';
import type { PublicUrls } from './public-urls.js';

/** RSS 2.0 and Atom 1.0 of one language's latest stories; the lead photo travels as an enclosure. */
export function buildFeed(siteName: string, language: Language, items: ListItemView[], urls: PublicUrls): Feed {
  const title = `${siteName} — ${labels[language].latest}`;
  const updated = items.reduce((max, i) => (i.updatedAt > max ? i.updatedAt : max), '1970-01-01T00:00:00.000Z');
  const feed = new Feed({
    id: urls.home(language),
    title,
    description: title,
    link: urls.home(language),
    language,
    updated: new Date(updated),
    generator: 'Khao',
    copyright: siteName,
    // Atom needs an author; RSS's <author> must be an e-mail address, so bylines stay out of the items.
    author: { name: siteName, link: urls.home(language) },
    feedLinks: { rss: urls.feed(language, 'rss'), atom: urls.feed(language, 'atom') },
  });
  for (const i of items) {
    feed.addItem({
      title: i.title,
      id: i.url,
      link: i.url,
      description: i.summary || i.title,
      date: new Date(i.updatedAt),
      published: new Date(i.publishedAt),
      category: i.tags.map((name) => ({ name })),
      ...(i.cover ? { image: enclosure(i.cover) } : {}),
    });
  }
  return feed;
}

function enclosure(img: ResolvedImage) {
  const jpeg = img.renditions.find((r) => r.url === img.src);
  return { url: img.src, type: 'image/jpeg', length: jpeg?.bytes ?? 0, title: img.alt };
}

/**
 * sitemap.xml: both front pages and every published version, each with its hreflang alternates (itself included)
 * and x-default (the source-language version), as search engines expect for translated pages.
 */
export function buildSitemap(items: PublicListItem[], urls: PublicUrls, languages: Language[]): string {
  const x = escapeHtml;
  const out = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">',
  ];
  const link = (hreflang: string, href: string) =>
    `<xhtml:link rel="alternate" hreflang="${x(hreflang)}" href="${x(href)}"/>`;
  for (const lang of languages) {
    out.push(
      `<url><loc>${x(urls.home(lang))}</loc>${languages.map((l) => link(l, urls.home(l))).join('')}${link('x-default', urls.home(languages[0]))}</url>`,
    );
  }
  for (const i of items) {
    const self = urls.story(i.language, i.slug);
    const versions = [
      { language: i.language, url: self },
      ...i.translations.map((t) => ({ language: t.language, url: urls.story(t.language, t.slug) })),
    ];
    const xDefault = versions.find((v) => v.language === i.sourceLanguage)?.url ?? self;
    out.push(
      `<url><loc>${x(self)}</loc><lastmod>${x(i.updatedAt)}</lastmod>${versions.map((v) => link(v.language, v.url)).join('')}${link('x-default', xDefault)}</url>`,
    );
  }
  out.push('</urlset>', '');
  return out.join('\n');
}
