import DOMPurify from 'dompurify';
import type { GlossaryTerm } from '@khao/thai/glossary-terms';
import { findTerms, highlightRuns, type TermHit } from './glossary-check';

/** Title and summary are plain text; every other segment is the inline HTML of one block of the body. */
export const isPlainSegment = (kind: string): boolean => kind === 'title' || kind === 'summary';

/** The inline markup the articles sanitizer keeps inside a block, and so all a body segment can carry. */
const INLINE_TAGS = ['strong', 'b', 'em', 'i', 'u', 's', 'q', 'cite', 'a', 'br'];

/** A body segment's HTML with nothing but that inline markup (text of anything else kept, scripts dropped). */
export function sanitizeInline(html: string): string {
  return DOMPurify.sanitize(html, { ALLOWED_TAGS: INLINE_TAGS, ALLOWED_ATTR: ['href', 'title', 'rel'] });
}

/** The marks a translator may need in a target segment, by the story editor's names for them. */
export type InlineMark = 'bold' | 'italic' | 'underline' | 'strike' | 'inlineQuote' | 'citation' | 'link';
const MARK_OF_TAG: Record<string, InlineMark> = {
  STRONG: 'bold',
  B: 'bold',
  EM: 'italic',
  I: 'italic',
  U: 'underline',
  S: 'strike',
  Q: 'inlineQuote',
  CITE: 'citation',
  A: 'link',
};
const MARK_ORDER: InlineMark[] = ['bold', 'italic', 'underline', 'strike', 'inlineQuote', 'citation', 'link'];

/** The marks a source segment uses, in the toolbar's order: the target's editor offers those and no others. */
export function marksIn(html: string): InlineMark[] {
  const found = new Set<InlineMark>();
  for (const el of Array.from(parse(html).querySelectorAll('*'))) {
    const mark = MARK_OF_TAG[el.tagName];
    if (mark) found.add(mark);
  }
  return MARK_ORDER.filter((m) => found.has(m));
}

/**
 * A source segment as its reader sees it: plain text escaped, body HTML sanitized, and each glossary term found in
 * its text wrapped in `<mark>` (a term that crosses a tag is marked piece by piece). Returns the terms found too.
 */
export function renderSource(kind: string, source: string, terms: GlossaryTerm[]): { html: string; hits: TermHit[] } {
  const body = isPlainSegment(kind) ? textBody(source) : parse(sanitizeInline(source));
  const hits = findTerms(body.textContent ?? '', terms);
  if (hits.length === 0) return { html: body.innerHTML, hits };
  const doc = body.ownerDocument;
  const walker = doc.createTreeWalker(body, NodeFilter.SHOW_TEXT);
  const texts: Text[] = [];
  while (walker.nextNode()) texts.push(walker.currentNode as Text);
  let at = 0;
  for (const node of texts) {
    const start = at;
    const text = node.data;
    at += text.length;
    // The hits within this text node, cut to it.
    const local = hits
      .filter((h) => h.start < at && h.end > start)
      .map((h) => {
        const from = Math.max(h.start - start, 0);
        const to = Math.min(h.end - start, text.length);
        return { ...h, start: from, end: to, found: text.slice(from, to) };
      });
    if (local.length === 0) continue;
    const pieces = highlightRuns(text, local).map((run) => {
      if (!run.hit) return doc.createTextNode(run.text);
      const mark = doc.createElement('mark');
      mark.title = `${run.hit.found} → ${run.hit.target}`;
      mark.dataset.term = run.hit.target;
      mark.textContent = run.text;
      return mark;
    });
    node.replaceWith(...pieces);
  }
  return { html: body.innerHTML, hits };
}

function parse(html: string): HTMLElement {
  return new DOMParser().parseFromString(`<body>${html}</body>`, 'text/html').body;
}

function textBody(text: string): HTMLElement {
  const body = parse('');
  body.textContent = text;
  return body;
}
