/** Where a reader can share a story. Google+ closed in 2019: no link for it. */
export interface ShareLinks {
  facebook: string;
  x: string;
  line: string;
  telegram: string;
  whatsapp: string;
  email: string;
}

/**
 * The platforms' documented share URLs for one story: each gets the canonical URL; those that take text get the
 * title (e-mail also the summary). Query values are percent-encoded with UTF-8, so Thai titles travel intact.
 */
export function shareLinks(story: { url: string; title: string; summary?: string }): ShareLinks {
  const q = (base: string, params: Record<string, string>) => `${base}?${new URLSearchParams(params).toString()}`;
  const { url, title } = story;
  const body = story.summary ? `${story.summary}\n\n${url}` : url;
  return {
    facebook: q('https://www.facebook.com/sharer/sharer.php', { u: url }),
    x: q('https://x.com/intent/tweet', { url, text: title }),
    line: q('https://social-plugins.line.me/lineit/share', { url, text: title }),
    telegram: q('https://t.me/share/url', { url, text: title }),
    whatsapp: q('https://wa.me/', { text: `${title} ${url}` }),
    // mailto wants %20 for spaces, not '+': URLSearchParams is for http(s) queries only.
    email: `mailto:?subject=${encodeURIComponent(title)}&body=${encodeURIComponent(body)}`,
  };
}
