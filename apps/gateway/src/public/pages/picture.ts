import type { ResolvedImage } from '@khao/contracts';
import { blurhashDataUrl } from '../blurhash-placeholder.js';
import { html, type SafeHtml } from '../html.js';

/**
 * A responsive image: AVIF/WebP sources and a JPEG fallback, each with its srcset, explicit dimensions (no layout
 * shift) and the blurhash as a background until the photo arrives. Lazy unless it is the lead photo.
 */
export async function picture(img: ResolvedImage, sizes: string, lead: boolean): Promise<SafeHtml> {
  const placeholder = await blurhashDataUrl(img.blurhash, img.width, img.height);
  const style = placeholder ? `background-image:url(${placeholder})` : null;
  return html`<picture
    >${img.srcset.avif ? html`<source type="image/avif" srcset="${img.srcset.avif}" sizes="${sizes}" />` : null}
    <source type="image/webp" srcset="${img.srcset.webp}" sizes="${sizes}" />
    <img
      src="${img.src}"
      srcset="${img.srcset.jpeg}"
      sizes="${sizes}"
      width="${img.width}"
      height="${img.height}"
      alt="${img.alt}"
      loading="${lead ? 'eager' : 'lazy'}"
      decoding="async"
      ${lead ? html` fetchpriority="high"` : null}${style ? html` style="${style}"` : null}
  /></picture>`;
}

export async function figure(img: ResolvedImage, sizes: string, lead: boolean, className: string): Promise<SafeHtml> {
  const caption = [img.caption, img.credit ? `© ${img.credit}` : ''].filter(Boolean).join(' — ');
  return html`<figure class="${className}">
    ${await picture(img, sizes, lead)}${caption ? html`<figcaption>${caption}</figcaption>` : null}
  </figure>`;
}
