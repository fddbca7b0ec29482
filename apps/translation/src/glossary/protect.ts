import { termMatcher, type GlossaryTerm } from '@khao/thai/glossary-terms';

export type { GlossaryTerm };

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
