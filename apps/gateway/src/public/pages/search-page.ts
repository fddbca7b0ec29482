import type { Language, PublicSearchHit } from '@khao/contracts';
import { html, type SafeHtml } from '../html.js';
import type { SearchView } from '../public-content.service.js';
import { labels } from './i18n.js';
import { layout, type SiteInfo } from './layout.js';

export interface SearchPageLinks {
  /** The search page of `language` for a query and page. */
  search: (language: Language, q?: string, page?: number) => string;
  others: Language[];
}

/** The snippet with its matched words in <mark>, every piece escaped. */
export function markedSnippet(snippet: PublicSearchHit['snippet']): SafeHtml {
  const parts: (string | SafeHtml)[] = [];
  let at = 0;
  for (const [start, end] of snippet.marks) {
    parts.push(snippet.text.slice(at, start), html`<mark>${snippet.text.slice(start, end)}</mark>`);
    at = end;
  }
  parts.push(snippet.text.slice(at));
  return html`${parts}`;
}

/**
 * The public search page of one language: the form, the hits (title, dateline, snippet with the matched words
 * marked), "did you mean" when nothing matched, pages, and the same search in the other language. Not indexed.
 */
export function searchPage(
  site: SiteInfo,
  language: Language,
  q: string,
  result: SearchView | null,
  pageSize: number,
  links: SearchPageLinks,
): string {
  const t = labels[language].search;
  const pages = result ? Math.ceil(result.total / pageSize) : 0;
  const rows = (result?.items ?? []).map(
    (i) =>
      html`<li>
        <h2><a href="${i.url}">${i.title}</a></h2>
        <p class="dateline">${[i.dateline.province, i.dateText].filter(Boolean).join(' · ')}</p>
        <p class="snippet">${markedSnippet(i.snippet)}</p>
      </li>`,
  );
  const nav =
    result && pages > 1
      ? html`<nav aria-label="${labels[language].pages}" class="pages">
          ${result.page > 1 ? html`<a href="${links.search(language, q, result.page - 1)}" rel="prev">${t.prev}</a>` : null}
          <span>${t.page(result.page)} / ${pages}</span>
          ${result.page < pages ? html`<a href="${links.search(language, q, result.page + 1)}" rel="next">${t.next}</a>` : null}
        </nav>`
      : null;
  const main = html`<h1>${t.title}</h1>
    <form role="search" method="get" action="${links.search(language)}" class="search">
      <label for="q">${t.label}</label>
      <input id="q" name="q" type="search" value="${q}" maxlength="200" />
      <button type="submit">${t.button}</button>
    </form>
    ${
      result
        ? html`<p class="meta" role="status">${result.total ? t.results(result.total, q) : t.none(q)}</p>
            ${
              result.suggestion
                ? html`<p>
                    ${t.didYouMean}
                    <a href="${links.search(language, result.suggestion)}">${result.suggestion}</a>?
                  </p>`
                : null
            }
            ${
              rows.length
                ? html`<ol class="hits">
                    ${rows}
                  </ol>`
                : null
            }
            ${nav}`
        : null
    }`;
  const others = links.others.map((l) => ({ language: l, url: links.search(l, q || undefined) }));
  return layout(
    site,
    {
      language,
      title: `${q ? `${q} — ` : ''}${t.title} — ${site.name}`,
      description: `${site.name}: ${t.title}`,
      robots: 'noindex',
    },
    main,
    others[0] ?? null,
  );
}
