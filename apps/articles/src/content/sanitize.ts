import sanitizeHtml from 'sanitize-html';

/** Embeds a story body may carry: the only hosts whose players we frame, each on its player path. */
const EMBEDS: Record<string, RegExp> = {
  'www.youtube-nocookie.com': /^\/embed\/[\w-]+$/u,
  'www.facebook.com': /^\/plugins\/video\.php$/u,
};

// Dropped with their contents: code, form values, and foreign markup (SVG, MathML) whose text is not prose.
const DROPPED_WITH_CONTENT = ['script', 'style', 'textarea', 'option', 'xmp', 'noscript', 'template', 'svg', 'math'];

const BODY_OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: [
    'p',
    'br',
    'h2',
    'h3',
    'h4',
    'strong',
    'b',
    'em',
    'i',
    'u',
    's',
    'blockquote',
    'q',
    'cite',
    'ul',
    'ol',
    'li',
    'a',
    'img',
    'figure',
    'figcaption',
    'hr',
    'table',
    'thead',
    'tbody',
    'tr',
    'th',
    'td',
    'iframe',
  ],
  allowedAttributes: {
    a: ['href', 'title', 'rel'],
    img: ['src', 'alt', 'title', 'width', 'height', { name: 'loading', values: ['lazy', 'eager'] }],
    iframe: ['src', 'width', 'height', 'allow', 'allowfullscreen', 'title'],
    th: ['colspan', 'rowspan', 'scope'],
    td: ['colspan', 'rowspan'],
  },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowedSchemesByTag: { img: ['http', 'https'], iframe: ['https'] },
  allowedSchemesAppliedToAttributes: ['href', 'src', 'cite'],
  allowProtocolRelative: false,
  allowedIframeHostnames: Object.keys(EMBEDS),
  allowIframeRelativeUrls: false,
  nonTextTags: DROPPED_WITH_CONTENT,
  // Links leave the site without handing it the opener or the story's address; an author's rel is replaced.
  transformTags: { a: sanitizeHtml.simpleTransform('a', { rel: 'noopener noreferrer' }) },
  // sanitize-html only strips a refused src and leaves an empty box: the element goes too. Images must be absolute
  // http(s) because bodies are also served to feeds and apps, where a relative src has nothing to resolve against.
  exclusiveFilter: (frame) =>
    (frame.tag === 'iframe' && !isAllowedEmbed(frame.attribs.src)) ||
    (frame.tag === 'img' && parseUrl(frame.attribs.src, ['http:', 'https:']) === undefined),
  disallowedTagsMode: 'discard',
};

/**
 * Story body HTML reduced to the allow-list: text structure, links (http, https, mailto), http(s) images, tables, and
 * iframes only for https YouTube (nocookie) and Facebook video players. Scripts, styles, handlers and SVG go.
 */
export function sanitizeBody(html: string): string {
  return sanitizeHtml(html, BODY_OPTIONS);
}

function isAllowedEmbed(src: string | undefined): boolean {
  const url = parseUrl(src, ['https:']);
  const path = url && EMBEDS[url.hostname];
  return url !== undefined && url.port === '' && path !== undefined && path.test(url.pathname);
}

/** An absolute URL with one of the protocols, else undefined (relative, unparsable or missing). */
function parseUrl(src: string | undefined, protocols: string[]): URL | undefined {
  if (!src) return undefined;
  try {
    const url = new URL(src);
    return protocols.includes(url.protocol) ? url : undefined;
  } catch {
    return undefined;
  }
}

// Elements whose boundaries separate words; inline ones (strong, a, span…) join their text to the neighbours'.
const BLOCKS = [
  'address',
  'article',
  'aside',
  'blockquote',
  'br',
  'caption',
  'dd',
  'div',
  'dl',
  'dt',
  'figcaption',
  'figure',
  'footer',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hr',
  'li',
  'main',
  'nav',
  'ol',
  'p',
  'pre',
  'section',
  'table',
  'td',
  'th',
  'tr',
  'ul',
];

const TEXT_OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: BLOCKS,
  allowedAttributes: {},
  nonTextTags: [...DROPPED_WITH_CONTENT, 'iframe', 'title', 'head'],
  disallowedTagsMode: 'discard',
};

// sanitize-html decodes every entity while parsing and escapes only these four again on output.
const ESCAPED: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"' };

/**
 * Plain text of HTML for search and summaries: tags removed, entities decoded, one line per block element (a
 * Thai word split by <strong> stays one word), spaces collapsed.
 */
export function htmlToText(html: string): string {
  // After this pass only attribute-less block tags remain, and every '<' in text is escaped.
  const blocks = sanitizeHtml(html, TEXT_OPTIONS);
  return blocks
    .replace(/<[^>]*>/gu, '\n')
    .replace(/&(?:amp|lt|gt|quot);/gu, (entity) => ESCAPED[entity] ?? entity)
    .split('\n')
    .map((line) => line.replace(/\s+/gu, ' ').trim())
    .filter((line) => line !== '')
    .join('\n');
}
