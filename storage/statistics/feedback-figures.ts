/**
 * Feedback figures (投诉与建议) of a period in SQL: what was filed in the period, how much of it
 * is answered, and how much was answered by its due time (3 working days). One GROUP BY over
 * the `feedback_stats` index range (platform, time filed), never the feedback text.
 */
import type { Knex } from 'knex';
import { writeInstant } from '../columns.js';
import { countOf, inScope, type CountRow, type FigureScope } from './scope.js';

type Db = Knex | Knex.Transaction;

export interface FeedbackRow {
  platformId: string;
  /** Feedback filed in the period. */
  received: number;
  /** Of those, answered (by now). */
  answered: number;
  /** Of those, answered by their due time. */
  answeredOnTime: number;
}

/**
 * The query behind {@link feedbackFigures} (exported for EXPLAIN in tests). With an item
 * filter, only feedback naming one of the items (directly or through its case) counts.
 */
export function feedbackQuery(db: Db, scope: FigureScope): Knex.QueryBuilder {
  const builder = db('feedback as f')
    .select('f.platform_id')
    .count({ received: '*' })
    .select(db.raw(`sum(case when f.status = 'answered' then 1 else 0 end) as answered`))
    .select(db.raw(`sum(case when f.status = 'answered' and f.answered_at <= f.answer_due_at then 1 else 0 end) as answered_on_time`))
    .where('f.created_at', '>=', writeInstant(scope.fromAt))
    .where('f.created_at', '<', writeInstant(scope.untilAt))
    .groupBy('f.platform_id');
  return inScope(builder, scope, 'f');
}

/** Feedback filed in the period, by platform. */
export async function feedbackFigures(db: Db, scope: FigureScope): Promise<FeedbackRow[]> {
  if (scope.platformIds.length === 0) return [];
  const rows: CountRow[] = await feedbackQuery(db, scope);
  return rows.map((row) => ({
    platformId: String(row.platform_id),
    received: countOf(row, 'received'),
    answered: countOf(row, 'answered'),
    answeredOnTime: countOf(row, 'answered_on_time'),
  }));
}
