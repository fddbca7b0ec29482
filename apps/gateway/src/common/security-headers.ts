import { createHash } from 'node:crypto';

export interface SecurityHeadersOptions {
  /** Where readers reach the site: https turns on HSTS. */
  publicBaseUrl: string;
  /** Origins that serve photos and take the studio's direct uploads (the S3 endpoint, a CDN). */
  mediaOrigins: string[];
}

/** The embeds story bodies may carry (the articles service's sanitizer allows exactly these players). */
const EMBED_ORIGINS = 'https://www.youtube-nocookie.com https://www.facebook.com';
/** Powerful features no page of ours uses: refused to the pages and anything they embed. */
const PERMISSIONS = 'camera=(), microphone=(), geolocation=(), payment=(), usb=()';

type HeaderSet = Readonly<Record<string, string>>;

/**
 * The security headers of every response, built once at boot per kind of route, so a request costs one prefix test
 * and one `reply.headers()` call. Public HTML pages replace the public policy with {@link pagePolicy}, computed
 * when the page is rendered (and cached with it): it allows by hash the page's own JSON-LD and style block and no
 * other inline script.
 */
export class SecurityHeaders {
  readonly api: HeaderSet;
  readonly docs: HeaderSet;
  readonly studio: HeaderSet;
  readonly public: HeaderSet;
  private readonly publicDirectives: string;

  constructor(o: SecurityHeadersOptions) {
    const media = o.mediaOrigins.join(' ');
    const common = {
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'strict-origin-when-cross-origin',
      'permissions-policy': PERMISSIONS,
      ...(o.publicBaseUrl.startsWith('https:')
        ? { 'strict-transport-security': 'max-age=31536000; includeSubDomains' }
        : {}),
    };
    const policy = (...directives: string[]) => directives.filter(Boolean).join('; ');
    // JSON and metrics: nothing in them may load or run anything, nor be framed.
    this.api = {
      ...common,
      'x-frame-options': 'DENY',
      'content-security-policy': policy("default-src 'none'", "frame-ancestors 'none'"),
    };
    // Swagger UI: its own scripts and inline styles.
    this.docs = {
      ...common,
      'x-frame-options': 'DENY',
      'cross-origin-opener-policy': 'same-origin',
      'content-security-policy': policy(
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self' 'unsafe-inline'",
        "img-src 'self' data:",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "frame-ancestors 'none'",
      ),
    };
    // The studio: its own bundled scripts only; the component library injects its styles at run time.
    this.studio = {
      ...common,
      'x-frame-options': 'DENY',
      'cross-origin-opener-policy': 'same-origin',
      'content-security-policy': policy(
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self' 'unsafe-inline'",
        `img-src 'self' data: blob: https: ${media}`,
        "font-src 'self'",
        `connect-src 'self' ${media}`,
        `frame-src ${EMBED_ORIGINS}`,
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "frame-ancestors 'none'",
      ),
    };
    this.publicDirectives = policy(
      "default-src 'none'",
      `img-src 'self' data: https: ${media}`,
      "font-src 'self'",
      `frame-src ${EMBED_ORIGINS}`,
      "base-uri 'none'",
      "form-action 'self'",
      "frame-ancestors 'self'",
    );
    // Feeds, the sitemap, fonts and redirects: no inline script or style at all.
    this.public = {
      ...common,
      'x-frame-options': 'SAMEORIGIN',
      'content-security-policy': policy(this.publicDirectives, "script-src 'none'", "style-src 'none'"),
    };
  }

  /** The header set for a request's URL. */
  for(url: string): HeaderSet {
    if (url.startsWith('/api/')) return url.startsWith('/api/docs') ? this.docs : this.api;
    if (url.startsWith('/studio')) return this.studio;
    if (url.startsWith('/health') || url.startsWith('/metrics')) return this.api;
    return this.public;
  }

  /**
   * The policy of one rendered public page: its JSON-LD blocks and the style block in its head are allowed by their
   * SHA-256; any other inline script (or a style element in the body) is refused. Placeholders are style attributes
   * (blurhash backgrounds), which cannot run script.
   */
  pagePolicy(page: string): string {
    const head = page.slice(0, Math.max(0, page.indexOf('</head>')));
    const scripts = [...page.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)].map((m) => m[1]);
    const styles = [...head.matchAll(/<style>([\s\S]*?)<\/style>/g)].map((m) => m[1]);
    const hashes = (blocks: string[], none: string) =>
      blocks.length ? blocks.map((b) => `'sha256-${createHash('sha256').update(b).digest('base64')}'`).join(' ') : none;
    return [
      this.publicDirectives,
      `script-src ${hashes(scripts, "'none'")}`,
      `style-src-elem 'self' ${hashes(styles, '')}`.trimEnd(),
      "style-src-attr 'unsafe-inline'",
    ].join('; ');
  }
}
