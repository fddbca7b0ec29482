import { termMatcher, type GlossaryTerm } from '@khao/thai/glossary-terms';

/** A glossary term found in a source segment, with the fixed translation the target must use. */
export interface TermHit {
  start: number;
  end: number;
  found: string;
  target: string;
}

/** Where the glossary's terms occur in a (plain) text, by the rule the translation service uses. */
export function findTerms(text: string, terms: GlossaryTerm[]): TermHit[] {
  const m = termMatcher(terms);
  if (!m) return [];
  return [...text.matchAll(m.re)].map((hit) => ({
    start: hit.index,
    end: hit.index + hit[0].length,
    found: hit[0],
    target: m.lookup.get(hit[0].toLowerCase()) ?? hit[0],
  }));
}

/** The text cut into plain runs and term runs, for highlighting. */
export function highlightRuns(text: string, hits: TermHit[]): { text: string; hit?: TermHit }[] {
  const runs: { text: string; hit?: TermHit }[] = [];
  let at = 0;
  for (const hit of hits) {
    if (hit.start > at) runs.push({ text: text.slice(at, hit.start) });
    runs.push({ text: hit.found, hit });
    at = hit.end;
  }
  if (at < text.length) runs.push({ text: text.slice(at) });
  return runs;
}

/**
 * The terms of the source whose fixed translation the target does not use (case-insensitive; each counted once):
 * พอช. in the source and no "CODI" in the English text is a warning.
 */
export function missingTerms(source: string, target: string, terms: GlossaryTerm[]): TermHit[] {
  const lower = target.toLowerCase();
  const seen = new Set<string>();
  return findTerms(source, terms).filter((hit) => {
    const key = hit.target.toLowerCase();
    if (seen.has(key) || lower.includes(key)) return false;
    seen.add(key);
    return true;
  });
}

/** The text of an inline HTML fragment (a body segment), as a reader sees it. */
export function textOf(html: string): string {
  return new DOMParser().parseFromString(html, 'text/html').body.textContent ?? '';
}
