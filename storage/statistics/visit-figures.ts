/**
 * Figures of the follow-up visits (回访) of sampled good reviews, in SQL: the follow-up tasks
 * the standard workflow opened in a period (kind `followUp`) by platform, and how many of them
 * have at least one visit recorded, whatever its outcome (the same rule as the rectification's
 * 回访率). Read through the tasks' (platform, kind, created) index like the rectification figures.
 */
import type { Knex } from 'knex';
import { taskFigures, taskQuery } from './follow-up-figures.js';
import type { FigureScope } from './scope.js';

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

/** The query behind {@link visitFigures} (exported for EXPLAIN in tests): the task figures' own, for the follow-up kind. */
export function visitQuery(db: Db, scope: FigureScope): Knex.QueryBuilder {
  return taskQuery(db, scope, FOLLOW_UP_KIND);
}

/** Follow-up tasks opened in the period and how many were visited, by platform. */
export async function visitFigures(db: Db, scope: FigureScope): Promise<VisitRow[]> {
  return (await taskFigures(db, scope, FOLLOW_UP_KIND)).map(({ platformId, opened, visited }) => ({ platformId, opened, visited }));
}
