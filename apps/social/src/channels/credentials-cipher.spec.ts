import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { CredentialsCipher } from './credentials-cipher.js';

describe('CredentialsCipher', () => {
  const cipher = new CredentialsCipher(randomBytes(32).toString('base64'));

  it('round-trips, with nothing of the secret readable in the sealed form', () => {
    const sealed = cipher.seal('c1', { botToken: '123456:secret-token-ไทย' });
    expect(JSON.stringify(sealed)).not.toContain('secret-token');
    expect(cipher.open('c1', sealed)).toEqual({ botToken: '123456:secret-token-ไทย' });
  });

  it('refuses a sealed value moved to another channel, or tampered with, or opened with another key', () => {
    const sealed = cipher.seal('c1', { secret: 'x'.repeat(20) });
    expect(() => cipher.open('c2', sealed)).toThrow();
    const data = Buffer.from(sealed.data, 'base64');
    data[0] ^= 1;
    expect(() => cipher.open('c1', { ...sealed, data: data.toString('base64') })).toThrow();
    expect(() => new CredentialsCipher(randomBytes(32).toString('base64')).open('c1', sealed)).toThrow();
  });
});

describe('CredentialsCipher key rotation', () => {
  const oldKey = randomBytes(32).toString('base64');
  const newKey = randomBytes(32).toString('base64');
  const before = new CredentialsCipher(oldKey);
  const after = new CredentialsCipher(newKey, [oldKey]);

  it('opens what the previous key sealed, and seals anew with the current key', () => {
    const sealed = before.seal('c1', { botToken: '123456:โทเค็นเดิม' });
    expect(after.isStale(sealed)).toBe(true);
    expect(after.open('c1', sealed)).toEqual({ botToken: '123456:โทเค็นเดิม' });
    const resealed = after.seal('c1', after.open('c1', sealed));
    expect(after.isStale(resealed)).toBe(false);
    expect(resealed.kid).toBe(after.currentKeyId);
    expect(new CredentialsCipher(newKey).open('c1', resealed)).toEqual({ botToken: '123456:โทเค็นเดิม' });
  });

  it('opens a value sealed before key ids existed, by trying the keys', () => {
    const legacy = { ...before.seal('c1', { secret: 'เก่ามาก-legacy' }) };
    delete legacy.kid;
    expect(after.open('c1', legacy)).toEqual({ secret: 'เก่ามาก-legacy' });
  });

  it('says which key is missing when a value names one that is not configured', () => {
    const sealed = after.seal('c1', { secret: 'x'.repeat(20) });
    expect(() => before.open('c1', sealed)).toThrow(/sealed with key .* not configured/);
  });
});
