import { snippet, type ParsedQuery, type Snippet } from '@khao/thai';
import { htmlToText } from '../content/sanitize.js';

/**
 * A hit's snippet: its body around the matched words, or its summary when the words are only there or in the title
 * (the body's opening then says less than the summary does).
 */
export function storySnippet(version: { body: string; summary: string } | undefined, query: ParsedQuery): Snippet {
  const fromBody = snippet(version ? htmlToText(version.body) : '', query);
  return fromBody.marks.length || !version?.summary ? fromBody : snippet(version.summary, query);
}
