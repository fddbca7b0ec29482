/**
 * Glossary terms in a text, by one rule for the translation service (which protects them around a provider call)
 * and the studio (which highlights them and checks the translator's text): longest term first; Thai has no spaces,
 * so Thai terms match as substrings; Latin terms only as whole words, case-insensitively.
 */

/** A term that must come out the same every time: `พอช.` → `CODI`. */
export interface GlossaryTerm {
  source: string;
  target: string;
}

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const isWordChar = (c: string | undefined) => !!c && /[A-Za-z0-9]/.test(c);

/** A matcher for the terms (see above); `lookup` maps a found term, lower-cased, to its fixed translation. */
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
