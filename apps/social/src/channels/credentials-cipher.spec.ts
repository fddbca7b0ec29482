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
