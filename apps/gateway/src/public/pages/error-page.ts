import type { Language } from '@khao/contracts';
import { html } from '../html.js';
import { labels } from './i18n.js';
import { layout, type SiteInfo } from './layout.js';

/**
 * A real page for 400 (a bad search), 404 (unknown), 410 (taken down), 503 (a service is down) and a refused
 * preview link (403 bad signature, 410 expired), in the path's language; not indexed.
 */
export function errorPage(
  site: SiteInfo,
  language: Language,
  kind: 'notFound' | 'gone' | 'unavailable' | 'badQuery' | 'previewInvalid' | 'previewExpired',
): string {
  const t = labels[language][kind];
  const main = html`<h1>${t.title}</h1>
    <p>${t.text}</p>
    <p><a href="${site.home(language)}">${t.home}</a></p>`;
  return layout(
    site,
    { language, title: `${t.title} — ${site.name}`, description: t.text, robots: 'noindex' },
    main,
    null,
  );
}
