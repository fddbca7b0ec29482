import { describe, expect, it } from 'vitest';
import { DomainError } from '@khao/contracts';
import { ETAG_PATTERN, parseIfMatch } from './if-match.js';

describe('If-Match', () => {
  it('reads the revision of every ETag form this API hands out, stale or not', () => {
    expect(parseIfMatch('"7"')).toBe(7);
    expect(parseIfMatch('W/"7"')).toBe(7);
    expect(parseIfMatch(' 7 ')).toBe(7);
    expect(parseIfMatch('"0"')).toBe(0);
    expect(parseIfMatch('"123456789012345678901234567890"')).toBe(Number.MAX_SAFE_INTEGER);
  });

  it('means "whatever is current" for no header, an empty one or *', () => {
    expect(parseIfMatch(undefined)).toBeUndefined();
    expect(parseIfMatch('')).toBeUndefined();
    expect(parseIfMatch('*')).toBeUndefined();
  });

  it('refuses anything else with a message that says what to send', () => {
    for (const bad of ['W/"abc"', 'yesterday', '"7', '7"', '"-1"', '"7", "8"']) {
      expect(() => parseIfMatch(bad), bad).toThrow(DomainError);
      expect(() => parseIfMatch(bad), bad).toThrow(/expected the ETag from the last GET, like "7"/);
    }
  });

  it('documents exactly what it accepts', () => {
    for (const ok of ['"7"', 'W/"7"', '7', '"0"', '*', '', ' "7" ']) expect(ETAG_PATTERN.test(ok), ok).toBe(true);
    for (const bad of ['W/"abc"', 'yesterday', '"7', '7"', '"-1"']) expect(ETAG_PATTERN.test(bad), bad).toBe(false);
  });
});
