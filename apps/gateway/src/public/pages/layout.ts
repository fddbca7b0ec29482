import type { Language } from '@khao/contracts';
import { fontFaces, thaiFontPreload } from '../fonts.js';
import { html, jsonInScript, type SafeHtml } from '../html.js';
import { labels } from './i18n.js';
import { styles } from './styles.js';

export interface SiteInfo {
  name: string;
  /** The organisation's links for the header, in order; unset ones are left out. */
  links: { key: keyof (typeof labels)['th']['links']; url: string }[];
  feeds: (language: Language) => { rss: string; atom: string };
  home: (language: Language) => string;
}

export interface Head {
  language: Language;
  title: string;
  description: string;
  canonical?: string;
  /** hreflang alternates, this page included; `x-default` is added from `xDefault`. */
  alternates?: { language: Language; url: string }[];
  xDefault?: string;
  /** Open Graph, Twitter Card and other meta, already rendered. */
  meta?: SafeHtml;
  jsonLd?: unknown;
  robots?: string;
}

/** The page frame: head, the header with the organisation's links and the language switch, main, footer. */
export function layout(
  site: SiteInfo,
  head: Head,
  main: SafeHtml,
  switchTo: { language: Language; url: string } | null,
): string {
  const t = labels[head.language];
  const feeds = site.feeds(head.language);
  return html`<!doctype html>
    <html lang="${head.language}" dir="ltr">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>${head.title}</title>
        <meta name="description" content="${head.description}" />
        ${head.robots ? html`<meta name="robots" content="${head.robots}" />` : null}
        ${head.canonical ? html`<link rel="canonical" href="${head.canonical}" />` : null}
        ${(head.alternates ?? []).map((a) => html`<link rel="alternate" hreflang="${a.language}" href="${a.url}" /> `)}
        ${head.xDefault ? html`<link rel="alternate" hreflang="x-default" href="${head.xDefault}" />` : null}
        <link rel="alternate" type="application/rss+xml" title="${site.name} (RSS)" href="${feeds.rss}" />
        <link rel="alternate" type="application/atom+xml" title="${site.name} (Atom)" href="${feeds.atom}" />
        ${head.language === 'th' ? html`<link rel="preload" href="${thaiFontPreload}" as="font" type="font/woff2" crossorigin />` : null}
        ${head.meta ?? null}
        ${
          head.jsonLd
            ? html`<script type="application/ld+json">
                ${jsonInScript(head.jsonLd)}
              </script>`
            : null
        }
        <style>
          ${fontFaces}${styles}
        </style>
      </head>
      <body>
        <a class="skip" href="#main">${t.skip}</a>
        <header class="site">
          <a class="brand" href="${site.home(head.language)}">${site.name}</a>
          ${
            site.links.length
              ? html`<nav aria-label="${t.organisation}">
                  <ul>
                    ${site.links.map((l) => html`<li><a href="${l.url}" rel="noopener">${t.links[l.key]}</a></li>`)}
                  </ul>
                </nav>`
              : null
          }
          ${
            switchTo
              ? html`<nav aria-label="${t.languages}" class="languages">
                  <a href="${switchTo.url}" hreflang="${switchTo.language}" lang="${switchTo.language}" rel="alternate"
                    >${labels[switchTo.language].languageName}</a
                  >
                </nav>`
              : null
          }
        </header>
        <main id="main">${main}</main>
        <footer class="site">
          <p>${site.name} · ${t.feeds}: <a href="${feeds.rss}">RSS</a> · <a href="${feeds.atom}">Atom</a></p>
        </footer>
      </body>
    </html> `.toString();
}
