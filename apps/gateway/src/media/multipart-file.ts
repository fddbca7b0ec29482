import { DomainError, ErrorCode } from '@khao/contracts';

export interface FilePart {
  filename: string | null;
  contentType: string | null;
  /** The file's bytes as they arrive: slices of the request's own chunks, which nothing reuses (safe to keep). */
  data: AsyncGenerator<Buffer>;
}

const MAX_HEADER_BYTES = 16 * 1024;
const MAX_FIELD_BYTES = 64 * 1024;

const bad = (message: string) => new DomainError(ErrorCode.InvalidArgument, message);

/** The boundary of a `multipart/form-data` Content-Type, or null. */
export function boundaryOf(contentType: string | undefined): string | null {
  if (!contentType || !/^multipart\/form-data\b/i.test(contentType)) return null;
  const m = /;\s*boundary=(?:"([^"]{1,70})"|([^;\s]{1,70}))/i.exec(contentType);
  return m ? (m[1] ?? m[2]) : null;
}

/**
 * A streaming reader of the first file in a `multipart/form-data` body (RFC 7578), skipping plain fields before it.
 * The delimiter is found with `Buffer.indexOf` (native code) on each arriving chunk plus a carry of fewer bytes than
 * the delimiter, so the file streams through at memory speed and is never held whole.
 */
export class MultipartFileReader {
  private buf: Buffer = Buffer.alloc(0);
  private readonly it: AsyncIterator<Buffer>;
  private readonly delimiter: Buffer;

  constructor(
    source: AsyncIterable<Buffer>,
    private readonly boundary: string,
  ) {
    this.it = source[Symbol.asyncIterator]();
    this.delimiter = Buffer.from(`\r\n--${boundary}`);
  }

  /** The first part that carries a filename, or null when the form has none. */
  async file(): Promise<FilePart | null> {
    // The first delimiter may open the body without the CRLF that precedes the others.
    await this.until(Buffer.from(`--${this.boundary}`), MAX_FIELD_BYTES, 'the form does not start with its boundary');
    for (;;) {
      await this.fill(2);
      const next = this.buf.subarray(0, 2).toString('latin1');
      if (next === '--') return null;
      if (next !== '\r\n') throw bad('the multipart body is malformed (expected a line break after the boundary)');
      this.buf = this.buf.subarray(2);
      const head = (await this.until(Buffer.from('\r\n\r\n'), MAX_HEADER_BYTES, 'a part header is too long')).toString(
        'utf8',
      );
      const disposition = /^content-disposition:(.*)$/im.exec(head)?.[1] ?? '';
      const filename = /\bfilename\*?="?([^";]*)"?/i.exec(disposition)?.[1];
      if (filename === undefined) {
        await this.until(this.delimiter, MAX_FIELD_BYTES, 'a form field is too long');
        continue;
      }
      const contentType = /^content-type:\s*([^\s;]+)/im.exec(head)?.[1]?.toLowerCase() ?? null;
      return { filename: filename || null, contentType, data: this.stream() };
    }
  }

  /** Reads whatever follows the file (the closing boundary), so the connection can be reused. */
  async drain(): Promise<void> {
    for (let r = await this.it.next(); !r.done; r = await this.it.next()) {
      // discard
    }
  }

  /**
   * The file's bytes, as slices of the chunks that arrive (no copies): each chunk is searched for the delimiter,
   * and only the seam between a chunk's tail and the next chunk's head (shorter than the delimiter) is copied to
   * look for one that spans the two.
   */
  private async *stream(): AsyncGenerator<Buffer> {
    const d = this.delimiter;
    const keep = d.length - 1;
    for (;;) {
      const at = this.buf.indexOf(d);
      if (at >= 0) {
        if (at > 0) yield this.buf.subarray(0, at);
        this.buf = this.buf.subarray(at + d.length);
        return;
      }
      if (this.buf.length > keep) {
        yield this.buf.subarray(0, this.buf.length - keep);
        this.buf = this.buf.subarray(this.buf.length - keep);
      }
      const next = await this.it.next();
      if (next.done) throw bad('the upload was cut short: the body ended inside the file');
      const tail = this.buf;
      if (next.value.length < keep) {
        // A chunk shorter than the delimiter: the seam check below would not see past it; join and look again.
        this.buf = Buffer.concat([tail, next.value]);
        continue;
      }
      const seam = Buffer.concat([tail, next.value.subarray(0, keep)]).indexOf(d);
      if (seam >= 0 && seam < tail.length) {
        if (seam > 0) yield tail.subarray(0, seam);
        this.buf = next.value.subarray(seam + d.length - tail.length);
        return;
      }
      if (tail.length) yield tail;
      this.buf = next.value;
    }
  }

  /** Everything up to `marker` (consumed), at most `max` bytes. */
  private async until(marker: Buffer, max: number, tooLong: string): Promise<Buffer> {
    for (;;) {
      const at = this.buf.indexOf(marker);
      if (at >= 0) {
        const before = this.buf.subarray(0, at);
        this.buf = this.buf.subarray(at + marker.length);
        return before;
      }
      if (this.buf.length > max + marker.length) throw bad(tooLong);
      if (!(await this.more())) throw bad('the multipart body ended early');
    }
  }

  private async fill(n: number): Promise<void> {
    while (this.buf.length < n) if (!(await this.more())) throw bad('the multipart body ended early');
  }

  /** Appends the next chunk; the result is always a buffer nobody else writes to. */
  private async more(): Promise<boolean> {
    const r = await this.it.next();
    if (r.done) return false;
    this.buf = this.buf.length ? Buffer.concat([this.buf, r.value]) : r.value;
    return true;
  }
}
