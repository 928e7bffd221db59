/**
 * Leased claims for work rows (outbox notices, timers) shared by several worker processes.
 * A row is claimable when it is eligible and nobody holds an unexpired lease on it; claiming
 * sets `claimed_by` and `claimed_until = now + leaseMs`. A crashed worker's lease simply runs out.
 */
import type { Knex } from 'knex';
import { addMs, dialectOf, writeInstant } from './columns.js';

type Db = Knex | Knex.Transaction;
type Row = Record<string, unknown>;

export interface ClaimRequest {
  workerId: string;
  now: string;
  limit: number;
  leaseMs: number;
}

export interface ClaimSpec extends ClaimRequest {
  table: 'outbox' | 'timers';
  /** Narrows the query to rows that are due (status, due time …). */
  eligible: (query: Knex.QueryBuilder) => void;
  orderBy: string;
}

/** Claims up to `limit` rows for one worker; no row is ever claimed by two workers at once. */
export async function claimRows(db: Db, spec: ClaimSpec): Promise<Row[]> {
  const now = writeInstant(spec.now);
  const lease = { claimed_by: spec.workerId, claimed_until: addMs(now, spec.leaseMs) };
  const claimable = (query: Knex.QueryBuilder) => {
    spec.eligible(query);
    query.where((w) => w.whereNull('claimed_until').orWhere('claimed_until', '<', now));
  };
  if (dialectOf(db) === 'postgres') {
    // One statement; SKIP LOCKED lets concurrent workers take different rows instead of queueing.
    const candidates = db(spec.table).select('id').where(claimable).orderBy(spec.orderBy).limit(spec.limit).forUpdate().skipLocked();
    return db(spec.table).update(lease).whereIn('id', candidates).returning('*');
  }
  // SQLite: BEGIN IMMEDIATE holds the only write lock, so select-then-update cannot interleave.
  return db.transaction(async (tx) => {
    const ids = (await tx(spec.table).select('id').where(claimable).orderBy(spec.orderBy).limit(spec.limit)).map((r: Row) => r.id as string);
    if (ids.length === 0) return [];
    await tx(spec.table).update(lease).whereIn('id', ids).where(claimable);
    return tx(spec.table).whereIn('id', ids).where(lease).orderBy(spec.orderBy);
  });
}
