import { DomainError, ErrorCode } from '@khao/contracts';

/** What If-Match accepts (documented in the OpenAPI): `*`, or a story's ETag, strong or weak. */
export const ETAG_PATTERN = /^\s*(?:\*|(?:W\/)?"?[1-9]\d{0,8}"?)?\s*$/;

/** The revision in an If-Match header (`"7"`, `W/"7"` or `7`); `*` or no header means "whatever is current". */
export function parseIfMatch(header: string | string[] | undefined): number | undefined {
  const value = Array.isArray(header) ? header[0] : header;
  if (value === undefined || value.trim() === '*' || value.trim() === '') return undefined;
  const m = /^(?:W\/)?"?(\d{1,9})"?$/.exec(value.trim());
  if (!m) {
    throw new DomainError(
      ErrorCode.InvalidArgument,
      `If-Match: expected the ETag from the last GET, like "7" (got '${value.slice(0, 40)}')`,
    );
  }
  return Number(m[1]);
}

export function etag(revision: number): string {
  return `"${revision}"`;
}
