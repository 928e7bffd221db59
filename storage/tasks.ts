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
export async function openTask(db: Db, task: Omit<TaskRecord, 'status' | 'closedAt' | 'result' | 'closedBy'>): Promise<void> {
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
    caseNumber: (row.case_number as string | null) ?? null,
  };
}
