import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  defineEvent,
  defineRpc,
  DomainError,
  eventSubject,
  parseOrThrow,
  StoryInputSchema,
  storyPath,
  storyUrl,
} from './index.js';

describe('contracts', () => {
  it('refuses subjects without a version', () => {
    expect(() => defineRpc('articles.create', z.object({}), z.object({}))).toThrow(/service.operation.v1/);
    expect(() => defineEvent('article.published', z.object({}))).toThrow(/aggregate.fact.v1/);
    expect(defineEvent('article.version.published.v1', z.object({}))).toMatchObject({
      version: 1,
      subject: eventSubject('article.version.published.v1'),
    });
  });

  it('turns schema problems into one readable INVALID_ARGUMENT error', () => {
    let err: unknown;
    try {
      parseOrThrow(StoryInputSchema, { sourceLanguage: 'de', version: { title: '  ' }, extra: true });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(DomainError);
    expect((err as DomainError).code).toBe('INVALID_ARGUMENT');
    expect((err as DomainError).message).toBe(
      "sourceLanguage: must be 'th' or 'en'; version.title: title must not be empty; body: unknown field(s) 'extra'",
    );
  });

  it('gives a Thai story one public address, its slug percent-encoded', () => {
    const slug = 'ชาวบ้านหนองบัวลำภูสร้างฝายชะลอน้ำ-2567';
    const url = storyUrl('https://khao.example.org/', 'th', slug);
    expect(url).toMatch(/^[\x21-\x7e]+$/); // one printable-ASCII URL, as feeds, sitemaps and posts need
    expect(new URL(url).pathname).toBe(storyPath('th', slug));
    expect(url.startsWith('https://khao.example.org/th/news/%E0%B8%8A')).toBe(true); // ช is U+0E0A
    expect(decodeURI(url)).toBe(`https://khao.example.org/th/news/${slug}`);
    expect(storyUrl('https://khao.example.org', 'en', 'a/b?c')).toBe('https://khao.example.org/en/news/a%2Fb%3Fc');
  });
});
