import { DomainError, ErrorCode } from '@khao/contracts';

/**
 * What If-Match accepts (documented in the OpenAPI): nothing or `*` (whatever is current), or an ETag of the form this
 * API hands out, strong or weak (`"7"`, `W/"7"`, also bare `7`). Any such ETag that is not the current revision is a
 * 412; anything else is a 400 that says what to send.
 */
export const ETAG_PATTERN = /^\s*(?:\*|(?:W\/)?(?:"\d+"|\d+))?\s*$/;

const ETAG = /^(?:W\/)?("?)(\d+)\1$/;

/** The revision in an If-Match header; `undefined` means "whatever is current". */
export function parseIfMatch(header: string | string[] | undefined): number | undefined {
  const value = (Array.isArray(header) ? header[0] : header)?.trim();
  if (value === undefined || value === '*' || value === '') return undefined;
  const m = ETAG.exec(value);
  if (!m) {
    throw new DomainError(
      ErrorCode.InvalidArgument,
      `If-Match: expected the ETag from the last GET, like "7" (got '${value.slice(0, 40)}')`,
    );
  }
  // A revision too large to be real is still a well-formed ETag: it cannot match, so the service answers 412.
  return Math.min(Number(m[2]), Number.MAX_SAFE_INTEGER);
}

export function etag(revision: number): string {
  return `"${revision}"`;
}
