import type { Language } from '@khao/contracts';
import { html } from '../html.js';
import type { ListItemView } from '../public-content.service.js';
import { labels, ogLocale } from './i18n.js';
import { layout, type SiteInfo } from './layout.js';
import { picture } from './picture.js';

/** The front page of one language: the latest stories, newest first, with their lead photos; a link to older ones. */
export async function homePage(
  site: SiteInfo,
  language: Language,
  items: ListItemView[],
  others: { language: Language; url: string }[],
  older: string | null,
): Promise<string> {
  const t = labels[language];
  const url = site.home(language);
  const rows = await Promise.all(
    items.map(
      async (i) =>
        html`<li>
          <div>${i.cover ? await picture(i.cover, '8rem', false) : null}</div>
          <div>
            <h2><a href="${i.url}">${i.title}</a></h2>
            <p class="dateline">${[i.dateline.province, i.dateText].filter(Boolean).join(' · ')}</p>
            ${i.summary ? html`<p>${i.summary}</p>` : null}
          </div>
        </li>`,
    ),
  );
  const main = html`<h1>${t.latest}</h1>
    ${
      rows.length
        ? html`<ul class="stories">
            ${rows}
          </ul>`
        : html`<p>${t.noStories}</p>`
    }
    ${older ? html`<nav aria-label="${t.pages}"><a href="${older}" rel="next">${t.older}</a></nav>` : null}`;
  const meta = html`<meta property="og:type" content="website" />
    <meta property="og:site_name" content="${site.name}" />
    <meta property="og:title" content="${site.name} — ${t.latest}" />
    <meta property="og:url" content="${url}" />
    <meta property="og:locale" content="${ogLocale[language]}" />
    ${others.map((o) => html`<meta property="og:locale:alternate" content="${ogLocale[o.language]}" />`)}`;
  return layout(
    site,
    {
      language,
      title: `${t.latest} — ${site.name}`,
      description: `${site.name}: ${t.latest}`,
      canonical: url,
      alternates: [{ language, url }, ...others],
      xDefault: site.home('th'),
      meta,
    },
    main,
    others[0] ?? null,
  );
}
