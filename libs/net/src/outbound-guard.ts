import dns from 'node:dns';
import net from 'node:net';
import ipaddr from 'ipaddr.js';
import { Agent, buildConnector, setGlobalDispatcher } from 'undici';
import { z } from 'zod';

/** The error code of a refused outbound connection (on the error, or as `cause.code` of a failed fetch). */
export const OUTBOUND_REFUSED = 'EOUTBOUNDREFUSED';

/** Why a class of addresses is refused, in the words an error message uses. */
const RULES: Record<string, string> = {
  loopback: 'loopback addresses (127.0.0.0/8, ::1) are not allowed',
  linkLocal: 'link-local addresses (169.254.0.0/16, fe80::/10, where cloud metadata services answer) are not allowed',
  private: 'private addresses (10.0.0.0/8, 172.16.0.0/12, 192.168.0.0/16) are not allowed',
  uniqueLocal: 'private addresses (fc00::/7) are not allowed',
  carrierGradeNat: 'shared addresses (100.64.0.0/10, where some cloud metadata services answer) are not allowed',
  unspecified: 'the unspecified address (0.0.0.0, ::) is not allowed',
};
const OTHER_RULE = 'only public unicast addresses are allowed';

export class OutboundRefusedError extends Error {
  readonly code = OUTBOUND_REFUSED;
  constructor(message: string) {
    super(message);
    this.name = 'OutboundRefusedError';
  }
}

type Resolver = (hostname: string) => Promise<{ address: string; family: number }[]>;

/** How long saving a URL waits for its host name to resolve. */
const SAVE_LOOKUP_MS = 1500;

const systemResolver: Resolver = (hostname) => dns.promises.lookup(hostname, { all: true, verbatim: true });

/**
 * Which addresses the platform may call when a URL comes from a person (webhooks, Mastodon instances) or from
 * configuration (provider bases): public unicast only, unless the operator's allow-list (host names, addresses or
 * CIDR ranges) opens more. Checked when a URL is saved (a clear refusal) and again at every connection, against the
 * address actually connected to, so a name that resolves elsewhere later (DNS rebinding) gains nothing.
 */
export class OutboundPolicy {
  private readonly hosts = new Set<string>();
  private readonly ranges: [ipaddr.IPv4 | ipaddr.IPv6, number][] = [];

  constructor(
    allow: string[] = [],
    private readonly resolve: Resolver = systemResolver,
  ) {
    for (const entry of allow) {
      if (entry.includes('/')) this.ranges.push(ipaddr.parseCIDR(entry));
      else if (ipaddr.isValid(entry)) this.ranges.push([ipaddr.parse(entry), entry.includes(':') ? 128 : 32]);
      else this.hosts.add(entry.toLowerCase());
    }
  }

  /** Parses an allow-list entry list, or says which entry is not a host name, an address or a CIDR range. */
  static problemIn(allow: string[]): string | undefined {
    const bad = allow.find(
      (e) => !(e.includes('/') ? ipaddr.isValidCIDR(e) : ipaddr.isValid(e) || /^[a-z0-9.-]+$/i.test(e)),
    );
    return bad === undefined ? undefined : `'${bad}' is not a host name, an IP address or a CIDR range`;
  }

  /** Why connecting to `address` (resolved from `host`) is refused, or undefined when it is allowed. */
  refusal(host: string, address: string): string | undefined {
    if (this.hosts.has(host.toLowerCase())) return undefined;
    let ip = ipaddr.parse(address);
    if (ip.kind() === 'ipv6' && (ip as ipaddr.IPv6).isIPv4MappedAddress()) ip = (ip as ipaddr.IPv6).toIPv4Address();
    if (this.ranges.some(([net, bits]) => net.kind() === ip.kind() && ip.match(net, bits))) return undefined;
    const range = ip.range();
    if (range === 'unicast') return undefined;
    const where = host === address ? address : `${host} (${address})`;
    return `refused to connect to ${where}: ${RULES[range] ?? OTHER_RULE}; an operator can allow it in OUTBOUND_ALLOW`;
  }

  /**
   * Checks a URL as it is saved: refused (with the rule) when its host is, or resolves to, an address not allowed.
   * A name that does not resolve now, or not within `lookupMs`, is let through: the connection is checked again when
   * it is made (and a save must not wait on a resolver that never answers).
   */
  async check(url: string, lookupMs = SAVE_LOOKUP_MS): Promise<string | undefined> {
    const host = hostOf(url);
    if (net.isIP(host)) return this.refusal(host, host);
    if (this.hosts.has(host.toLowerCase())) return undefined;
    let addresses: { address: string }[];
    let timer: NodeJS.Timeout | undefined;
    try {
      addresses = await Promise.race([
        this.resolve(host),
        new Promise<never>((_, reject) => {
          timer = setTimeout(() => reject(new Error('lookup timed out')), lookupMs);
        }),
      ]);
    } catch {
      return undefined;
    } finally {
      clearTimeout(timer);
    }
    for (const a of addresses) {
      const refused = this.refusal(host, a.address);
      if (refused) return refused;
    }
    return undefined;
  }

  /** An HTTP agent whose every connection is checked against the address it connects to. */
  agent(): Agent {
    const connector = buildConnector({ lookup: this.lookup });
    return new Agent({
      connect: (opts, callback) => {
        const host = opts.hostname.replace(/^\[|\]$/g, '');
        const refused = net.isIP(host) ? this.refusal(host, host) : undefined;
        if (refused) return callback(new OutboundRefusedError(refused), null);
        return connector(opts, callback);
      },
    });
  }

  /** Makes every `fetch` of this process go through {@link agent}. */
  installGlobally(): void {
    setGlobalDispatcher(this.agent());
  }

  /** `net.connect`'s lookup: resolves, then refuses the connection if any address it got is not allowed. */
  private readonly lookup = (
    hostname: string,
    options: dns.LookupOptions,
    callback: (err: Error | null, address: string | dns.LookupAddress[], family?: number) => void,
  ): void => {
    this.resolve(hostname).then(
      (addresses) => {
        const refused = addresses.map((a) => this.refusal(hostname, a.address)).find(Boolean);
        if (refused) return callback(new OutboundRefusedError(refused), '');
        const wanted = options.family ? addresses.filter((a) => a.family === options.family) : addresses;
        if (!wanted.length)
          return callback(Object.assign(new Error(`no address for ${hostname}`), { code: 'ENOTFOUND' }), '');
        if (options.all) return callback(null, wanted);
        callback(null, wanted[0].address, wanted[0].family);
      },
      (err: Error) => callback(err, ''),
    );
  };
}

function hostOf(url: string): string {
  return new URL(url).hostname.replace(/^\[|\]$/g, '');
}

/** Reads OUTBOUND_ALLOW's form: comma-separated entries. */
export function parseAllowList(value: string): string[] {
  return value
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}

/** `OUTBOUND_ALLOW` in a service's configuration schema: the operator's allow-list, empty by default. */
export const OutboundAllowSchema = z
  .string()
  .default('')
  .transform(parseAllowList)
  .superRefine((list, ctx) => {
    const problem = OutboundPolicy.problemIn(list);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });

/** The refusal carried by a failed `fetch` (its cause), if that is why it failed. */
export function outboundRefusal(err: unknown): string | undefined {
  const e = err as { code?: string; message?: string; cause?: { code?: string; message?: string } } | null;
  if (e?.code === OUTBOUND_REFUSED) return e.message;
  if (e?.cause?.code === OUTBOUND_REFUSED) return e.cause.message;
  return undefined;
}
