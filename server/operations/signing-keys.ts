/**
 * A publishing platform's signing keys: one active key signs; rotating makes a new active key
 * and retires the old one (it still verifies what it signed); revoking refuses every package
 * the key signed from then on. Private keys are sealed at rest and never leave the server.
 */
import { createPrivateKey, generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import type { Actor } from '../../engine/runtime/case.js';
import {
  getActiveSigningKey,
  insertSigningKey,
  listSigningKeys,
  retireActiveKey,
  revokeSigningKey,
  type SigningKeyRecord,
} from '../../storage/signing-keys.js';
import { Failure } from '../http/failure.js';
import type { Services } from '../services.js';
import { sealPrivateKey, unsealPrivateKey } from './deployment-secret.js';
import { fingerprintOf, keyIdOf } from './package-document.js';

/** A key as shown to anyone: public half, fingerprint, status and history. */
export type PublicKeyInfo = SigningKeyRecord;

type Db = Services['db']['knex'];

async function createKey(services: Services, db: Db, platformId: string): Promise<SigningKeyRecord> {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  const fingerprint = fingerprintOf(publicKey);
  const keyId = keyIdOf(fingerprint);
  const der = privateKey.export({ type: 'pkcs8', format: 'der' });
  const createdAt = services.now().toISOString();
  const record = { keyId, platformId, publicKey: publicKey.export({ type: 'spki', format: 'pem' }).toString(), fingerprint, createdAt };
  await insertSigningKey(db, { ...record, privateKeySealed: await sealPrivateKey(services.config, { keyId, der }) });
  return { ...record, status: 'active', retiredAt: null, revokedAt: null, revokedReason: null };
}

/** The platform's active key; the first one is made when there is none. `isNew` tells which. */
export async function ensureActiveKey(services: Services, actor: Actor): Promise<{ key: SigningKeyRecord; isNew: boolean }> {
  return services.db.transaction(async (tx) => {
    const active = await getActiveSigningKey(tx, actor.platformId);
    if (active) {
      const { privateKeySealed: _sealed, ...key } = active;
      return { key, isNew: false };
    }
    return { key: await createKey(services, tx, actor.platformId), isNew: true };
  });
}

/** A new active key; the previous active one is retired and keeps verifying what it signed. */
export async function rotateKey(services: Services, actor: Actor): Promise<{ key: SigningKeyRecord; retired: string | null }> {
  return services.db.transaction(async (tx) => {
    const previous = await getActiveSigningKey(tx, actor.platformId);
    await retireActiveKey(tx, { platformId: actor.platformId, at: services.now().toISOString() });
    return { key: await createKey(services, tx, actor.platformId), retired: previous?.keyId ?? null };
  });
}

/** Revokes one of the platform's keys, with the reason every later refusal will quote. */
export async function revokeKey(services: Services, actor: Actor, input: { keyId: string; reason: string }): Promise<SigningKeyRecord> {
  const reason = input.reason.trim();
  if (reason === '') throw new Failure('key.reason-required', 'Say why the key is revoked: /reason must not be empty; importers see it when they refuse a package.', [{ code: 'key.reason-required', path: '/reason', message: 'A reason is required.' }]);
  const isRevoked = await revokeSigningKey(services.db.knex, { platformId: actor.platformId, keyId: input.keyId, reason, at: services.now().toISOString() });
  const key = (await listSigningKeys(services.db.knex, { platformId: actor.platformId })).find((k) => k.keyId === input.keyId);
  if (!key) throw Failure.notFound('Signing key', input.keyId);
  if (!isRevoked) throw new Failure('key.already-revoked', `Signing key ${input.keyId} was revoked already at ${key.revokedAt ?? ''}.`);
  return key;
}

/** The platform's keys, public halves only. */
export async function listKeys(services: Services, actor: Actor): Promise<PublicKeyInfo[]> {
  return listSigningKeys(services.db.knex, { platformId: actor.platformId });
}

/** Every publishing key of this deployment, for others to trust (public by design). */
export async function networkKeys(services: Services, filter: { publisher?: string }): Promise<PublicKeyInfo[]> {
  return listSigningKeys(services.db.knex, filter.publisher ? { platformId: filter.publisher } : {});
}

/** Signs `data` with the platform's active key (made first when there is none). */
export async function signWithActiveKey(services: Services, actor: Actor): Promise<{ keyId: string; sign: (data: Buffer) => string }> {
  await ensureActiveKey(services, actor);
  const active = await getActiveSigningKey(services.db.knex, actor.platformId);
  if (!active) throw new Failure('key.none-active', `Platform "${actor.platformId}" has no active signing key; rotate to make one.`);
  const der = await unsealPrivateKey(services.config, { keyId: active.keyId, sealed: active.privateKeySealed });
  const privateKey: KeyObject = createPrivateKey({ key: der, format: 'der', type: 'pkcs8' });
  return { keyId: active.keyId, sign: (data) => sign(null, data, privateKey).toString('base64') };
}
