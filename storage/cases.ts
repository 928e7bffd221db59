/**
 * Cases (办件): the whole engine Case as JSON, plus the columns the inboxes filter and sort on.
 * Writes are guarded by an optimistic `version`.
 */
import type { Knex } from 'knex';
import type { Case, CaseStatus } from '../engine/runtime/case.js';
import { readInstant, readJson, writeInstant, writeJson } from './columns.js';
import { nextDueAt } from '../engine/runtime/clocks.js';

type Db = Knex | Knex.Transaction;

function columns(kase: Case, version: number) {
  return {
    platform_id: kase.platformId,
    number: kase.number,
    item_id: kase.pins.item.id,
    item_version: kase.pins.item.version,
    applicant_id: kase.applicantId,
    step: kase.step,
    status: kase.status,
    assignee_id: kase.assigneeId ?? null,
    due_at: writeInstant(nextDueAt(kase)),
    version,
    body: writeJson({ ...kase, version }),
    created_at: writeInstant(kase.createdAt),
    updated_at: writeInstant(kase.updatedAt),
  };
}

/** Stores a new case at version 1 and returns it as stored. */
export async function insertCase(db: Db, kase: Case): Promise<Case> {
  await db('cases').insert({ id: kase.id, ...columns(kase, 1) });
  return { ...kase, version: 1 };
}

/** One case, or undefined. */
export async function getCase(db: Db, id: string): Promise<Case | undefined> {
  const row = await db('cases').select('body', 'version').where({ id }).first();
  return row ? toCase(db, row) : undefined;
}

/** The stored version of a case, or null when there is no such case. */
export async function getCaseVersion(db: Db, id: string): Promise<number | null> {
  const row = await db('cases').select('version').where({ id }).first();
  return row ? Number(row.version) : null;
}

/**
 * Replaces a case if it is still at `expectedVersion`, moving it to `expectedVersion + 1`.
 * Returns false when someone else changed it first.
 */
export async function updateCase(db: Db, next: Case, expectedVersion: number): Promise<boolean> {
  const changed = await db('cases')
    .where({ id: next.id, version: expectedVersion })
    .update(columns(next, expectedVersion + 1));
  return changed === 1;
}

export interface CaseQuery {
  platformId: string;
  applicantId?: string;
  status?: CaseStatus;
  step?: string;
  assigneeId?: string;
  itemId?: string;
  /** Matches case numbers containing this text. */
  q?: string;
  /** `updated` (default): most recently changed first; `due`: earliest due first, only cases with a running clock. */
  order?: 'updated' | 'due';
  limit: number;
  /** The `next` cursor of the previous page. */
  after?: string;
}

export interface CasePage {
  cases: Case[];
  /** Pass as `after` for the next page; absent on the last page. */
  next?: string;
}

/** Lists cases, keyset-paged so pages stay stable while cases change. */
export async function listCases(db: Db, query: CaseQuery): Promise<CasePage> {
  const isDue = query.order === 'due';
  const sortColumn = isDue ? 'due_at' : 'updated_at';
  const builder = db('cases').select('id', 'body', 'version', sortColumn).where({ platform_id: query.platformId });
  const filters = { applicant_id: query.applicantId, status: query.status, step: query.step, assignee_id: query.assigneeId, item_id: query.itemId };
  for (const [column, value] of Object.entries(filters)) if (value !== undefined) builder.where(column, value);
  if (query.q) builder.whereRaw(`lower(number) like ? escape '\\'`, [`%${query.q.toLowerCase().replace(/[%_\\]/g, '\\$&')}%`]);
  if (isDue) builder.whereNotNull('due_at');
  if (query.after) {
    const [sortValue, id] = decodeCursor(query.after);
    // (updated_at desc, id asc) or (due_at asc, id asc): rows strictly after the cursor.
    builder.where((w) =>
      w.where(sortColumn, isDue ? '>' : '<', sortValue).orWhere((same) => same.where(sortColumn, sortValue).andWhere('id', '>', id)),
    );
  }
  const rows = await builder.orderBy([{ column: sortColumn, order: isDue ? 'asc' : 'desc' }, { column: 'id', order: 'asc' }]).limit(query.limit + 1);
  const page = rows.slice(0, query.limit);
  const last = page[page.length - 1];
  const hasMore = rows.length > query.limit && last !== undefined;
  return {
    cases: page.map((row: Record<string, unknown>) => toCase(db, row)),
    ...(hasMore ? { next: encodeCursor(readInstant(last[sortColumn]) as string, last.id as string) } : {}),
  };
}

function encodeCursor(sortValue: string, id: string): string {
  return Buffer.from(JSON.stringify([sortValue, id]), 'utf8').toString('base64url');
}

function decodeCursor(cursor: string): [string, string] {
  const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  if (!Array.isArray(value) || value.length !== 2 || !value.every((v) => typeof v === 'string')) {
    throw new RangeError('Invalid case list cursor; pass the `next` value of the previous page unchanged.');
  }
  return [writeInstant(value[0] as string), value[1] as string];
}

function toCase(db: Db, row: Record<string, unknown>): Case {
  return { ...readJson<Case>(db, row.body), version: Number(row.version) };
}
