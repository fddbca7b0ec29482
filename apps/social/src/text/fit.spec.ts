import { describe, expect, it } from 'vitest';
import { segmentGraphemes } from '@khao/thai';
import { DEFAULT_TEMPLATE } from '@khao/contracts';
import { blueskyFacets, fitText, mastodonLength, postableUrl, rulesFor, xLength } from './fit.js';

const title = 'สภาองค์กรชุมชนอุดรธานีร่วมวางแผนพัฒนาที่อยู่อาศัยริมหนองประจักษ์';
const summary =
  'เวทีสองวันที่ศาลากลางจังหวัด ชาวบ้านกว่าสองร้อยคนร่วมกำหนดแผนบ้านมั่นคง สำรวจข้อมูลครัวเรือน ตั้งกลุ่มออมทรัพย์ ' +
  'และเสนอแผนต่อจังหวัดเพื่อให้ชุมชนริมหนองประจักษ์มีที่อยู่อาศัยที่มั่นคงโดยไม่ต้องกลัวถูกไล่ที่อีกต่อไป '.repeat(4);
const url = 'https://news.example.org/th/news/สภาองค์กรชุมชนอุดรธานี-a1b2c3';
const input = { template: DEFAULT_TEMPLATE, title, summary, url, hashtags: ['พอช', 'บ้านมั่นคง'] };

// Thai combining vowels and tone marks that must never be separated from their consonant.
const COMBINING = /^[\u0e31\u0e34-\u0e3a\u0e47-\u0e4e]/u;

describe('fitText', () => {
  it('X: Thai counts one per code point, the URL 23, and the fitted text is within 280', () => {
    const t = `${title} ${postableUrl(url)}`;
    expect(xLength(t)).toBe([...title].length + 1 + 23);
    const fitted = fitText(input, rulesFor('x'));
    expect(fitted.truncated).toBe(true);
    expect(fitted.length).toBeLessThanOrEqual(280);
    expect(fitted.length).toBeGreaterThan(240); // it used the room
    expect(fitted.text).toContain(postableUrl(url));
    expect(fitted.text).toContain('…');
  });

  it('cuts Thai on a word boundary, never inside a cluster', () => {
    const fitted = fitText(input, rulesFor('bluesky'));
    expect(segmentGraphemes(fitted.text).length).toBeLessThanOrEqual(300);
    const kept = fitted.text.split('\n\n')[1];
    expect(kept.endsWith('…')).toBe(true);
    const head = kept.slice(0, -1);
    expect(summary.startsWith(head)).toBe(true);
    const next = summary.slice(head.length);
    expect(COMBINING.test(next)).toBe(false);
    // …and on a word boundary (ICU's Thai dictionary), whitespace aside.
    const words = new Intl.Segmenter('th', { granularity: 'word' });
    const boundaries = new Set([...words.segment(summary)].map((s) => s.index));
    expect(boundaries.has(head.length)).toBe(true);
  });

  it('keeps the whole text when it fits, and drops blank paragraphs of an empty summary', () => {
    const fitted = fitText({ ...input, summary: '' }, rulesFor('line_oa'));
    expect(fitted.truncated).toBe(false);
    expect(fitted.text).toBe(`${title}\n\n${postableUrl(url)}\n#พอช #บ้านมั่นคง`);
  });

  it('Mastodon: URLs count 23 and the configured limit applies', () => {
    expect(mastodonLength(`ข่าว ${postableUrl(url)}`)).toBe(4 + 1 + 23 - 1); // ข่า ว: 3 graphemes + space + 23
    const fitted = fitText(input, rulesFor('mastodon', { characterLimit: 200 }));
    expect(fitted.length).toBeLessThanOrEqual(200);
    expect(fitted.text).toContain(postableUrl(url));
  });

  it('Telegram captions allow 1024, messages 4096; a long English summary is cut on a word', () => {
    const long = 'Community councils met for two days. '.repeat(60);
    const caption = fitText(
      { ...input, title: 'Udon Thani housing plan', summary: long },
      rulesFor('telegram', {}, true),
    );
    expect(caption.length).toBeLessThanOrEqual(1024);
    expect(caption.text).toMatch(/[a-z.]…\n/);
    const message = fitText({ ...input, summary: long }, rulesFor('telegram'));
    expect(message.truncated).toBe(false);
  });

  it('drops hashtags, then shortens the title, before ever cutting the URL', () => {
    const fitted = fitText({ ...input, title: title.repeat(10), summary: '' }, rulesFor('x'));
    expect(fitted.text).not.toContain('#พอช');
    expect(fitted.text.endsWith(postableUrl(url))).toBe(true);
    expect(fitted.length).toBeLessThanOrEqual(280);
  });
});

describe('blueskyFacets', () => {
  it('puts the link facet at UTF-8 byte offsets after Thai text', () => {
    const { text } = fitText(input, rulesFor('bluesky'));
    type Facet = { index: { byteStart: number; byteEnd: number }; features: { uri?: string }[] };
    const [link, tag] = blueskyFacets(text, url, ['พอช']) as Facet[];
    const buf = Buffer.from(text, 'utf8');
    // The text shows the readable (Thai) URL; the facet links the encoded one.
    expect(buf.subarray(link.index.byteStart, link.index.byteEnd).toString('utf8')).toBe(url);
    expect(link.features[0].uri).toBe(postableUrl(url));
    expect(link.index.byteStart).toBeGreaterThan(text.indexOf(url)); // Thai is 3 bytes a character
    expect(buf.subarray(tag.index.byteStart, tag.index.byteEnd).toString('utf8')).toBe('#พอช');
  });
});
