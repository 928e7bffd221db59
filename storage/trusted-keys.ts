/**
 * Keys an importing platform trusts, per publisher: the public key and its fingerprint as the
 * platform's admin compared them, trusted or revoked (with reason and time).
 */
import type { Knex } from 'knex';
import { readInstant, writeInstant } from './columns.js';

type Db = Knex | Knex.Transaction;

export interface TrustedKeyRecord {
  platformId: string;
  keyId: string;
  publisherId: string;
  publicKey: string;
  fingerprint: string;
  status: 'trusted' | 'revoked';
  trustedBy: string | null;
  trustedAt: string;
  revokedAt: string | null;
  revokedReason: string | null;
}

/** Trusts a key for the platform; false when the platform already has a row for the key id. */
export async function insertTrustedKey(db: Db, key: Omit<TrustedKeyRecord, 'status' | 'revokedAt' | 'revokedReason'>): Promise<boolean> {
  const existing = await db('trusted_keys').where({ platform_id: key.platformId, key_id: key.keyId }).first('key_id');
  if (existing) return false;
  await db('trusted_keys').insert({
    platform_id: key.platformId,
    key_id: key.keyId,
    publisher_id: key.publisherId,
    public_key: key.publicKey,
    fingerprint: key.fingerprint,
    status: 'trusted',
    trusted_by: key.trustedBy,
    trusted_at: writeInstant(key.trustedAt),
  });
  return true;
}

/** The platform's row for a key id, trusted or revoked. */
export async function getTrustedKey(db: Db, query: { platformId: string; keyId: string }): Promise<TrustedKeyRecord | undefined> {
  const row = await db('trusted_keys').where({ platform_id: query.platformId, key_id: query.keyId }).first();
  return row ? toTrusted(row) : undefined;
}

export async function listTrustedKeys(db: Db, platformId: string): Promise<TrustedKeyRecord[]> {
  const rows = await db('trusted_keys').where({ platform_id: platformId }).orderBy([{ column: 'trusted_at' }, { column: 'key_id' }]);
  return rows.map(toTrusted);
}

/** Revokes a trusted key of the platform; false when there is none or it is revoked already. */
export async function revokeTrustedKey(db: Db, change: { platformId: string; keyId: string; reason: string; at: string }): Promise<boolean> {
  const changed = await db('trusted_keys')
    .where({ platform_id: change.platformId, key_id: change.keyId, status: 'trusted' })
    .update({ status: 'revoked', revoked_at: writeInstant(change.at), revoked_reason: change.reason });
  return changed === 1;
}

function toTrusted(row: Record<string, unknown>): TrustedKeyRecord {
  return {
    platformId: row.platform_id as string,
    keyId: row.key_id as string,
    publisherId: row.publisher_id as string,
    publicKey: row.public_key as string,
    fingerprint: row.fingerprint as string,
    status: row.status as 'trusted' | 'revoked',
    trustedBy: (row.trusted_by as string | null) ?? null,
    trustedAt: readInstant(row.trusted_at) as string,
    revokedAt: readInstant(row.revoked_at),
    revokedReason: (row.revoked_reason as string | null) ?? null,
  };
}
