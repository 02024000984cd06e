import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Cryptographic operations derived from Loket's one configured master key. */
export interface Keys {
  /** Encrypts a secret (API client secret, TOTP seed) for storage. */
  encrypt(plain: string): string;
  /** Decrypts what `encrypt` produced; throws when the ciphertext was altered or the key differs. */
  decrypt(sealed: string): string;
  /** Keyed one-way pseudonym of an identifier (BSN) for the processing log, stable per tenant. */
  pseudonymise(tenantId: string, identifier: string): string;
}

function subKey(master: Buffer, purpose: string): Buffer {
  return Buffer.from(hkdfSync('sha256', master, Buffer.alloc(0), `loket:${purpose}`, 32));
}

/** Builds the key operations from a 32-byte master key. */
export function createKeys(master: Buffer): Keys {
  if (master.length !== 32) throw new Error('The master key must be 32 bytes');
  const encryptionKey = subKey(master, 'encryption');
  const pseudonymKey = subKey(master, 'pseudonym');
  return {
    encrypt(plain) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', encryptionKey, iv);
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return ['v1', iv.toString('base64url'), cipher.getAuthTag().toString('base64url'), body.toString('base64url')].join('.');
    },
    decrypt(sealed) {
      const [version, iv, tag, body] = sealed.split('.');
      if (version !== 'v1' || iv === undefined || tag === undefined || body === undefined) throw new Error('Unknown ciphertext format');
      const decipher = createDecipheriv('aes-256-gcm', encryptionKey, Buffer.from(iv, 'base64url'));
      decipher.setAuthTag(Buffer.from(tag, 'base64url'));
      return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8');
    },
    pseudonymise(tenantId, identifier) {
      return createHmac('sha256', pseudonymKey).update(`${tenantId}:${identifier}`).digest('hex');
    },
  };
}

/**
 * The configured key, or for the embedded database a key generated on first start and kept
 * beside the data (mode 0600), so a newcomer needs to configure nothing.
 */
export function loadKeys(config: { secretKey: string | undefined; dataDir: string }): Keys {
  if (config.secretKey !== undefined) return createKeys(Buffer.from(config.secretKey, 'base64'));
  mkdirSync(config.dataDir, { recursive: true });
  const file = join(config.dataDir, 'secret.key');
  if (!existsSync(file)) writeFileSync(file, randomBytes(32).toString('base64'), { mode: 0o600, flag: 'wx' });
  return createKeys(Buffer.from(readFileSync(file, 'utf8').trim(), 'base64'));
}
