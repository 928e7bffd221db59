/**
 * Counts of cases for the inbox views, capped: a view of a million cases costs what one of the
 * cap does, and the desk shows "10,000+" past it.
 */
import type { Knex } from 'knex';
import { writeInstant } from './columns.js';
import { filtered, type CaseFilter } from './cases.js';

type Db = Knex | Knex.Transaction;

/** A count that stops at a cap: `count` is exact when `isCapped` is false, else there are more than `count`. */
export interface CappedCount {
  count: number;
  isCapped: boolean;
}

/**
 * `SELECT count(*) FROM (SELECT 1 … LIMIT cap + 1)`: the database stops reading at the first
 * row past the cap, so a view of a million cases costs what one of `cap` does.
 */
export function countCasesQuery(db: Db, filter: CaseFilter, cap: number): Knex.QueryBuilder {
  const matching = filtered(db, filter).select(db.raw('1')).limit(cap + 1);
  // A search tests every case: read in `updated_at` order, SQLite walks the wide inbox index
  // (which holds every searched column) instead of the table's large rows.
  if (filter.search) matching.orderBy('updated_at', 'desc');
  return db.count({ n: '*' }).from(matching.as('capped'));
}

/** How many cases match, counting no further than `cap`. */
export async function countCasesUpTo(db: Db, filter: CaseFilter, cap: number): Promise<CappedCount> {
  const row = (await countCasesQuery(db, filter, cap).first()) as { n?: unknown } | undefined;
  return cappedOf(Number(row?.n ?? 0), cap);
}

function cappedOf(n: number, cap: number): CappedCount {
  return { count: Math.min(n, cap), isCapped: n > cap };
}

/** The conditions of a count, beyond the scope every count shares. */
export type CountFilter = Pick<CaseFilter, 'queue' | 'status' | 'assigneeId' | 'dueBy' | 'warnedBy'>;

/**
 * The single pass of {@link countCasesByFilter} over at most `cap + 1` cases of the scope:
 * one sum per count and the number of cases read (`total`). The rows are read in `updated_at`
 * order on purpose: the planner then walks the wide inbox index, which holds every column
 * tested here, instead of the table's large rows.
 */
export function countCasesByFilterQuery<K extends string>(db: Db, input: { scope: CaseFilter; counts: Record<K, CountFilter>; cap: number }): Knex.QueryBuilder {
  const names = Object.keys(input.counts) as K[];
  const sums = names.map((name, i) => {
    const { sql, bindings } = conditionOf(input.counts[name]);
    return db.raw(`coalesce(sum(case when ${sql} then 1 else 0 end), 0) as ??`, [...bindings, `c${i}`]);
  });
  const matching = filtered(db, input.scope).select('queue', 'status', 'due_at', 'warn_at', 'assignee_id').orderBy('updated_at', 'desc').limit(input.cap + 1);
  return db.select([...sums, db.raw('count(*) as ??', ['total'])]).from(matching.as('matching'));
}

/**
 * Several counts within one scope, each up to `cap`, e.g. every inbox view among the cases a
 * search matches. When the scope holds no more than `cap` cases, one pass over them gives every
 * count exactly; past that, each count is capped on its own (a count may still be small).
 */
export async function countCasesByFilter<K extends string>(db: Db, scope: CaseFilter, counts: Record<K, CountFilter>, cap: number): Promise<Record<K, CappedCount>> {
  const names = Object.keys(counts) as K[];
  const row = (await countCasesByFilterQuery(db, { scope, counts, cap }).first()) as Record<string, unknown>;
  const result = {} as Record<K, CappedCount>;
  if (Number(row.total ?? 0) <= cap) {
    names.forEach((name, i) => (result[name] = cappedOf(Number(row[`c${i}`] ?? 0), cap)));
    return result;
  }
  for (const name of names) result[name] = await countCasesUpTo(db, { ...scope, ...counts[name] }, cap);
  return result;
}

/** A count filter as one SQL condition ('1 = 1' when empty). */
function conditionOf(filter: CountFilter): { sql: string; bindings: Knex.Value[] } {
  const parts: string[] = [];
  const bindings: Knex.Value[] = [];
  const add = (sql: string, ...values: Knex.Value[]) => {
    parts.push(sql);
    bindings.push(...values);
  };
  if (filter.queue !== undefined) add('queue = ?', filter.queue);
  if (filter.status !== undefined) add('status = ?', filter.status);
  if (filter.assigneeId !== undefined) add('assignee_id = ?', filter.assigneeId);
  if (filter.dueBy !== undefined) add('due_at <= ?', writeInstant(filter.dueBy));
  if (filter.warnedBy !== undefined) add('warn_at <= ? and due_at > ?', writeInstant(filter.warnedBy), writeInstant(filter.warnedBy));
  return { sql: parts.length > 0 ? parts.join(' and ') : '1 = 1', bindings };
}
