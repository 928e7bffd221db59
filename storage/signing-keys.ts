/**
 * Signing keys of publishing platforms: one active key per platform signs its packages; a
 * retired key still verifies what it signed; a revoked key verifies nothing from then on. The
 * private key is stored sealed (encrypted by the server); storage never sees it in the clear.
 */
import type { Knex } from 'knex';
import { readInstant, writeInstant } from './columns.js';

type Db = Knex | Knex.Transaction;

export type SigningKeyStatus = 'active' | 'retired' | 'revoked';

export interface SigningKeyRecord {
  keyId: string;
  platformId: string;
  /** SPKI PEM. */
  publicKey: string;
  /** sha256 (hex) of the SPKI DER. */
  fingerprint: string;
  status: SigningKeyStatus;
  createdAt: string;
  retiredAt: string | null;
  revokedAt: string | null;
  revokedReason: string | null;
}

/** Adds a key as the platform's active one; the caller retires the previous active key first. */
export async function insertSigningKey(db: Db, key: Omit<SigningKeyRecord, 'status' | 'retiredAt' | 'revokedAt' | 'revokedReason'> & { privateKeySealed: string }): Promise<void> {
  await db('signing_keys').insert({
    key_id: key.keyId,
    platform_id: key.platformId,
    public_key: key.publicKey,
    fingerprint: key.fingerprint,
    private_key_sealed: key.privateKeySealed,
    status: 'active',
    created_at: writeInstant(key.createdAt),
  });
}

/** The platform's active key with its sealed private key, if any. */
export async function getActiveSigningKey(db: Db, platformId: string): Promise<(SigningKeyRecord & { privateKeySealed: string }) | undefined> {
  const row = await db('signing_keys').where({ platform_id: platformId, status: 'active' }).first();
  return row ? { ...toKey(row), privateKeySealed: row.private_key_sealed as string } : undefined;
}

/** One key by id, if any (any platform: callers check ownership). */
export async function getSigningKey(db: Db, keyId: string): Promise<SigningKeyRecord | undefined> {
  const row = await db('signing_keys').where({ key_id: keyId }).first();
  return row ? toKey(row) : undefined;
}

/** Keys of one platform, or of every platform, oldest first. */
export async function listSigningKeys(db: Db, filter: { platformId?: string } = {}): Promise<SigningKeyRecord[]> {
  const query = db('signing_keys').orderBy([{ column: 'created_at' }, { column: 'key_id' }]);
  if (filter.platformId !== undefined) query.where({ platform_id: filter.platformId });
  return (await query).map(toKey);
}

/** Retires the platform's active key (it keeps verifying what it signed). */
export async function retireActiveKey(db: Db, change: { platformId: string; at: string }): Promise<void> {
  await db('signing_keys').where({ platform_id: change.platformId, status: 'active' }).update({ status: 'retired', retired_at: writeInstant(change.at) });
}

/** Revokes a key of the platform; false when it has no such key or it is revoked already. */
export async function revokeSigningKey(db: Db, change: { platformId: string; keyId: string; reason: string; at: string }): Promise<boolean> {
  const changed = await db('signing_keys')
    .where({ platform_id: change.platformId, key_id: change.keyId })
    .whereNot({ status: 'revoked' })
    .update({ status: 'revoked', revoked_at: writeInstant(change.at), revoked_reason: change.reason });
  return changed === 1;
}

/** Whether the platform signs packages on this deployment (has ever had a key here). */
export async function hasSigningKeys(db: Db, platformId: string): Promise<boolean> {
  return (await db('signing_keys').where({ platform_id: platformId }).first('key_id')) !== undefined;
}

function toKey(row: Record<string, unknown>): SigningKeyRecord {
  return {
    keyId: row.key_id as string,
    platformId: row.platform_id as string,
    publicKey: row.public_key as string,
    fingerprint: row.fingerprint as string,
    status: row.status as SigningKeyStatus,
    createdAt: readInstant(row.created_at) as string,
    retiredAt: readInstant(row.retired_at),
    revokedAt: readInstant(row.revoked_at),
    revokedReason: (row.revoked_reason as string | null) ?? null,
  };
}
