import { formatDate } from '@khao/thai';
import { html, raw, type SafeHtml } from '../html.js';
import type { StoryView } from '../public-content.service.js';
import { labels, ogLocale } from './i18n.js';
import { layout, type SiteInfo } from './layout.js';
import { figure } from './picture.js';

const coverSizes = '(min-width: 48rem) 46rem, 100vw';
const gallerySizes = '(min-width: 48rem) 15rem, (min-width: 30rem) 50vw, 100vw';

/** The article page: one h1, the dateline (province and the event date in the language's calendar), the lead
 * photo, the sanitized body, the gallery, share buttons; head with canonical, hreflang, Open Graph, Twitter Card and
 * JSON-LD NewsArticle. A draft preview renders through here too, with `robots` to keep it out of search engines. */
export async function articlePage(
  site: SiteInfo & { xHandle?: string },
  v: StoryView,
  opts: { robots?: string } = {},
): Promise<string> {
  const t = labels[v.language];
  const cover = v.images.cover;
  const share = cover?.shareImage ?? v.images.gallery[0]?.shareImage ?? null;
  const shareAlt = cover?.alt ?? v.images.gallery[0]?.alt ?? '';
  const description = v.seo.description || v.summary || v.title;
  const source = v.translations.find((x) => x.language === v.sourceLanguage);
  const alternates = [{ language: v.language, url: v.url }, ...v.translations];
  const published = formatDate(new Date(v.publishedAt), v.language);

  const meta = html`<meta property="og:type" content="article" />
    <meta property="og:site_name" content="${site.name}" />
    <meta property="og:title" content="${v.title}" />
    <meta property="og:description" content="${description}" />
    <meta property="og:url" content="${v.url}" />
    <meta property="og:locale" content="${ogLocale[v.language]}" />
    ${v.translations.map((x) => html`<meta property="og:locale:alternate" content="${ogLocale[x.language]}" /> `)}
    ${
      share
        ? html`<meta property="og:image" content="${share.url}" />
            <meta property="og:image:type" content="image/jpeg" />
            <meta property="og:image:width" content="${share.width}" />
            <meta property="og:image:height" content="${share.height}" />
            <meta property="og:image:alt" content="${shareAlt}" />`
        : null
    }
    <meta property="article:published_time" content="${v.publishedAt}" />
    <meta property="article:modified_time" content="${v.updatedAt}" />
    ${v.categories[0] ? html`<meta property="article:section" content="${v.categories[0]}" />` : null}
    ${v.tags.map((tag) => html`<meta property="article:tag" content="${tag}" /> `)}
    <meta name="twitter:card" content="summary_large_image" />
    ${site.xHandle ? html`<meta name="twitter:site" content="@${site.xHandle}" />` : null}
    <meta name="twitter:title" content="${v.title}" />
    <meta name="twitter:description" content="${description}" />
    ${share ? html`<meta name="twitter:image" content="${share.url}" /><meta name="twitter:image:alt" content="${shareAlt}" />` : null}`;

  const jsonLd = {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: v.title.length > 110 ? `${v.title.slice(0, 109)}…` : v.title,
    description,
    inLanguage: v.language,
    url: v.url,
    mainEntityOfPage: { '@type': 'WebPage', '@id': v.url },
    datePublished: v.publishedAt,
    dateModified: v.updatedAt,
    ...(share ? { image: [share.url, ...(cover ? [cover.src] : [])] } : {}),
    author: { '@type': 'Organization', name: v.byline || site.name },
    publisher: { '@type': 'Organization', name: site.name },
    ...(v.categories[0] ? { articleSection: v.categories[0] } : {}),
    ...(v.tags.length ? { keywords: v.tags.join(', ') } : {}),
    ...(v.dateline.place || v.dateline.province
      ? {
          contentLocation: {
            '@type': 'Place',
            name: [v.dateline.place, v.dateline.province].filter(Boolean).join(', '),
          },
        }
      : {}),
    ...(source && v.language !== v.sourceLanguage ? { translationOfWork: { '@id': source.url } } : {}),
  };

  const gallery = await Promise.all(v.images.gallery.map((img) => figure(img, gallerySizes, false, 'photo')));
  const shareLinks = (Object.keys(t.shareOn) as (keyof typeof t.shareOn)[]).map(
    (k) =>
      html`<li>
        <a href="${v.shareLinks[k]}" data-share="${k}" rel="noopener noreferrer" target="_blank">${t.shareOn[k]}</a>
      </li>`,
  );

  const main = html`<article>
    <header>
      ${v.categories[0] ? html`<p class="meta">${v.categories[0]}</p>` : null}
      <h1>${v.title}</h1>
      ${dateline(v)}
      <p class="meta">${t.published} <time datetime="${v.publishedAt}">${published}</time></p>
      ${v.byline ? html`<p class="byline">${t.by} ${v.byline}</p>` : null}
    </header>
    ${cover ? await figure(cover, coverSizes, true, 'cover') : null}
    ${v.summary ? html`<p class="summary"><strong>${v.summary}</strong></p>` : null}
    <div class="body">${raw(v.body)}</div>
    ${
      gallery.length
        ? html`<section class="gallery" aria-labelledby="gallery-title">
            <h2 id="gallery-title">${t.gallery}</h2>
            <ul>
              ${gallery.map((f) => html`<li>${f}</li>`)}
            </ul>
          </section>`
        : null
    }
    <footer>
      ${
        v.tags.length
          ? html`<nav class="tags" aria-label="${t.tags}">
              <ul>
                ${v.tags.map((tag) => html`<li>#${tag}</li>`)}
              </ul>
            </nav>`
          : null
      }
      <nav class="share" aria-label="${t.share}">
        <h2>${t.share}</h2>
        <ul>
          ${shareLinks}
        </ul>
      </nav>
    </footer>
  </article>`;

  const other = v.translations[0];
  return layout(
    site,
    {
      language: v.language,
      title: `${v.seo.title || v.title} — ${site.name}`,
      description,
      canonical: v.url,
      alternates,
      xDefault: source?.url ?? v.url,
      meta,
      jsonLd,
      ...(opts.robots ? { robots: opts.robots } : {}),
    },
    main,
    other ? { language: other.language, url: other.url } : null,
  );
}

/** "อุดรธานี/ เมื่อวันที่ 10–11 เมษายน 2560" in Thai, "Udon Thani, 10–11 April 2017" in English. */
function dateline(v: StoryView): SafeHtml | null {
  const place = v.dateline.province || v.dateline.place;
  if (!place && !v.dateText) return null;
  const t = labels[v.language];
  const date = v.dateText ? html`<time datetime="${v.eventDate?.start ?? ''}">${v.dateText}</time>` : null;
  if (v.language === 'th') {
    return html`<p class="dateline">
      ${place ? html`<span class="place">${place}</span>/ ` : null}${date ? html`${t.datelineOn} ${date}` : null}
    </p>`;
  }
  return html`<p class="dateline">
    ${place ? html`<span class="place">${place}</span>${date ? ', ' : ''}` : null}${date}
  </p>`;
}
