import { createHash } from 'node:crypto';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { DomainError } from '@khao/contracts';
import { checkSize, inspect, sniff } from './sniff.js';

const limits = { maxBytes: 1_000_000, maxPixels: 1_000_000 };
const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

async function codeOf(p: Promise<unknown> | (() => unknown)) {
  try {
    await (typeof p === 'function' ? p() : p);
    return 'accepted';
  } catch (err) {
    return (err as DomainError).code;
  }
}

describe('accepting images by content', () => {
  it('names the format from magic bytes, whatever was declared about the name', async () => {
    const png = await sharp({ create: { width: 4, height: 4, channels: 3, background: '#f00' } })
      .png()
      .toBuffer();
    expect(await sniff(png, {})).toEqual({ format: 'png', mime: 'image/png' });
    expect(await sniff(png, { contentType: 'application/octet-stream' })).toMatchObject({ format: 'png' });
    expect(await codeOf(sniff(png, { contentType: 'image/jpeg' }))).toBe('UNSUPPORTED_MEDIA_TYPE');
    const jpeg = await sharp(png).jpeg().toBuffer();
    expect(await sniff(jpeg, { contentType: 'image/jpg' })).toMatchObject({ format: 'jpeg' }); // a common alias
  });

  it('refuses markup, scripts and unknown bytes with 415', async () => {
    for (const text of ['<!DOCTYPE html><p>x</p>', '\uFEFF  <svg xmlns="http://www.w3.org/2000/svg"></svg>']) {
      const err = await sniff(Buffer.from(text), {}).catch((e: DomainError) => e);
      expect(err).toMatchObject({
        code: 'UNSUPPORTED_MEDIA_TYPE',
        message: expect.stringMatching(/HTML or SVG markup/),
      });
    }
    expect(await codeOf(sniff(Buffer.from('%PDF-1.7\n'), {}))).toBe('UNSUPPORTED_MEDIA_TYPE');
  });

  it('size: empty 400, over the limit 413, not the declared size 422', async () => {
    expect(await codeOf(() => checkSize(0, {}, limits))).toBe('INVALID_ARGUMENT');
    expect(await codeOf(() => checkSize(1_000_001, {}, limits))).toBe('PAYLOAD_TOO_LARGE');
    expect(await codeOf(() => checkSize(10, { size: 11 }, limits))).toBe('UNPROCESSABLE');
    expect(await codeOf(() => checkSize(10, { size: 10 }, limits))).toBe('accepted');
  });

  it('pixels over the limit and a wrong checksum are 422; a good image passes with its stored dimensions', async () => {
    const big = await sharp({ create: { width: 2000, height: 1000, channels: 3, background: '#fff' } })
      .png()
      .toBuffer();
    const err = await inspect(big, sha(big), {}, limits).catch((e: DomainError) => e);
    expect(err).toMatchObject({ code: 'UNPROCESSABLE', message: expect.stringMatching(/2000×1000 pixels/) });
    const ok = await sharp({ create: { width: 300, height: 200, channels: 3, background: '#0a0' } })
      .webp()
      .toBuffer();
    expect(await inspect(ok, sha(ok), { sha256: sha(ok) }, limits)).toEqual({
      format: 'webp',
      mime: 'image/webp',
      width: 300,
      height: 200,
    });
    expect(await codeOf(inspect(ok, sha(ok), { sha256: sha(big) }, limits))).toBe('UNPROCESSABLE');
  });
});
