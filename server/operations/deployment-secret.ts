/**
 * The deployment secret and what it protects: signing keys' private halves are sealed with
 * AES-256-GCM under a key derived from it (HKDF-SHA256), bound to the key id, so a database
 * dump alone signs nothing. The secret is IPSP_SECRET, or a file generated once beside the data
 * (mode 0600).
 */
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import { link, mkdir, readFile, unlink, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { PersonalDataKeyring } from '../../storage/personal-data/keyring.js';
import type { Config } from '../config.js';
import { Failure } from '../http/failure.js';

const SEAL_VERSION = 'v1';

/** The secret's text: IPSP_SECRET, else the secret file, created (0600) on first use. */
async function secretText(config: Config): Promise<string> {
  if (config.secret !== '') return config.secret;
  try {
    return (await readFile(config.secretFile, 'utf8')).trim();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  await mkdir(dirname(config.secretFile), { recursive: true });
  // Written aside and linked into place: two processes starting at once agree on one secret.
  const aside = `${config.secretFile}.${process.pid}.${randomBytes(4).toString('hex')}`;
  await writeFile(aside, `${randomBytes(32).toString('hex')}\n`, { mode: 0o600 });
  try {
    await link(aside, config.secretFile);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  } finally {
    await unlink(aside);
  }
  return (await readFile(config.secretFile, 'utf8')).trim();
}

/**
 * The keyring that seals ID numbers and phones at rest (storage/personal-data), derived from the
 * same secret for its own purposes: a database dump alone reads no personal data either.
 */
export async function personalDataKeyring(config: Config): Promise<PersonalDataKeyring> {
  return PersonalDataKeyring.fromSecrets([await secretText(config)]);
}

async function sealingKey(config: Config): Promise<Buffer> {
  const secret = await secretText(config);
  if (secret.length < 16) throw new Error('The deployment secret (IPSP_SECRET or its file) must be at least 16 characters.');
  return Buffer.from(hkdfSync('sha256', secret, 'ipsp', 'signing-key-seal', 32));
}

/** Seals a private key (PKCS#8 DER) for storage: `v1.<iv>.<tag>.<ciphertext>` in base64. */
export async function sealPrivateKey(config: Config, input: { keyId: string; der: Buffer }): Promise<string> {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', await sealingKey(config), iv);
  cipher.setAAD(Buffer.from(input.keyId, 'utf8'));
  const sealed = Buffer.concat([cipher.update(input.der), cipher.final()]);
  return [SEAL_VERSION, iv, cipher.getAuthTag(), sealed].map((part) => (typeof part === 'string' ? part : part.toString('base64'))).join('.');
}

/** Opens a sealed private key; a wrong secret or a tampered row fails with a clear message. */
export async function unsealPrivateKey(config: Config, input: { keyId: string; sealed: string }): Promise<Buffer> {
  const [version, iv, tag, data] = input.sealed.split('.');
  if (version !== SEAL_VERSION || !iv || !tag || !data) throw new Failure('key.sealed-unreadable', `Signing key ${input.keyId} is stored in an unknown form.`);
  try {
    const decipher = createDecipheriv('aes-256-gcm', await sealingKey(config), Buffer.from(iv, 'base64'));
    decipher.setAAD(Buffer.from(input.keyId, 'utf8'));
    decipher.setAuthTag(Buffer.from(tag, 'base64'));
    return Buffer.concat([decipher.update(Buffer.from(data, 'base64')), decipher.final()]);
  } catch {
    throw new Failure(
      'key.sealed-unreadable',
      `Signing key ${input.keyId} cannot be opened with this deployment's secret. Start the server with the IPSP_SECRET (or IPSP_SECRET_FILE) it was created with, or rotate to a new key.`,
    );
  }
}
