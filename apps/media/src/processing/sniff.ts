import { fileTypeFromBuffer } from 'file-type';
import sharp, { type Metadata } from 'sharp';
import { DomainError, ErrorCode, type SourceFormat } from '@khao/contracts';

/** Accepted originals by sniffed MIME type; nothing else is, whatever its name or declared type says. */
const ACCEPTED: Record<string, SourceFormat> = {
  'image/jpeg': 'jpeg',
  'image/png': 'png',
  'image/webp': 'webp',
  'image/avif': 'avif',
  'image/gif': 'gif',
};
const ACCEPTED_LIST = 'JPEG, PNG, WebP, AVIF or GIF';
const ALIASES: Record<string, string> = { 'image/jpg': 'image/jpeg', 'image/pjpeg': 'image/jpeg' };

export interface Declared {
  size?: number;
  contentType?: string;
  sha256?: string;
}

export interface Limits {
  maxBytes: number;
  maxPixels: number;
}

export interface Inspected {
  format: SourceFormat;
  mime: string;
  /** As stored (before orientation). */
  width: number;
  height: number;
}

const reject = (code: ErrorCode, message: string, details?: unknown) => new DomainError(code, message, details);

/** Checks that the byte count is acceptable and matches the declaration, before reading anything. */
export function checkSize(size: number, declared: Declared, limits: Limits): void {
  if (size === 0) throw reject(ErrorCode.InvalidArgument, 'the file is empty (0 bytes): upload the image itself');
  if (size > limits.maxBytes) throw tooLarge(size, limits.maxBytes);
  if (declared.size !== undefined && declared.size !== size) {
    throw reject(
      ErrorCode.Unprocessable,
      `you declared ${declared.size} bytes but ${size} bytes arrived: the upload was cut short or is another file; upload it again`,
      { declaredSize: declared.size, receivedSize: size },
    );
  }
}

export function tooLarge(size: number, maxBytes: number): DomainError {
  return reject(
    ErrorCode.PayloadTooLarge,
    `the file is ${size} bytes; the limit is ${maxBytes} bytes (${(maxBytes / 1048576).toFixed(0)} MiB)`,
    { size, maxBytes },
  );
}

/**
 * Accepts an image by its content: magic bytes name the format (never the file name); the declared type and checksum
 * must agree with the bytes; the header's pixel count must be within `maxPixels` (a pixel bomb is refused before
 * anything decodes it).
 */
export async function inspect(buf: Buffer, sha256: string, declared: Declared, limits: Limits): Promise<Inspected> {
  checkSize(buf.length, declared, limits);
  if (declared.sha256 && declared.sha256 !== sha256) {
    throw reject(
      ErrorCode.Unprocessable,
      'the SHA-256 you declared does not match the bytes that arrived: the upload was altered or cut short; upload it again',
      { declaredSha256: declared.sha256, sha256 },
    );
  }
  const sniffed = await fileTypeFromBuffer(buf);
  const format = sniffed ? ACCEPTED[sniffed.mime] : undefined;
  if (!sniffed || !format) {
    const what = sniffed ? `${sniffed.mime} content` : looksLikeMarkup(buf) ? 'HTML or SVG markup' : 'not an image';
    throw reject(ErrorCode.UnsupportedMediaType, `the file is ${what}; upload a ${ACCEPTED_LIST} image`, {
      detected: sniffed?.mime ?? null,
    });
  }
  const claimed = declared.contentType ? (ALIASES[declared.contentType] ?? declared.contentType) : undefined;
  if (claimed && claimed !== 'application/octet-stream' && claimed !== sniffed.mime) {
    throw reject(
      ErrorCode.UnsupportedMediaType,
      `the file was declared as ${declared.contentType} but its content is ${sniffed.mime}; declare the right type (or none)`,
      { declared: declared.contentType, detected: sniffed.mime },
    );
  }
  let meta: Metadata;
  try {
    meta = await sharp(buf, { limitInputPixels: false }).metadata();
  } catch (err) {
    throw corrupt(err);
  }
  const { width, height } = meta;
  if (!width || !height) throw corrupt(new Error('no dimensions in the header'));
  if (width * height > limits.maxPixels) {
    throw reject(
      ErrorCode.Unprocessable,
      `the image is ${width}×${height} pixels (${Math.round((width * height) / 1e6)} MP); the limit is ${Math.round(limits.maxPixels / 1e6)} MP`,
      { width, height, maxPixels: limits.maxPixels },
    );
  }
  return { format, mime: sniffed.mime, width, height };
}

export function corrupt(err: unknown): DomainError {
  const why = (err as Error).message?.split('\n')[0] ?? String(err);
  return reject(
    ErrorCode.Unprocessable,
    `the image is truncated or corrupt and cannot be decoded (${why}); upload the original file again`,
  );
}

function looksLikeMarkup(buf: Buffer): boolean {
  const head = buf
    .subarray(0, 512)
    .toString('utf8')
    .replace(/^\uFEFF/, '')
    .trimStart()
    .toLowerCase();
  return head.startsWith('<');
}
