/**
 * The keys an importing platform trusts, per publisher. The admin pastes the publisher's public
 * key and the fingerprint they compared out of band; the server recomputes the fingerprint and
 * refuses a mismatch. Revoking refuses every package signed by the key from then on.
 */
import type { Actor } from '../../engine/runtime/case.js';
import { getPlatform } from '../../storage/platforms.js';
import { getTrustedKey, insertTrustedKey, listTrustedKeys, revokeTrustedKey, type TrustedKeyRecord } from '../../storage/trusted-keys.js';
import { Failure } from '../http/failure.js';
import type { Services } from '../services.js';
import { ed25519PublicKey, fingerprintOf, keyIdOf, normalizeFingerprint } from './package-document.js';

export interface TrustRequest {
  publisher: string;
  /** SPKI PEM, as GET /api/network/keys lists it. */
  publicKey: string;
  /** The fingerprint as the admin compared it (hex; case, colons and spaces ignored). */
  fingerprint: string;
}

const problem = (code: string, path: string, message: string) => new Failure(code, message, [{ code, path, message }]);

export async function trustKey(services: Services, actor: Actor, request: TrustRequest): Promise<{ key: TrustedKeyRecord; isNew: boolean }> {
  const publicKey = ed25519PublicKey(request.publicKey);
  if (!publicKey) throw problem('key.public-key-invalid', '/publicKey', '/publicKey is not an Ed25519 public key in PEM (SPKI) form; copy it from the publisher\'s /api/network/keys.');
  const fingerprint = fingerprintOf(publicKey);
  const given = normalizeFingerprint(request.fingerprint);
  if (given !== fingerprint) {
    throw problem('key.fingerprint-mismatch', '/fingerprint', `/fingerprint ${given || '(empty)'} is not the fingerprint of /publicKey, which is ${fingerprint}. Compare again with the publisher before trusting this key.`);
  }
  // Any registered publisher may be trusted; importing checks that it is above the importer.
  if (!(await getPlatform(services.db.knex, request.publisher))) {
    throw problem('key.publisher-unknown', '/publisher', `/publisher "${request.publisher}" is not a platform of this deployment; register the publishing platform first.`);
  }
  const keyId = keyIdOf(fingerprint);
  const isNew = await insertTrustedKey(services.db.knex, {
    platformId: actor.platformId,
    keyId,
    publisherId: request.publisher,
    publicKey: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    fingerprint,
    trustedBy: actor.id,
    trustedAt: services.now().toISOString(),
  });
  const key = (await getTrustedKey(services.db.knex, { platformId: actor.platformId, keyId })) as TrustedKeyRecord;
  if (!isNew && key.publisherId !== request.publisher) {
    throw problem('key.publisher-mismatch', '/publisher', `Key ${keyId} is trusted already for publisher "${key.publisherId}".`);
  }
  return { key, isNew };
}

export async function listTrusted(services: Services, actor: Actor): Promise<TrustedKeyRecord[]> {
  return listTrustedKeys(services.db.knex, actor.platformId);
}

/** Revokes a key the platform trusts; `reason` is quoted by every refusal after. */
export async function revokeTrusted(services: Services, actor: Actor, input: { keyId: string; reason: string }): Promise<TrustedKeyRecord> {
  const reason = input.reason.trim();
  if (reason === '') throw problem('key.reason-required', '/reason', 'Say why the key is revoked: /reason must not be empty.');
  const isRevoked = await revokeTrustedKey(services.db.knex, { platformId: actor.platformId, keyId: input.keyId, reason, at: services.now().toISOString() });
  const key = await getTrustedKey(services.db.knex, { platformId: actor.platformId, keyId: input.keyId });
  if (!key) throw Failure.notFound('Trusted key', input.keyId);
  if (!isRevoked) throw new Failure('key.already-revoked', `Trusted key ${input.keyId} was revoked already at ${key.revokedAt ?? ''}.`);
  return key;
}

/** Records a revocation the publisher announced (a source can only make trust stricter). */
export async function applyPublisherRevocation(services: Services, actor: Actor, input: { keyId: string; revokedAt: string | null; reason: string | null }): Promise<void> {
  const reason = `revoked by the publisher${input.revokedAt ? ` at ${input.revokedAt}` : ''}: ${input.reason ?? 'no reason given'}`;
  await revokeTrustedKey(services.db.knex, { platformId: actor.platformId, keyId: input.keyId, reason, at: services.now().toISOString() });
}
