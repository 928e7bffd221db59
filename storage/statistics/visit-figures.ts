/**
 * Figures of the follow-up visits (回访) of sampled good reviews, in SQL: the follow-up tasks
 * the standard workflow opened in a period (kind `followUp`) by platform, and how many of them
 * have at least one visit recorded, whatever its outcome (the same rule as the rectification's
 * 回访率). Read through the tasks' (platform, kind, created) index like the rectification figures.
 */
import type { Knex } from 'knex';
import { writeInstant } from '../columns.js';
import { countOf, type CountRow, type FigureScope } from './scope.js';

type Db = Knex | Knex.Transaction;

/** The task kind the standard workflow's follow-up sample opens (engine/runtime/task-deadlines.ts). */
export const FOLLOW_UP_KIND = 'followUp';

export interface VisitRow {
  platformId: string;
  /** Follow-up tasks opened in the period. */
  opened: number;
  /** Of those, with at least one visit recorded. */
  visited: number;
}

/** The query behind {@link visitFigures} (exported for EXPLAIN in tests). */
export function visitQuery(db: Db, scope: FigureScope): Knex.QueryBuilder {
  const builder = db('tasks as t')
    .select('t.platform_id')
    .count({ opened: '*' })
    .select(db.raw('sum(case when exists (select 1 from task_visits v where v.task_id = t.id) then 1 else 0 end) as visited'))
    .where('t.kind', FOLLOW_UP_KIND)
    .whereIn('t.platform_id', scope.platformIds)
    .where('t.created_at', '>=', writeInstant(scope.fromAt))
    .where('t.created_at', '<', writeInstant(scope.untilAt))
    .groupBy('t.platform_id');
  if (scope.itemIds !== undefined) builder.join('cases as c', 'c.id', 't.case_id').whereIn('c.item_id', scope.itemIds);
  return builder;
}

/** Follow-up tasks opened in the period and how many were visited, by platform. */
export async function visitFigures(db: Db, scope: FigureScope): Promise<VisitRow[]> {
  if (scope.platformIds.length === 0) return [];
  const rows: CountRow[] = await visitQuery(db, scope);
  return rows.map((row) => ({ platformId: String(row.platform_id), opened: countOf(row, 'opened'), visited: countOf(row, 'visited') }));
}
