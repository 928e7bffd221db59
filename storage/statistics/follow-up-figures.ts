/**
 * Figures of what follows a case, in SQL: the evaluations (好差评) given in a period by level,
 * read from their `case.evaluated` events by type and time (a case may be evaluated at more
 * than one stage, and each evaluation counts, unless an appeal against it was upheld), and the follow-up tasks a bad review opens
 * (整改) with their closing and visits (回访).
 */
import type { Knex } from 'knex';
import { dialectOf, writeInstant } from '../columns.js';
import { countOf, type CountRow, type FigureScope } from './scope.js';

type Db = Knex | Knex.Transaction;

export interface EvaluationRow {
  platformId: string;
  itemId: string;
  /** 1 非常不满意 … 5 非常满意. */
  level: number;
  count: number;
}

/** The evaluation level inside the event's data, as SQL. */
function levelOf(db: Db): string {
  return dialectOf(db) === 'postgres' ? "(e.data->>'level')" : "json_extract(e.data, '$.level')";
}

/** Restricts a join of cases aliased `c` to the scope's platforms and items. */
function casesInScope(builder: Knex.QueryBuilder, scope: FigureScope): Knex.QueryBuilder {
  builder.whereIn('c.platform_id', scope.platformIds);
  if (scope.itemIds !== undefined) builder.whereIn('c.item_id', scope.itemIds);
  return builder;
}

/** The query behind {@link evaluationFigures} (exported for EXPLAIN in tests). */
export function evaluationQuery(db: Db, scope: FigureScope): Knex.QueryBuilder {
  const level = levelOf(db);
  const builder = db('case_events as e')
    .join('cases as c', 'c.id', 'e.case_id')
    .select('c.platform_id', 'c.item_id', db.raw(`${level} as level`))
    .count({ n: '*' })
    .where('e.type', 'case.evaluated')
    .where('e.at', '>=', writeInstant(scope.fromAt))
    .where('e.at', '<', writeInstant(scope.untilAt))
    // A review set aside on appeal (申诉复核 upheld) is no review: one probe of the appeals' unique (case, instant) index.
    .whereNotExists(
      db('evaluation_appeals as a').select(db.raw('1')).whereRaw('a.case_id = e.case_id').whereRaw('a.evaluation_at = e.at').where('a.status', 'upheld'),
    )
    .groupBy('c.platform_id', 'c.item_id', db.raw(level));
  return casesInScope(builder, scope);
}

/** Evaluations given in the period, by the case's platform and item and the level. */
export async function evaluationFigures(db: Db, scope: FigureScope): Promise<EvaluationRow[]> {
  if (scope.platformIds.length === 0) return [];
  const rows: CountRow[] = await evaluationQuery(db, scope);
  return rows.map((row) => ({ platformId: String(row.platform_id), itemId: String(row.item_id), level: Number(row.level), count: countOf(row, 'n') }));
}

export interface TaskFigures {
  platformId: string;
  /** Tasks of the kind opened in the period. */
  opened: number;
  /** Of those, closed (done). */
  closed: number;
  /** Closed by their due time. */
  closedOnTime: number;
  /** With at least one follow-up visit (回访) recorded. */
  visited: number;
}

/** The query behind {@link taskFigures}. */
export function taskQuery(db: Db, scope: FigureScope, kind: string): Knex.QueryBuilder {
  const builder = db('tasks as t')
    .select('t.platform_id')
    .count({ opened: '*' })
    .select(db.raw(`sum(case when t.status = 'done' then 1 else 0 end) as closed`))
    .select(db.raw(`sum(case when t.status = 'done' and t.closed_at <= t.due_at then 1 else 0 end) as closed_on_time`))
    .select(db.raw('sum(case when exists (select 1 from task_visits v where v.task_id = t.id) then 1 else 0 end) as visited'))
    .where('t.kind', kind)
    .whereIn('t.platform_id', scope.platformIds)
    .where('t.created_at', '>=', writeInstant(scope.fromAt))
    .where('t.created_at', '<', writeInstant(scope.untilAt))
    .groupBy('t.platform_id');
  if (scope.itemIds !== undefined) builder.join('cases as c', 'c.id', 't.case_id').whereIn('c.item_id', scope.itemIds);
  return builder;
}

/** Follow-up tasks of `kind` (e.g. `rectification`) opened in the period, by platform. */
export async function taskFigures(db: Db, scope: FigureScope, kind: string): Promise<TaskFigures[]> {
  if (scope.platformIds.length === 0) return [];
  const rows: CountRow[] = await taskQuery(db, scope, kind);
  return rows.map((row) => ({
    platformId: String(row.platform_id),
    opened: countOf(row, 'opened'),
    closed: countOf(row, 'closed'),
    closedOnTime: countOf(row, 'closed_on_time'),
    visited: countOf(row, 'visited'),
  }));
}
