import { describe, expect, it } from 'vitest';
import type { ResolvedImage } from '@khao/contracts';
import { buildFeed } from '../feeds.js';
import type { StoryView } from '../public-content.service.js';
import { PublicUrls } from '../public-urls.js';
import { shareLinks } from '../share-links.js';
import { articlePage } from './article-page.js';
import type { SiteInfo } from './layout.js';

// Rendering with images, from the media contract's shape (the media service itself is tested on its own branch).
const cdn = 'https://media.example.org/r';
function image(id: string, alt: string, caption: string): ResolvedImage {
  const widths = [320, 640, 1024];
  return {
    id,
    width: 2048,
    height: 1365,
    blurhash: 'LEHV6nWB2yk8pyo0adR*.7kCMdnj',
    focalPoint: { x: 0.5, y: 0.4 },
    caption,
    alt,
    credit: 'พอช.',
    src: `${cdn}/${id}-1024.jpg`,
    srcset: {
      webp: widths.map((w) => `${cdn}/${id}-${w}.webp ${w}w`).join(', '),
      jpeg: widths.map((w) => `${cdn}/${id}-${w}.jpg ${w}w`).join(', '),
      avif: null,
    },
    renditions: widths.map((w) => ({
      format: 'jpeg' as const,
      width: w,
      height: Math.round((w * 1365) / 2048),
      bytes: w * 100,
      url: `${cdn}/${id}-${w}.jpg`,
    })),
    shareImage: { url: `${cdn}/${id}-share.jpg`, width: 1200, height: 630 },
  };
}

const urls = new PublicUrls('https://news.example.org/');
const site: SiteInfo = {
  name: 'Khao',
  links: [],
  home: (l) => urls.home(l),
  feeds: (l) => ({ rss: urls.feed(l, 'rss'), atom: urls.feed(l, 'atom') }),
};
const url = urls.story('th', 'ชุมชน-abc123');
const cover = image('aaaaaaaaaaaaaaaaaaaaaaaa', 'ชาวบ้านร่วมเวทีที่ศาลากลาง', 'เวทีแลกเปลี่ยนที่ศาลากลางจังหวัดอุดรธานี');
const photo = image('bbbbbbbbbbbbbbbbbbbbbbbb', 'IMG 3551: กลุ่มออมทรัพย์', '');
const view: StoryView = {
  storyId: 'cccccccccccccccccccccccc',
  language: 'th',
  sourceLanguage: 'th',
  slug: 'ชุมชน-abc123',
  title: 'สภาองค์กรชุมชนอุดรธานี',
  summary: 'เวทีสองวัน',
  body: '<p>เนื้อข่าว</p>',
  seo: {},
  publishedAt: '2026-11-25T03:00:00.000Z',
  updatedAt: '2026-11-25T04:00:00.000Z',
  revision: 3,
  dateline: { province: 'อุดรธานี' },
  eventDate: { start: '2017-04-10T02:00:00.000Z', end: '2017-04-11T09:00:00.000Z' },
  dateText: '10–11 เมษายน 2560',
  categories: [],
  tags: [],
  byline: '',
  coverMediaId: cover.id,
  galleryMediaIds: [photo.id],
  url,
  translations: [],
  images: { cover, gallery: [photo] },
  shareLinks: shareLinks({ url, title: 'สภาองค์กรชุมชนอุดรธานี' }),
};

describe('article page with images', () => {
  it('uses the 1200×630 share rendition for og:image and twitter:image', async () => {
    const html = await articlePage(site, view);
    expect(html).toContain(`<meta property="og:image" content="${cover.shareImage.url}"`);
    expect(html).toContain('<meta property="og:image:width" content="1200"');
    expect(html).toContain('<meta property="og:image:height" content="630"');
    expect(html).toContain(`<meta name="twitter:image" content="${cover.shareImage.url}"`);
    expect(html).toContain(`<meta property="og:image:alt" content="${cover.alt}"`);
    const ld = JSON.parse(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/.exec(html)![1]) as {
      image: string[];
    };
    expect(ld.image[0]).toBe(cover.shareImage.url);
  });

  it('renders the cover eagerly and the gallery lazily, with srcset, sizes, dimensions, alt and a blurhash', async () => {
    const html = await articlePage(site, view);
    const imgs = [...html.matchAll(/<img\s[^>]*>/g)].map((m) => m[0]);
    expect(imgs).toHaveLength(2);
    const [lead, gallery] = imgs;
    expect(lead).toContain('loading="eager"');
    expect(lead).toContain('fetchpriority="high"');
    expect(gallery).toContain('loading="lazy"');
    for (const [tag, img] of [
      [lead, cover],
      [gallery, photo],
    ] as const) {
      expect(tag).toContain(`src="${img.src}"`);
      expect(tag).toContain(`srcset="${img.srcset.jpeg}"`);
      expect(tag).toMatch(/ sizes="[^"]+"/);
      expect(tag).toContain('width="2048"');
      expect(tag).toContain('height="1365"');
      expect(tag).toContain(`alt="${img.alt}"`);
      expect(tag).toMatch(/style="background-image:url\(data:image\/png;base64,[A-Za-z0-9+/=]+\)"/);
    }
    expect(html).toContain(`<source type="image/webp" srcset="${photo.srcset.webp}"`);
    expect(html).toContain('<figcaption>เวทีแลกเปลี่ยนที่ศาลากลางจังหวัดอุดรธานี — © พอช.</figcaption>');
    expect(html).toMatch(/<section class="gallery" aria-labelledby="gallery-title">/);
  });

  it('feeds carry the lead photo as an image enclosure with its size', () => {
    const feed = buildFeed('Khao', 'th', [{ ...view, cover, translations: [] }], urls);
    expect(feed.rss2()).toContain(`<enclosure length="102400" type="image/jpeg" url="${cover.src}"`);
    expect(feed.atom1()).toMatch(new RegExp(`<link rel="enclosure" [^>]*href="${cover.src}"`));
  });
});
