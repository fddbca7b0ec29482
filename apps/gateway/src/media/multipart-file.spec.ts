import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { boundaryOf, MultipartFileReader } from './multipart-file.js';

const boundary = '----khaoFormBoundary7MA4YWxkTrZu0gW';

function form(file: Buffer, before = '', after = '') {
  return Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="note"\r\n\r\n${before}\r\n` +
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="ภาพ IMG_3551.jpg"\r\n` +
        'Content-Type: image/jpeg\r\n\r\n',
    ),
    file,
    Buffer.from(`\r\n--${boundary}\r\nContent-Disposition: form-data; name="x"\r\n\r\n${after}\r\n--${boundary}--\r\n`),
  ]);
}

async function* chunked(body: Buffer, size: number) {
  for (let i = 0; i < body.length; i += size) yield body.subarray(i, i + size);
}

async function read(body: Buffer, size: number) {
  const reader = new MultipartFileReader(chunked(body, size), boundary);
  const part = await reader.file();
  const out: Buffer[] = [];
  for await (const c of part!.data) out.push(c);
  await reader.drain();
  return { part: part!, bytes: Buffer.concat(out) };
}

describe('MultipartFileReader', () => {
  it('finds the file whatever the chunking, including bytes that look like the start of a boundary', async () => {
    const file = Buffer.concat([randomBytes(3000), Buffer.from(`\r\n--${boundary.slice(0, 20)}`), randomBytes(3000)]);
    const body = form(file, 'ข้อความ');
    for (const size of [...Array.from({ length: 90 }, (_, i) => i + 1), 1000, 4096, body.length]) {
      const { part, bytes } = await read(body, size);
      expect(bytes.equals(file), `chunks of ${size}`).toBe(true);
      expect(part.filename).toBe('ภาพ IMG_3551.jpg');
      expect(part.contentType).toBe('image/jpeg');
    }
  });

  it('an empty file, a form without a file, a body cut short', async () => {
    expect((await read(form(Buffer.alloc(0)), 5)).bytes.length).toBe(0);
    const noFile = Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="a"\r\n\r\nb\r\n--${boundary}--\r\n`,
    );
    expect(await new MultipartFileReader(chunked(noFile, 4), boundary).file()).toBeNull();
    const cut = form(randomBytes(500)).subarray(0, 400);
    const reader = new MultipartFileReader(chunked(cut, 50), boundary);
    const part = await reader.file();
    await expect(
      (async () => {
        for await (const c of part!.data) void c;
      })(),
    ).rejects.toThrow(/cut short/);
  });

  it('reads the boundary from the Content-Type', () => {
    expect(boundaryOf(`multipart/form-data; boundary=${boundary}`)).toBe(boundary);
    expect(boundaryOf('multipart/form-data; boundary="a b"')).toBe('a b');
    expect(boundaryOf('application/json')).toBeNull();
    expect(boundaryOf('multipart/form-data')).toBeNull();
  });
});
