/**
 * Completed idempotent requests: what a request with an `Idempotency-Key` made and answered,
 * keyed by (platform, user, key) so one user's key never reaches another's result. A row is
 * written in the same transaction as the work it records; the worker purges old rows.
 */
import type { Knex } from 'knex';
import { readInstant, writeInstant } from './columns.js';
import { StorageError } from './errors.js';

type Db = Knex | Knex.Transaction;

/** Whose key it is: the key alone never identifies a row. */
export interface IdempotencyScope {
  platformId: string;
  userId: string;
  key: string;
}

export interface IdempotencyRecord extends IdempotencyScope {
  /** sha256 (hex) of the request: method, path, fields and file digests. */
  fingerprint: string;
  /** `METHOD /path` the key was used on, for people reading the table. */
  request: string;
  /** The id of what the request made (a case, a file). */
  resourceId: string;
  status: number;
  /** The response body exactly as it was sent (JSON text). */
  response: string;
  createdAt: string;
}

/**
 * Records a completed request in the caller's transaction. A row already there for the scope
 * (a parallel request with the same key committed first) throws code `idempotency.recorded`,
 * which rolls the caller's transaction back.
 */
export async function insertIdempotencyRecord(tx: Knex.Transaction, record: IdempotencyRecord): Promise<void> {
  try {
    // A savepoint keeps PostgreSQL's transaction usable so the caller decides what to do.
    await tx.transaction((inner) =>
      inner('idempotency_keys').insert({
        platform_id: record.platformId,
        user_id: record.userId,
        key: record.key,
        fingerprint: record.fingerprint,
        request: record.request.slice(0, 300),
        resource_id: record.resourceId,
        status: record.status,
        response: record.response,
        created_at: writeInstant(record.createdAt),
      }),
    );
  } catch (error) {
    if (isUniqueViolation(error)) throw new StorageError('idempotency.recorded', `Idempotency key "${record.key}" was recorded by another request first.`);
    throw error;
  }
}

/** The completed request under this scope, or undefined. */
export async function findIdempotencyRecord(db: Db, scope: IdempotencyScope): Promise<IdempotencyRecord | undefined> {
  const row = await db('idempotency_keys').where({ platform_id: scope.platformId, user_id: scope.userId, key: scope.key }).first();
  if (!row) return undefined;
  return {
    platformId: row.platform_id as string,
    userId: row.user_id as string,
    key: row.key as string,
    fingerprint: row.fingerprint as string,
    request: row.request as string,
    resourceId: row.resource_id as string,
    status: Number(row.status),
    response: row.response as string,
    createdAt: readInstant(row.created_at) as string,
  };
}

/** Deletes records created before `before`; answers how many. */
export async function purgeIdempotencyRecords(db: Db, before: string): Promise<number> {
  return db('idempotency_keys').where('created_at', '<', writeInstant(before)).delete();
}

function isUniqueViolation(error: unknown): boolean {
  const code = (error as { code?: string }).code ?? '';
  return code === '23505' || code.startsWith('SQLITE_CONSTRAINT_PRIMARYKEY') || code.startsWith('SQLITE_CONSTRAINT_UNIQUE');
}
