/**
 * A light English stemmer for search (plurals, -ing, -ed, a final e): "floods", "flooded" and "flooding" are
 * "flood"; "houses", "house" and "housing" are "hous". Applied alike to documents and queries, so the stems only
 * need to agree with each other, not to be words.
 */
export function stemEnglish(word: string): string {
  let w = word;
  if (w.length <= 3 || !/^[a-z]+$/u.test(w)) return w;
  if (w.endsWith('ies') && w.length > 4) w = `${w.slice(0, -3)}y`;
  else if (/(?:ss|x|z|ch|sh)es$/u.test(w) || (w.endsWith('ses') && w.length > 4)) w = w.slice(0, -2);
  else if (w.endsWith('s') && !/(?:ss|us|is)$/u.test(w)) w = w.slice(0, -1);
  if (w.length > 5 && w.endsWith('ing')) w = undouble(w.slice(0, -3));
  else if (w.length > 4 && w.endsWith('ed')) w = undouble(w.slice(0, -2));
  if (w.length > 4 && w.endsWith('e')) w = w.slice(0, -1);
  return w;
}

/** "planned" → "plan", "running" → "run"; "called" keeps its ll. */
function undouble(w: string): string {
  return /([b-df-hj-km-np-rtv-z])\1$/u.test(w) && !/(?:ll|ss|zz)$/u.test(w) ? w.slice(0, -1) : w;
}
