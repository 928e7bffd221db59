/**
 * Case figures of a period in SQL, one GROUP BY each, over the statistics columns of `cases`
 * (migration 0020): what was applied for (by platform, item, channel and month) and what was
 * served (办结) — on time, without a 补正 round, and their handling time in working days (each
 * case's own, worked out on its platform's calendar when it was served). Each query reads one
 * index range (platform, day) and never a case body.
 */
import type { Knex } from 'knex';
import { writeInstant } from '../columns.js';
import { countOf, inScope, type CountRow, type FigureScope } from './scope.js';

type Db = Knex | Knex.Transaction;

export interface AppliedRow {
  platformId: string;
  itemId: string;
  channel: string;
  /** YYYY-MM of the local day applied. */
  month: string;
  applied: number;
  /** Of those: a time limit overrun (示警 fired), or still open past its due time at `now`. */
  overdue: number;
}

/** The query behind {@link appliedFigures} (exported for EXPLAIN in tests). */
export function appliedQuery(db: Db, scope: FigureScope, now: string): Knex.QueryBuilder {
  const month = 'substr(c.created_day, 1, 7)';
  const builder = db('cases as c')
    .select('c.platform_id', 'c.item_id', 'c.channel', db.raw(`${month} as month`))
    .count({ applied: '*' })
    .select(db.raw(`sum(case when c.is_late = 1 or (c.status = 'open' and c.due_at <= ?) then 1 else 0 end) as overdue`, [writeInstant(now)]))
    .whereBetween('c.created_day', [scope.fromDay, scope.toDay])
    .groupBy('c.platform_id', 'c.item_id', 'c.channel', db.raw(month));
  return inScope(builder, scope, 'c');
}

/** Cases applied for in the period, by platform, item, channel and month. */
export async function appliedFigures(db: Db, scope: FigureScope, now: string): Promise<AppliedRow[]> {
  if (scope.platformIds.length === 0) return [];
  const rows: CountRow[] = await appliedQuery(db, scope, now);
  return rows.map((row) => ({
    platformId: String(row.platform_id),
    itemId: String(row.item_id),
    channel: String(row.channel),
    month: String(row.month),
    applied: countOf(row, 'applied'),
    overdue: countOf(row, 'overdue'),
  }));
}

export interface ServedRow {
  platformId: string;
  itemId: string;
  served: number;
  /** Served with none of its time limits overrun. */
  onTime: number;
  /** Served without a 补正 round (一次办结). */
  oneVisit: number;
  /** Total handling time of the served cases in working days, over those whose time is known. */
  workingDays: number;
  /** Served cases whose handling time is known (inside the calendar's official years). */
  timed: number;
}

/** The query behind {@link servedFigures}. */
export function servedQuery(db: Db, scope: FigureScope): Knex.QueryBuilder {
  const builder = db('cases as c')
    .select('c.platform_id', 'c.item_id')
    .count({ served: '*' })
    .select(db.raw('sum(case when c.is_late = 0 then 1 else 0 end) as on_time'))
    .select(db.raw('sum(case when c.correction_rounds = 0 then 1 else 0 end) as one_visit'))
    .select(db.raw('coalesce(sum(c.handling_days), 0) as working_days'), db.raw('count(c.handling_days) as timed'))
    .whereBetween('c.served_day', [scope.fromDay, scope.toDay])
    .groupBy('c.platform_id', 'c.item_id');
  return inScope(builder, scope, 'c');
}

/** Cases served (办结) in the period, by platform and item. */
export async function servedFigures(db: Db, scope: FigureScope): Promise<ServedRow[]> {
  if (scope.platformIds.length === 0) return [];
  const rows: CountRow[] = await servedQuery(db, scope);
  return rows.map((row) => ({
    platformId: String(row.platform_id),
    itemId: String(row.item_id),
    served: countOf(row, 'served'),
    onTime: countOf(row, 'on_time'),
    oneVisit: countOf(row, 'one_visit'),
    workingDays: countOf(row, 'working_days'),
    timed: countOf(row, 'timed'),
  }));
}
