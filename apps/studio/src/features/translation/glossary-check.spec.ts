import { describe, expect, it } from 'vitest';
import { findTerms, highlightRuns, missingTerms } from './glossary-check';

const TERMS = [
  { source: 'พอช.', target: 'CODI' },
  { source: 'สภาองค์กรชุมชน', target: 'Community Organization Council' },
  { source: 'สภา', target: 'council' },
  { source: 'CODI', target: 'พอช.' },
];

describe('glossary check', () => {
  it('finds Thai terms inside unspaced text, the longest first', () => {
    const text = 'สภาองค์กรชุมชนตำบลบ้านดุงร่วมกับพอช.จัดเวที';
    expect(findTerms(text, TERMS).map((h) => [h.found, h.target])).toEqual([
      ['สภาองค์กรชุมชน', 'Community Organization Council'],
      ['พอช.', 'CODI'],
    ]);
  });

  it('matches Latin terms only as whole words', () => {
    expect(findTerms('CODIFIED rules', TERMS)).toEqual([]);
    expect(findTerms('with codi today', TERMS).map((h) => h.target)).toEqual(['พอช.']);
  });

  it('warns when the target lacks a fixed translation, once per term', () => {
    const source = 'พอช. และ พอช. จัดเวที';
    expect(missingTerms(source, 'Por Chor held a forum', TERMS).map((h) => h.target)).toEqual(['CODI']);
    expect(missingTerms(source, 'codi held a forum', TERMS)).toEqual([]);
  });

  it('cuts the text into plain and highlighted runs that add up to the text', () => {
    const text = 'ผู้แทนพอช.กล่าว';
    const runs = highlightRuns(text, findTerms(text, TERMS));
    expect(runs.map((r) => [r.text, Boolean(r.hit)])).toEqual([
      ['ผู้แทน', false],
      ['พอช.', true],
      ['กล่าว', false],
    ]);
    expect(runs.map((r) => r.text).join('')).toBe(text);
  });
});
