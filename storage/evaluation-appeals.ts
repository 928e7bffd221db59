/**
 * Appeals against a review (申诉复核): one per evaluation, named by its case and instant; open
 * until an admin upholds it (the review is set aside) or rejects it (the review stands).
 */
import type { Knex } from 'knex';
import { readInstant, writeInstant } from './columns.js';

type Db = Knex | Knex.Transaction;

export type AppealStatus = 'open' | 'upheld' | 'rejected';

export interface AppealRecord {
  id: string;
  platformId: string;
  caseId: string;
  /** The instant of the evaluation appealed against (it names the evaluation within its case). */
  evaluationAt: string;
  level: number;
  reason: string;
  filedBy: string;
  filedAt: string;
  status: AppealStatus;
  decidedBy: string | null;
  decidedAt: string | null;
  decisionNote: string | null;
  /** Joined when read: the case's number and the names of who filed and decided. */
  caseNumber?: string;
  filedByName?: string | null;
  decidedByName?: string | null;
}

export type NewAppeal = Omit<AppealRecord, 'status' | 'decidedBy' | 'decidedAt' | 'decisionNote' | 'caseNumber' | 'filedByName' | 'decidedByName'>;

/** Stores a new open appeal; false when the evaluation already has one (the unique index decides races). */
export async function insertAppeal(db: Db, appeal: NewAppeal): Promise<boolean> {
  const inserted = await db('evaluation_appeals')
    .insert({
      id: appeal.id,
      platform_id: appeal.platformId,
      case_id: appeal.caseId,
      evaluation_at: writeInstant(appeal.evaluationAt),
      level: appeal.level,
      reason: appeal.reason,
      filed_by: appeal.filedBy,
      filed_at: writeInstant(appeal.filedAt),
      status: 'open',
    })
    .onConflict(['case_id', 'evaluation_at'])
    .ignore()
    .returning('id');
  return inserted.length === 1;
}

function selectAppeals(db: Db): Knex.QueryBuilder {
  return db('evaluation_appeals as a')
    .join('cases as c', 'c.id', 'a.case_id')
    .leftJoin('users as f', 'f.id', 'a.filed_by')
    .leftJoin('users as d', 'd.id', 'a.decided_by')
    .select('a.*', 'c.number as case_number', 'f.display_name as filed_by_name', 'd.display_name as decided_by_name');
}

export async function getAppeal(db: Db, id: string): Promise<AppealRecord | undefined> {
  const row = await selectAppeals(db).where('a.id', id).first();
  return row ? toRecord(row) : undefined;
}

/** The appeals of the given cases (any status), oldest first. */
export async function appealsOfCases(db: Db, caseIds: string[]): Promise<AppealRecord[]> {
  if (caseIds.length === 0) return [];
  const rows = await selectAppeals(db).whereIn('a.case_id', caseIds).orderBy([{ column: 'a.filed_at' }, { column: 'a.id' }]);
  return rows.map(toRecord);
}

/** The appeals filed on the given platforms, optionally of one status or one case, newest first. */
export async function listAppeals(db: Db, query: { platformIds: string[]; status?: AppealStatus; caseId?: string }): Promise<AppealRecord[]> {
  if (query.platformIds.length === 0) return [];
  const builder = selectAppeals(db).whereIn('a.platform_id', query.platformIds);
  if (query.status !== undefined) builder.where('a.status', query.status);
  if (query.caseId !== undefined) builder.where('a.case_id', query.caseId);
  const rows = await builder.orderBy([{ column: 'a.filed_at', order: 'desc' }, { column: 'a.id', order: 'desc' }]);
  return rows.map(toRecord);
}

/** Decides an open appeal; false when it was no longer open (decided by someone else meanwhile). */
export async function decideAppeal(db: Db, decision: { id: string; status: 'upheld' | 'rejected'; by: string; at: string; note: string | null }): Promise<boolean> {
  const changed = await db('evaluation_appeals')
    .where({ id: decision.id, status: 'open' })
    .update({ status: decision.status, decided_by: decision.by, decided_at: writeInstant(decision.at), decision_note: decision.note });
  return changed === 1;
}

function toRecord(row: Record<string, unknown>): AppealRecord {
  return {
    id: row.id as string,
    platformId: row.platform_id as string,
    caseId: row.case_id as string,
    evaluationAt: readInstant(row.evaluation_at) as string,
    level: Number(row.level),
    reason: row.reason as string,
    filedBy: row.filed_by as string,
    filedAt: readInstant(row.filed_at) as string,
    status: row.status as AppealStatus,
    decidedBy: (row.decided_by as string | null) ?? null,
    decidedAt: readInstant(row.decided_at),
    decisionNote: (row.decision_note as string | null) ?? null,
    caseNumber: row.case_number as string,
    filedByName: (row.filed_by_name as string | null) ?? null,
    decidedByName: (row.decided_by_name as string | null) ?? null,
  };
}
