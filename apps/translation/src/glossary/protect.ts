/** A term that must come out the same every time: `พอช.` → `CODI`. */
export interface GlossaryTerm {
  source: string;
  target: string;
}

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const isWordChar = (c: string | undefined) => !!c && /[A-Za-z0-9]/.test(c);

/**
 * A matcher for the terms, longest first. Thai has no spaces, so Thai terms match as substrings; Latin terms only
 * as whole words, case-insensitively.
 */
export function termMatcher(terms: GlossaryTerm[]): { re: RegExp; lookup: Map<string, string> } | null {
  const usable = terms.filter((t) => t.source.trim());
  if (!usable.length) return null;
  const sorted = [...usable].sort((a, b) => b.source.length - a.source.length);
  const alternatives = sorted.map((t) => {
    const body = escapeRe(t.source);
    return `${isWordChar(t.source[0]) ? '\\b' : ''}${body}${isWordChar(t.source.at(-1)) ? '\\b' : ''}`;
  });
  const lookup = new Map(sorted.map((t) => [t.source.toLowerCase(), t.target]));
  return { re: new RegExp(alternatives.join('|'), 'giu'), lookup };
}

const PLACEHOLDER = /<span translate="no" data-term="(\d+)">([\s\S]*?)<\/span>/g;

/**
 * Protects glossary terms around a provider call: each source term in the text (never inside a tag) becomes its
 * target term in a `<span translate="no" data-term="N">` that HTML-aware providers leave alone; {@link restore}
 * turns the spans back into the bare target term.
 */
export function protect(html: string, terms: GlossaryTerm[]): string {
  const m = termMatcher(terms);
  if (!m) return html;
  let n = 0;
  return html
    .split(/(<[^>]*>)/)
    .map((part) =>
      part.startsWith('<')
        ? part
        : part.replace(m.re, (found) => {
            const target = m.lookup.get(found.toLowerCase()) ?? found;
            return `<span translate="no" data-term="${n++}">${target}</span>`;
          }),
    )
    .join('');
}

export function restore(html: string): string {
  return html.replace(PLACEHOLDER, (_all, _n: string, inner: string) => inner);
}

/** Whether a term occurs in the text (for tests and checks). */
export function containsTerm(text: string, term: GlossaryTerm): boolean {
  return termMatcher([term])?.re.test(text) ?? false;
}
