import { decode } from 'blurhash';
import sharp from 'sharp';

const made = new Map<string, string>();
const MAX_REMEMBERED = 2000;

/**
 * A blurhash as a tiny PNG data URL (32 px on the long side), shown as the image's CSS background until the photo
 * arrives: no script needed. Null for a hash that does not decode.
 */
export async function blurhashDataUrl(hash: string, width: number, height: number): Promise<string | null> {
  const key = `${hash}|${width}x${height}`;
  const known = made.get(key);
  if (known) return known;
  const w = width >= height ? 32 : Math.max(1, Math.round((32 * width) / height));
  const h = width >= height ? Math.max(1, Math.round((32 * height) / width)) : 32;
  try {
    const pixels = decode(hash, w, h);
    const png = await sharp(Buffer.from(pixels.buffer), { raw: { width: w, height: h, channels: 4 } })
      .png()
      .toBuffer();
    const url = `data:image/png;base64,${png.toString('base64')}`;
    if (made.size >= MAX_REMEMBERED) made.delete(made.keys().next().value as string);
    made.set(key, url);
    return url;
  } catch {
    return null;
  }
}
