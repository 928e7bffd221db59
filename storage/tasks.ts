/** Tasks: work a decision opens for a role, e.g. the rectification after a bad review (整改). */
import type { Knex } from 'knex';
import { readInstant, writeInstant } from './columns.js';

type Db = Knex | Knex.Transaction;

export type TaskStatus = 'open' | 'done';

export interface TaskRecord {
  id: string;
  platformId: string;
  caseId: string | null;
  kind: string;
  title: string;
  assigneeRole: string;
  dueAt: string | null;
  status: TaskStatus;
  createdAt: string;
  closedAt: string | null;
  /** What was done, given when closing. */
  result: string | null;
  closedBy: string | null;
  /** When its one reminder (催办) went, before the due date; null until then. */
  remindedAt: string | null;
  /** When it was escalated (督办) for being open past its due date; null until then. */
  escalatedAt: string | null;
  /** The case's number, joined from cases when read. */
  caseNumber?: string | null;
}

export type VisitOutcome = 'satisfied' | 'unsatisfied' | 'unreachable';

/** A follow-up visit (回访) on a task: who called, when, what they heard. */
export interface VisitRecord {
  id: string;
  taskId: string;
  note: string;
  outcome: VisitOutcome;
  visitedBy: string;
  at: string;
}

export interface VisitView extends VisitRecord {
  /** The visitor's display name, joined from users. */
  visitorName: string;
}

/** Opens a task; opening the same id twice is a no-op. */
export async function openTask(db: Db, task: Omit<TaskRecord, 'status' | 'closedAt' | 'result' | 'closedBy' | 'remindedAt' | 'escalatedAt'>): Promise<void> {
  await db('tasks')
    .insert({
      id: task.id,
      platform_id: task.platformId,
      case_id: task.caseId,
      kind: task.kind,
      title: task.title,
      assignee_role: task.assigneeRole,
      due_at: writeInstant(task.dueAt),
      status: 'open',
      created_at: writeInstant(task.createdAt),
    })
    .onConflict('id')
    .ignore();
}

/** A platform's tasks, earliest due first; optionally only one case's. */
export async function listTasks(db: Db, query: { platformId: string; status?: TaskStatus; caseId?: string }): Promise<TaskRecord[]> {
  const builder = selectTasks(db).where('t.platform_id', query.platformId);
  if (query.status) builder.where('t.status', query.status);
  if (query.caseId !== undefined) builder.where('t.case_id', query.caseId);
  const rows = await builder.orderBy([{ column: 't.due_at' }, { column: 't.id' }]);
  return rows.map(toRecord);
}

export async function getTask(db: Db, id: string): Promise<TaskRecord | undefined> {
  const row = await selectTasks(db).where('t.id', id).first();
  return row ? toRecord(row) : undefined;
}

function selectTasks(db: Db): Knex.QueryBuilder {
  return db('tasks as t').leftJoin('cases as c', 'c.id', 't.case_id').select('t.*', 'c.number as case_number');
}

/** Closes an open task with its result; returns false if it was not open. */
export async function closeTask(db: Db, close: { id: string; at: string; result?: string; by?: string }): Promise<boolean> {
  const changed = await db('tasks')
    .where({ id: close.id, status: 'open' })
    .update({ status: 'done', closed_at: writeInstant(close.at), result: close.result ?? null, closed_by: close.by ?? null });
  return changed === 1;
}

export async function insertVisit(db: Db, visit: VisitRecord): Promise<void> {
  await db('task_visits').insert({
    id: visit.id,
    task_id: visit.taskId,
    note: visit.note,
    outcome: visit.outcome,
    visited_by: visit.visitedBy,
    at: writeInstant(visit.at),
  });
}

/** The visits of the given tasks, oldest first. */
export async function listVisits(db: Db, taskIds: string[]): Promise<VisitView[]> {
  if (taskIds.length === 0) return [];
  const rows = await db('task_visits as v')
    .join('users as u', 'u.id', 'v.visited_by')
    .select('v.*', 'u.display_name as visitor_name')
    .whereIn('v.task_id', taskIds)
    .orderBy([{ column: 'v.at' }, { column: 'v.id' }]);
  return rows.map((row: Record<string, unknown>) => ({
    id: row.id as string,
    visitorName: row.visitor_name as string,
    taskId: row.task_id as string,
    note: row.note as string,
    outcome: row.outcome as VisitOutcome,
    visitedBy: row.visited_by as string,
    at: readInstant(row.at) as string,
  }));
}

function toRecord(row: Record<string, unknown>): TaskRecord {
  return {
    id: row.id as string,
    platformId: row.platform_id as string,
    caseId: (row.case_id as string | null) ?? null,
    kind: row.kind as string,
    title: row.title as string,
    assigneeRole: row.assignee_role as string,
    dueAt: readInstant(row.due_at),
    status: row.status as TaskStatus,
    createdAt: readInstant(row.created_at) as string,
    closedAt: readInstant(row.closed_at),
    result: (row.result as string | null) ?? null,
    closedBy: (row.closed_by as string | null) ?? null,
    remindedAt: readInstant(row.reminded_at),
    escalatedAt: readInstant(row.escalated_at),
    caseNumber: (row.case_number as string | null) ?? null,
  };
}

/** The two deadline marks of a task: its reminder (催办) before the due date and its escalation (督办) after it. */
export type DeadlineMark = 'reminded' | 'escalated';

const MARK_COLUMNS: Readonly<Record<DeadlineMark, string>> = { reminded: 'reminded_at', escalated: 'escalated_at' };

/** Open tasks still without the mark and with a due date in the window (after `dueAfter`, up to `dueBy`). */
function unmarked(db: Db, mark: DeadlineMark, window: { dueAfter?: string; dueBy?: string }): Knex.QueryBuilder {
  const builder = db('tasks').where('status', 'open').whereNull(MARK_COLUMNS[mark]).whereNotNull('due_at');
  if (window.dueAfter !== undefined) builder.where('due_at', '>', writeInstant(window.dueAfter));
  if (window.dueBy !== undefined) builder.where('due_at', '<=', writeInstant(window.dueBy));
  return builder;
}

export interface UnmarkedGroup {
  platformId: string;
  kind: string;
  /** The earliest due date among them. */
  earliestDueAt: string;
}

/** The query behind {@link unmarkedGroups} (exported for EXPLAIN in tests). */
export function unmarkedGroupsQuery(db: Db, mark: DeadlineMark, window: { dueAfter?: string; dueBy?: string }): Knex.QueryBuilder {
  return unmarked(db, mark, window).select('platform_id', 'kind').min({ earliest: 'due_at' }).groupBy('platform_id', 'kind');
}

/**
 * Which platforms and kinds have open tasks without the mark in the window, with the earliest
 * due date of each: the worker then asks only where a platform's own rule makes one due.
 */
export async function unmarkedGroups(db: Db, mark: DeadlineMark, window: { dueAfter?: string; dueBy?: string }): Promise<UnmarkedGroup[]> {
  const rows: Array<Record<string, unknown>> = await unmarkedGroupsQuery(db, mark, window);
  return rows.map((row) => ({ platformId: row.platform_id as string, kind: row.kind as string, earliestDueAt: readInstant(row.earliest) as string }));
}

/** The query behind {@link unmarkedTasks}. */
export function unmarkedTasksQuery(db: Db, query: { mark: DeadlineMark; platformId: string; kind: string; dueAfter?: string; dueBy: string; limit: number }): Knex.QueryBuilder {
  return unmarked(db, query.mark, query)
    .select('id')
    .where({ platform_id: query.platformId, kind: query.kind })
    .orderBy([{ column: 'due_at' }, { column: 'id' }])
    .limit(query.limit);
}

/** Open tasks of one platform and kind still without the mark, due in the window, earliest first. */
export async function unmarkedTasks(db: Db, query: { mark: DeadlineMark; platformId: string; kind: string; dueAfter?: string; dueBy: string; limit: number }): Promise<TaskRecord[]> {
  const ids = (await unmarkedTasksQuery(db, query)).map((row: { id: string }) => row.id);
  if (ids.length === 0) return [];
  const rows = await selectTasks(db).whereIn('t.id', ids).orderBy([{ column: 't.due_at' }, { column: 't.id' }]);
  return rows.map(toRecord);
}

/**
 * Marks an open task reminded or escalated at `at`, if no one did: one conditional UPDATE, so of
 * two workers only one gets true and sends the notices (in the same transaction).
 */
export async function markTask(db: Db, change: { id: string; mark: DeadlineMark; at: string }): Promise<boolean> {
  const column = MARK_COLUMNS[change.mark];
  const changed = await db('tasks')
    .where({ id: change.id, status: 'open' })
    .whereNull(column)
    .update({ [column]: writeInstant(change.at) });
  return changed === 1;
}
