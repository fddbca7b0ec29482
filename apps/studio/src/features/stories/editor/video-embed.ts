import { Node, mergeAttributes } from '@tiptap/core';

/** The players a story body may frame, each on its player path: the articles service's embed allow-list. */
const PLAYERS: Record<string, RegExp> = {
  'www.youtube-nocookie.com': /^\/embed\/[\w-]+$/u,
  'www.facebook.com': /^\/plugins\/video\.php$/u,
};

export function isAllowedEmbed(src: string | null | undefined): boolean {
  if (!src) return false;
  try {
    const url = new URL(src);
    const path = PLAYERS[url.hostname];
    return url.protocol === 'https:' && url.port === '' && path !== undefined && path.test(url.pathname);
  } catch {
    return false;
  }
}

/**
 * The player address for a video link someone pastes: YouTube (watch, youtu.be, shorts) becomes its
 * youtube-nocookie player, a Facebook video its video plugin; anything else is refused (null).
 */
export function embedUrl(link: string): string | null {
  let url: URL;
  try {
    url = new URL(link.trim());
  } catch {
    return null;
  }
  if (isAllowedEmbed(url.href)) return url.href;
  const host = url.hostname.replace(/^(www\.|m\.)/u, '');
  let id: string | null = null;
  if (host === 'youtube.com')
    id = url.searchParams.get('v') ?? /^\/(?:shorts|embed)\/([\w-]+)/u.exec(url.pathname)?.[1] ?? null;
  if (host === 'youtu.be') id = /^\/([\w-]+)/u.exec(url.pathname)?.[1] ?? null;
  if (id && /^[\w-]+$/u.test(id)) return `https://www.youtube-nocookie.com/embed/${id}`;
  if ((host === 'facebook.com' || host === 'fb.watch') && url.protocol === 'https:') {
    return `https://www.facebook.com/plugins/video.php?href=${encodeURIComponent(url.href)}`;
  }
  return null;
}

/** A video player in the body: an iframe, kept only for the allow-listed players (pasted ones included). */
export const VideoEmbed = Node.create({
  name: 'videoEmbed',
  group: 'block',
  atom: true,
  draggable: true,
  addAttributes() {
    // What the sanitizer keeps on a player besides its address; allowfullscreen is always written.
    return {
      src: { default: null },
      title: { default: null },
      width: { default: null },
      height: { default: null },
      allow: { default: null },
    };
  },
  parseHTML() {
    return [
      {
        tag: 'iframe[src]',
        getAttrs: (el) =>
          isAllowedEmbed(el.getAttribute('src'))
            ? {
                src: el.getAttribute('src'),
                title: el.getAttribute('title'),
                width: el.getAttribute('width'),
                height: el.getAttribute('height'),
                allow: el.getAttribute('allow'),
              }
            : false,
      },
    ];
  },
  renderHTML({ HTMLAttributes }) {
    return ['iframe', mergeAttributes(HTMLAttributes, { allowfullscreen: 'true' })];
  },
});
