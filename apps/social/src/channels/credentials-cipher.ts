import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

/** Credentials as stored: AES-256-GCM, a fresh 96-bit IV per write, bound to the channel id (AAD). */
export interface SealedCredentials {
  v: 1;
  iv: string;
  tag: string;
  data: string;
}

/**
 * Encrypts channel credentials at rest. The channel id is the additional authenticated data, so a sealed value
 * copied onto another channel does not decrypt. The key never leaves this object.
 */
export class CredentialsCipher {
  readonly #key: Buffer;

  constructor(base64Key: string) {
    const key = Buffer.from(base64Key, 'base64');
    if (key.length !== 32) throw new Error('the credentials key must be 32 bytes');
    this.#key = key;
  }

  seal(channelId: string, credentials: Record<string, unknown>): SealedCredentials {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.#key, iv);
    cipher.setAAD(Buffer.from(channelId));
    const data = Buffer.concat([cipher.update(JSON.stringify(credentials), 'utf8'), cipher.final()]);
    return {
      v: 1,
      iv: iv.toString('base64'),
      tag: cipher.getAuthTag().toString('base64'),
      data: data.toString('base64'),
    };
  }

  open<T = Record<string, string>>(channelId: string, sealed: SealedCredentials): T {
    const decipher = createDecipheriv('aes-256-gcm', this.#key, Buffer.from(sealed.iv, 'base64'));
    decipher.setAAD(Buffer.from(channelId));
    decipher.setAuthTag(Buffer.from(sealed.tag, 'base64'));
    const plain = Buffer.concat([decipher.update(Buffer.from(sealed.data, 'base64')), decipher.final()]);
    return JSON.parse(plain.toString('utf8')) as T;
  }
}
