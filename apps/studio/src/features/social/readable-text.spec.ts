import { describe, expect, it } from 'vitest';
import { readableText } from './readable-text';

describe('readableText', () => {
  it('shows a Thai story address in Thai, and leaves the rest of the text alone', () => {
    const slug = 'สภาองค์กรชุมชนเปิดเวที';
    const encoded = new URL(`https://khao.example/th/news/${slug}`).href;
    expect(encoded).not.toContain(slug);
    expect(readableText(`ชาวบ้านร่วมวางแผน 100% ${encoded} #ข่าวชุมชน`)).toBe(
      `ชาวบ้านร่วมวางแผน 100% https://khao.example/th/news/${slug} #ข่าวชุมชน`,
    );
  });

  it('keeps reserved characters encoded and a malformed link as it is', () => {
    expect(readableText('https://khao.example/a%2Fb?q=%26')).toBe('https://khao.example/a%2Fb?q=%26');
    expect(readableText('see https://khao.example/%E0%B8 now')).toBe('see https://khao.example/%E0%B8 now');
  });
});
