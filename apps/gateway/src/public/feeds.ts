import { Feed } from 'feed';
import type { Language, ResolvedImage } from '@khao/contracts';
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
