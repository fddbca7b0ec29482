/**
 * The cache key of each public response. The controllers (on a miss) and PublicFastPath (on a hit) derive keys
 * here alike, so a response stored by one is found by the other.
 */
export const PublicKeys = {
  storyJson: (lang: string, slug: string) => `json:story:${lang}:${slug}`,
  storyHtml: (lang: string, slug: string) => `html:story:${lang}:${slug}`,
  home: (lang: string, cursor = '') => `html:home:${lang}:${cursor}`,
  feed: (kind: 'rss' | 'atom', lang: string) => `feed:${kind}:${lang}`,
  notFound: (lang: string) => `html:404:${lang}`,
  sitemap: () => 'sitemap',
};
