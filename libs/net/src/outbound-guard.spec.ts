import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fetch, getGlobalDispatcher, setGlobalDispatcher } from 'undici';
import { OutboundPolicy, outboundRefusal } from './outbound-guard.js';

describe('OutboundPolicy: which addresses may be called', () => {
  const policy = new OutboundPolicy();
  const cases: [string, RegExp | undefined][] = [
    ['169.254.169.254', /link-local/],
    ['fe80::1', /link-local/],
    ['127.0.0.1', /loopback/],
    ['127.8.9.10', /loopback/],
    ['::1', /loopback/],
    ['::ffff:127.0.0.1', /loopback/],
    ['10.1.2.3', /private/],
    ['172.20.0.1', /private/],
    ['192.168.1.10', /private/],
    ['fd00:ec2::254', /fc00::\/7/],
    ['100.100.100.200', /shared/],
    ['0.0.0.0', /unspecified/],
    ['93.184.216.34', undefined],
    ['2606:4700:4700::1111', undefined],
  ];
  for (const [address, rule] of cases) {
    it(`${address}: ${rule ? 'refused' : 'allowed'}`, () => {
      const refused = policy.refusal(address, address);
      if (rule) expect(refused).toMatch(rule);
      else expect(refused).toBeUndefined();
    });
  }

  it('names the host and the address it resolved to, and says how to allow it', () => {
    expect(policy.refusal('metadata.internal', '169.254.169.254')).toBe(
      'refused to connect to metadata.internal (169.254.169.254): link-local addresses (169.254.0.0/16, fe80::/10, ' +
        'where cloud metadata services answer) are not allowed; an operator can allow it in OUTBOUND_ALLOW',
    );
  });

  it('an allow-list opens host names, addresses and ranges, and nothing else', () => {
    const allowing = new OutboundPolicy(['translate.lan', '10.0.0.0/8', '::1']);
    expect(allowing.refusal('translate.lan', '192.168.5.5')).toBeUndefined();
    expect(allowing.refusal('10.9.8.7', '10.9.8.7')).toBeUndefined();
    expect(allowing.refusal('::1', '::1')).toBeUndefined();
    expect(allowing.refusal('127.0.0.1', '127.0.0.1')).toMatch(/loopback/);
    expect(allowing.refusal('172.16.0.1', '172.16.0.1')).toMatch(/private/);
  });

  it('says which allow-list entry is malformed', () => {
    expect(OutboundPolicy.problemIn(['10.0.0.0/8', 'ok.example', '10.0.0.0/99'])).toMatch(/'10.0.0.0\/99'/);
    expect(OutboundPolicy.problemIn(['10.0.0.0/8', 'ok.example', '::1'])).toBeUndefined();
  });

  it('checks a URL being saved by what its name resolves to', async () => {
    const resolving = new OutboundPolicy([], () => Promise.resolve([{ address: '192.168.0.7', family: 4 }]));
    expect(await resolving.check('https://hooks.example.org/x')).toMatch(/hooks\.example\.org \(192\.168\.0\.7\)/);
    expect(await resolving.check('http://169.254.169.254/latest/meta-data/')).toMatch(/link-local/);
    const unresolvable = new OutboundPolicy([], () => Promise.reject(new Error('ENOTFOUND')));
    expect(await unresolvable.check('https://not-yet.example.org/')).toBeUndefined();
    // A resolver that never answers does not hold the save: let through after the bound, checked again on connect.
    const silent = new OutboundPolicy([], () => new Promise(() => undefined));
    const started = Date.now();
    expect(await silent.check('https://slow.example.org/', 100)).toBeUndefined();
    expect(Date.now() - started).toBeLessThan(1000);
  });
});

describe('OutboundPolicy at connect time (a real local server)', () => {
  let server: http.Server;
  let port: number;
  let hits = 0;

  beforeAll(async () => {
    server = http.createServer((_req, res) => {
      hits++;
      res.end('secret metadata');
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));

  it('refuses a name that resolved to a public address when saved and to loopback when called (DNS rebinding)', async () => {
    const answers = ['93.184.216.34', '127.0.0.1'];
    const rebinding = new OutboundPolicy([], () => Promise.resolve([{ address: answers.shift()!, family: 4 }]));
    const url = `http://rebind.example.org:${port}/latest/meta-data/`;
    expect(await rebinding.check(url)).toBeUndefined();
    const err = await fetch(url, { dispatcher: rebinding.agent() }).catch((e: unknown) => e);
    expect(outboundRefusal(err)).toMatch(/rebind\.example\.org \(127\.0\.0\.1\): loopback/);
    expect(hits).toBe(0);
  });

  it('refuses an address literal without resolving anything', async () => {
    const err = await fetch(`http://127.0.0.1:${port}/`, { dispatcher: new OutboundPolicy().agent() }).catch(
      (e: unknown) => e,
    );
    expect(outboundRefusal(err)).toMatch(/loopback/);
    expect(hits).toBe(0);
  });

  it('lets an allowed address through', async () => {
    const res = await fetch(`http://127.0.0.1:${port}/`, { dispatcher: new OutboundPolicy(['127.0.0.1']).agent() });
    expect(await res.text()).toBe('secret metadata');
    expect(hits).toBe(1);
  });

  it('installed globally, it guards the built-in fetch too', async () => {
    const before = getGlobalDispatcher();
    new OutboundPolicy().installGlobally();
    const err = await globalThis.fetch(`http://127.0.0.1:${port}/`).catch((e: unknown) => e);
    setGlobalDispatcher(before);
    expect(outboundRefusal(err)).toMatch(/loopback/);
    expect(hits).toBe(1);
  });
});
