import { describe, expect, it } from 'vitest';
import { shareLinks } from './share-links.js';

const url = 'https://news.example.org/th/news/%E0%B8%AA%E0%B8%A0%E0%B8%B2-a1b2c3';
const title = 'สภาองค์กรชุมชนอุดรธานี & “บ้านมั่นคง”';

describe('shareLinks', () => {
  const links = shareLinks({ url, title, summary: 'เวทีสองวัน ที่ศาลากลาง' });

  it('gives each platform its documented share URL with the story URL intact', () => {
    const fb = new URL(links.facebook);
    expect(fb.origin + fb.pathname).toBe('https://www.facebook.com/sharer/sharer.php');
    expect(fb.searchParams.get('u')).toBe(url);

    const x = new URL(links.x);
    expect(x.origin + x.pathname).toBe('https://x.com/intent/tweet');
    expect(x.searchParams.get('url')).toBe(url);
    expect(x.searchParams.get('text')).toBe(title);

    const line = new URL(links.line);
    expect(line.origin + line.pathname).toBe('https://social-plugins.line.me/lineit/share');
    expect(line.searchParams.get('url')).toBe(url);

    const tg = new URL(links.telegram);
    expect(tg.origin + tg.pathname).toBe('https://t.me/share/url');
    expect(tg.searchParams.get('url')).toBe(url);
    expect(tg.searchParams.get('text')).toBe(title);

    const wa = new URL(links.whatsapp);
    expect(wa.origin + wa.pathname).toBe('https://wa.me/');
    expect(wa.searchParams.get('text')).toBe(`${title} ${url}`);
  });

  it('builds a mailto with %20-encoded Thai subject and body', () => {
    expect(links.email.startsWith('mailto:?subject=')).toBe(true);
    expect(links.email).not.toContain('+');
    const params = new URLSearchParams(links.email.slice('mailto:?'.length));
    expect(params.get('subject')).toBe(title);
    expect(params.get('body')).toBe(`เวทีสองวัน ที่ศาลากลาง\n\n${url}`);
  });

  it('has no Google+ and no raw ampersand from the title leaking into the query', () => {
    expect(Object.keys(links).sort()).toEqual(['email', 'facebook', 'line', 'telegram', 'whatsapp', 'x']);
    expect(new URL(links.x).searchParams.getAll('text')).toHaveLength(1);
  });

  it('without a summary the e-mail body is the link alone', () => {
    const body = new URLSearchParams(shareLinks({ url, title }).email.slice(8)).get('body');
    expect(body).toBe(url);
  });
});
