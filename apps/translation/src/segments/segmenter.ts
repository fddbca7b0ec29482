import { createHash } from 'node:crypto';
import { DomUtils, ElementType, parseDocument } from 'htmlparser2';

type DomNode = ReturnType<typeof parseDocument>['children'][number];
type DomElement = Extract<DomNode, { name: string; children: unknown }>;

const isElement = (n: DomNode): n is DomElement =>
  n.type === ElementType.Tag || n.type === ElementType.Script || n.type === ElementType.Style;

/** One piece of text to translate: the title, the summary, or the inline content of one body block. */
export interface SourceSegment {
  kind: string;
  /** Plain text for title and summary; inline HTML (markup and links kept) for body blocks. */
  source: string;
  sourceHash: string;
}

/** A source version cut into segments, and what it takes to put the body back together around them. */
export interface SegmentedVersion {
  segments: SourceSegment[];
  /** The body's markup between its segments: `skeleton.length === bodySegments + 1`. */
  skeleton: string[];
}

/** Elements that start a new block: their inline content is a segment of its own. */
const BLOCKS = new Set(
  (
    'address article aside blockquote caption dd div dl dt figcaption figure footer h1 h2 h3 h4 h5 ' +
    'h6 header hr li main ol p section table tbody td tfoot th thead tr ul'
  ).split(' '),
);
/** Left exactly as they are: embeds, preformatted text, media. */
const OPAQUE = new Set(['iframe', 'pre', 'script', 'style', 'video', 'audio', 'object', 'embed', 'svg']);

export function hashText(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 32);
}

function segment(kind: string, source: string): SourceSegment {
  return {
    kind,
    source,
    sourceHash: hashText(`${kind === 'title' || kind === 'summary' ? 'text' : 'html'}:${source}`),
  };
}

/**
 * Cuts a version into segments: title, summary, then every run of inline content inside a block element of the
 * body (paragraphs, headings, list items, quotes, captions, cells), in document order. Markup between the runs is
 * kept byte for byte in the skeleton, so the translated body has exactly the original block structure.
 */
export function segmentVersion(v: { title: string; summary: string; body: string }): SegmentedVersion {
  const segments: SourceSegment[] = [segment('title', v.title.trim())];
  if (v.summary.trim()) segments.push(segment('summary', v.summary.trim()));
  const { blocks, skeleton } = segmentBody(v.body);
  for (const b of blocks) segments.push(segment(b.kind, b.source));
  return { segments, skeleton };
}

export function segmentBody(html: string): { blocks: { kind: string; source: string }[]; skeleton: string[] } {
  const doc = parseDocument(html, { withStartIndices: true, withEndIndices: true, decodeEntities: false });
  const ranges: { start: number; end: number; kind: string }[] = [];

  const walk = (children: DomNode[], kind: string) => {
    let run: DomNode[] = [];
    const flush = () => {
      if (run.length && /\S/.test(DomUtils.textContent(run))) {
        const start = run[0].startIndex ?? 0;
        const end = (run.at(-1)!.endIndex ?? html.length - 1) + 1;
        // Whitespace at the edges stays in the skeleton.
        const raw = html.slice(start, end);
        const lead = raw.length - raw.trimStart().length;
        const trail = raw.length - raw.trimEnd().length;
        ranges.push({ start: start + lead, end: end - trail, kind });
      }
      run = [];
    };
    for (const node of children) {
      if (isElement(node) && (BLOCKS.has(node.name) || OPAQUE.has(node.name))) {
        flush();
        if (!OPAQUE.has(node.name)) walk(node.children, node.name);
      } else if (isElement(node) || node.type === ElementType.Text) {
        run.push(node);
      } else {
        flush(); // comments and directives break a run and stay untouched
      }
    }
    flush();
  };
  walk(doc.children, 'body');

  const skeleton: string[] = [];
  const blocks: { kind: string; source: string }[] = [];
  let at = 0;
  for (const r of ranges) {
    skeleton.push(html.slice(at, r.start));
    blocks.push({ kind: r.kind, source: html.slice(r.start, r.end) });
    at = r.end;
  }
  skeleton.push(html.slice(at));
  return { blocks, skeleton };
}

/** The body again, each segment replaced by its translation, in the original block structure. */
export function assembleBody(skeleton: string[], translations: string[]): string {
  if (translations.length !== skeleton.length - 1) {
    throw new Error(`expected ${skeleton.length - 1} body segments, got ${translations.length}`);
  }
  let out = skeleton[0];
  translations.forEach((t, i) => (out += t + skeleton[i + 1]));
  return out;
}

const escapes: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' };

/** Title and summary are plain text; providers in HTML mode get them escaped. */
export function textToHtml(text: string): string {
  return text.replace(/[&<>]/g, (c) => escapes[c]);
}

export function htmlToText(html: string): string {
  return DomUtils.textContent(parseDocument(html, { decodeEntities: true }).children).trim();
}
