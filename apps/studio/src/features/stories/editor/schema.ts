import { Mark, Node, type Extensions } from '@tiptap/core';
import Image from '@tiptap/extension-image';
import Link from '@tiptap/extension-link';
import { Table, TableCell, TableHeader, TableRow } from '@tiptap/extension-table';
import StarterKit from '@tiptap/starter-kit';
import { OrderedList } from '@tiptap/extension-list';
import { VideoEmbed } from './video-embed';

/** An attribute the sanitizer drops: read nothing from the HTML and write nothing back. */
const dropped = { default: null, parseHTML: () => null, renderHTML: () => ({}) };

/** An absolute http(s) address: the only image sources the articles service keeps (feeds have no base URL). */
export function isAbsoluteHttp(src: string | null | undefined): boolean {
  if (!src) return false;
  try {
    const url = new URL(src);
    return url.protocol === 'https:' || url.protocol === 'http:';
  } catch {
    return false;
  }
}

/** Numbered lists without `start` or `type`: the sanitizer keeps `<ol>` bare, so the editor numbers from 1 too. */
const PlainOrderedList = OrderedList.extend({
  addAttributes() {
    return { start: { default: 1, parseHTML: () => 1, renderHTML: () => ({}) }, type: dropped };
  },
});

/** An inline quotation (`<q>`) and the title of a cited work (`<cite>`). */
export const InlineQuote = Mark.create({
  name: 'inlineQuote',
  parseHTML: () => [{ tag: 'q' }],
  renderHTML: () => ['q', 0],
});
export const Citation = Mark.create({
  name: 'citation',
  parseHTML: () => [{ tag: 'cite' }],
  renderHTML: () => ['cite', 0],
});

/** Links written exactly as the articles sanitizer keeps them (the story editor and the translation desk). */
export const SanitizedLink = Link.extend({
  // Whatever a pasted link carried, it is written as the sanitizer keeps it: no target or class, its own rel.
  addAttributes() {
    return {
      ...this.parent?.(),
      target: dropped,
      class: dropped,
      rel: { default: 'noopener noreferrer', parseHTML: () => 'noopener noreferrer' },
    };
  },
  // href first, then rel: the order the articles sanitizer writes them back in, so a link round-trips unchanged.
  renderHTML({ HTMLAttributes }) {
    const { href, title, ...rest } = HTMLAttributes as Record<string, unknown>;
    return ['a', { href, ...(title ? { title } : {}), ...rest }, 0];
  },
}).configure({
  openOnClick: false,
  autolink: true,
  protocols: ['http', 'https', 'mailto'],
  defaultProtocol: 'https',
  // No target; every link leaves without the opener or the referrer (the server sets the same rel).
  HTMLAttributes: { target: null, rel: 'noopener noreferrer', class: null },
});

/** A photo with its caption: `<figure><img …><figcaption>…</figcaption></figure>`. */
const Figure = Node.create({
  name: 'figure',
  group: 'block',
  content: 'image figcaption?',
  isolating: true,
  parseHTML: () => [{ tag: 'figure' }],
  renderHTML: () => ['figure', 0],
});
const FigureCaption = Node.create({
  name: 'figcaption',
  content: 'inline*',
  parseHTML: () => [{ tag: 'figcaption' }],
  renderHTML: () => ['figcaption', 0],
});

// Cells as the sanitizer keeps them: colspan/rowspan when not 1 (the extension omits 1), no widths, no alignment.
const cellAttributes = { colwidth: dropped, align: dropped };
const Cell = TableCell.extend({
  addAttributes() {
    return { ...this.parent?.(), ...cellAttributes };
  },
});
const HeaderCell = TableHeader.extend({
  addAttributes() {
    return {
      ...this.parent?.(),
      ...cellAttributes,
      scope: {
        default: null,
        parseHTML: (el: HTMLElement) =>
          /^(row|col|rowgroup|colgroup)$/.test(el.getAttribute('scope') ?? '') ? el.getAttribute('scope') : null,
      },
    };
  },
});
/** `<table><tbody>…</tbody></table>`: no column group and no inline widths (the sanitizer drops both). */
const PlainTable = Table.extend({
  renderHTML: () => ['table', ['tbody', 0]],
}).configure({ resizable: false, renderWrapper: false });

/**
 * Exactly the constructs the articles service keeps (its sanitizer's allow-list), each written the way the
 * sanitizer writes it back: paragraphs, h2–h4, bold, italic, underline, strike, inline quotation and citation,
 * lists, blockquote, rule, line break, http(s)/mailto links, absolute images (with a caption as a figure), tables
 * and the allow-listed video players. Anything else pasted in (Word markup, scripts, styles) is dropped by the
 * schema; see also {@link cleanPastedHtml}.
 */
export const extensions: Extensions = [
  StarterKit.configure({
    heading: { levels: [2, 3, 4] },
    code: false,
    codeBlock: false,
    link: false,
    orderedList: false,
  }),
  PlainOrderedList,
  SanitizedLink,
  Image.extend({
    addAttributes() {
      return {
        ...this.parent?.(),
        loading: {
          default: null,
          parseHTML: (el: HTMLElement) =>
            /^(lazy|eager)$/.test(el.getAttribute('loading') ?? '') ? el.getAttribute('loading') : null,
        },
      };
    },
    parseHTML() {
      return [
        { tag: 'img[src]', getAttrs: (el: HTMLElement) => (isAbsoluteHttp(el.getAttribute('src')) ? null : false) },
      ];
    },
  }).configure({ inline: false, allowBase64: false }),
  Figure,
  FigureCaption,
  InlineQuote,
  Citation,
  PlainTable,
  TableRow,
  HeaderCell,
  Cell,
  VideoEmbed,
];

/** Word's own markup that would otherwise leave text behind: the bullets it draws itself, its XML and styles. */
const WORD_NOISE = '[style*="mso-list:Ignore" i], [style*="mso-list: Ignore" i], o\\:p, xml, style, meta, link, title';
const WORD_LIST_ITEM = 'p[class^="MsoListParagraph" i], p[style*="mso-list:" i]';

/**
 * Pasted HTML before the schema reads it. Word (and Outlook) draw list bullets and numbers as text ("·", "1.") in
 * `mso-list:Ignore` spans inside conditional comments, and write each item as a paragraph: the items become one
 * real list per run (numbered when Word numbered them) and the drawn bullets go. The rest (classes, styles, spans,
 * fonts, `<o:p>`) the schema drops by itself.
 */
export function cleanPastedHtml(html: string): string {
  if (!/mso-|urn:schemas-microsoft-com|<o:p/i.test(html)) return html;
  const doc = new DOMParser().parseFromString(html, 'text/html');
  const comments = doc.createTreeWalker(doc.body, NodeFilter.SHOW_COMMENT);
  const drop: ChildNode[] = [];
  while (comments.nextNode()) drop.push(comments.currentNode as ChildNode);
  for (const c of drop) c.remove();
  for (const p of Array.from(doc.querySelectorAll(WORD_LIST_ITEM))) {
    const marker = p.querySelector('[style*="mso-list:Ignore" i], [style*="mso-list: Ignore" i]')?.textContent ?? '';
    const tag = /^\s*[\dA-Za-z๐-๙]{1,3}[.)]/.test(marker) ? 'OL' : 'UL';
    const prev = p.previousElementSibling;
    let list = prev?.tagName === tag && prev.hasAttribute('data-word-list') ? prev : null;
    if (!list) {
      list = doc.createElement(tag.toLowerCase());
      list.setAttribute('data-word-list', '');
      p.before(list);
    }
    const li = doc.createElement('li');
    li.append(...Array.from(p.childNodes));
    list.append(li);
    p.remove();
  }
  for (const el of Array.from(doc.querySelectorAll(WORD_NOISE))) el.remove();
  // Word spaces paragraphs with empty ones; the public page spaces them by itself.
  for (const p of Array.from(doc.querySelectorAll('p'))) {
    if (!p.textContent?.replace(/\u00a0/g, ' ').trim() && !p.querySelector('img,iframe')) p.remove();
  }
  return doc.body.innerHTML;
}
