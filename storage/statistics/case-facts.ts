/**
 * The per-case facts the statistics group by, stored as columns of `cases` (migration 0020).
 * The server derives them from the case and its pinned workflow (it knows the steps' stages;
 * storage does not) and hands them in with every write, like the inbox queue.
 */
import type { Knex } from 'knex';
import type { Case } from '../../engine/runtime/case.js';
import { readJson } from '../columns.js';

type Db = Knex | Knex.Transaction;

/** Bumped when the derivation changes; rows written by an older one are derived again. */
export const CASE_FACTS_VERSION = 2;

export interface CaseFacts {
  /** The local day (Asia/Shanghai, YYYY-MM-DD) the case was applied for. */
  createdDay: string;
  /** The local day it was served (办结: first reached the feedback stage or ended completed); null before. */
  servedDay: string | null;
  /** How often it was sent back to the applicant for 补正. */
  correctionRounds: number;
  /** True once any of its time limits was overrun (示警 fired). */
  isLate: boolean;
  /**
   * Working days from the day applied to the day served on the platform's calendar as it stood
   * when the case was served; null before, or when the calendar has no official data for a day.
   */
  handlingDays: number | null;
}

/** The columns of {@link CaseFacts}, for an insert or update of the case row. */
export function factColumns(facts: CaseFacts): Record<string, string | number | null> {
  return {
    created_day: facts.createdDay,
    served_day: facts.servedDay,
    correction_rounds: facts.correctionRounds,
    is_late: facts.isLate ? 1 : 0,
    handling_days: facts.handlingDays,
    facts_version: CASE_FACTS_VERSION,
  };
}

/**
 * The query behind {@link casesWithoutFacts} (exported for EXPLAIN in tests). Unordered on
 * purpose: an order by id would let a planner walk the primary key past a million rows that
 * all have facts; each page leaves the set once its facts are stored.
 */
export function pendingFactsQuery(db: Db, limit: number): Knex.QueryBuilder {
  return db('cases')
    .select('body', 'version')
    .where((w) => w.whereNull('facts_version').orWhere('facts_version', '<', CASE_FACTS_VERSION))
    .limit(limit);
}

/** Up to `limit` cases whose facts were never derived, or by an older derivation. */
export async function casesWithoutFacts(db: Db, limit: number): Promise<Case[]> {
  const rows: Array<{ body: unknown; version: number }> = await pendingFactsQuery(db, limit);
  return rows.map((row) => ({ ...readJson<Case>(db, row.body), version: Number(row.version) }));
}

/** Sets a case's facts without touching the case (its version stays): backfills only. */
export async function setCaseFacts(db: Db, change: { id: string; facts: CaseFacts }): Promise<void> {
  await db('cases').where({ id: change.id }).update(factColumns(change.facts));
}
