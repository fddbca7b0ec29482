import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';

/** Credentials as stored: AES-256-GCM, a fresh 96-bit IV per write, bound to the channel id (AAD). */
export interface SealedCredentials {
  v: 1;
  /** Which key sealed it (a digest of the key); absent on values sealed before keys rotated. */
  kid?: string;
  iv: string;
  tag: string;
  data: string;
}

interface Key {
  kid: string;
  key: Buffer;
}

/** A key's id: a short digest, so a stored value names its key without revealing anything of it. */
export function credentialsKeyId(key: Buffer): string {
  return createHash('sha256').update('khao-credentials:').update(key).digest('base64url').slice(0, 12);
}

function decodeKey(base64Key: string): Key {
  const key = Buffer.from(base64Key, 'base64');
  if (key.length !== 32) throw new Error('the credentials key must be 32 bytes');
  return { kid: credentialsKeyId(key), key };
}

/**
 * Encrypts channel credentials at rest. The channel id is the additional authenticated data, so a sealed value
 * copied onto another channel does not decrypt. Seals with the current key; opens with whichever key (current or a
 * previous one) the value names, so keys rotate without a moment when stored credentials cannot be read. The keys
 * never leave this object.
 */
export class CredentialsCipher {
  readonly #current: Key;
  readonly #keys: Key[];

  constructor(base64Key: string, previousBase64Keys: string[] = []) {
    this.#current = decodeKey(base64Key);
    this.#keys = [this.#current, ...previousBase64Keys.map(decodeKey)];
  }

  get currentKeyId(): string {
    return this.#current.kid;
  }

  seal(channelId: string, credentials: Record<string, unknown>): SealedCredentials {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.#current.key, iv);
    cipher.setAAD(Buffer.from(channelId));
    const data = Buffer.concat([cipher.update(JSON.stringify(credentials), 'utf8'), cipher.final()]);
    return {
      v: 1,
      kid: this.#current.kid,
      iv: iv.toString('base64'),
      tag: cipher.getAuthTag().toString('base64'),
      data: data.toString('base64'),
    };
  }

  open<T = Record<string, string>>(channelId: string, sealed: SealedCredentials): T {
    // A value without a key id predates rotation: the GCM tag says which of the keys sealed it.
    const candidates = sealed.kid ? this.#keys.filter((k) => k.kid === sealed.kid) : this.#keys;
    if (!candidates.length) throw new Error(`credentials sealed with key ${sealed.kid}, which is not configured`);
    let last: unknown;
    for (const { key } of candidates) {
      try {
        const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(sealed.iv, 'base64'));
        decipher.setAAD(Buffer.from(channelId));
        decipher.setAuthTag(Buffer.from(sealed.tag, 'base64'));
        const plain = Buffer.concat([decipher.update(Buffer.from(sealed.data, 'base64')), decipher.final()]);
        return JSON.parse(plain.toString('utf8')) as T;
      } catch (err) {
        last = err;
      }
    }
    throw last instanceof Error ? last : new Error('credentials could not be opened');
  }

  /** Whether a stored value was sealed with anything but the current key (the re-seal command rewrites those). */
  isStale(sealed: SealedCredentials): boolean {
    return sealed.kid !== this.#current.kid;
  }
}
