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
}

/** Opens a task; opening the same id twice is a no-op. */
export async function openTask(db: Db, task: Omit<TaskRecord, 'status' | 'closedAt'>): Promise<void> {
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

/** A platform's tasks, earliest due first. */
export async function listTasks(db: Db, query: { platformId: string; status?: TaskStatus }): Promise<TaskRecord[]> {
  const builder = db('tasks').where({ platform_id: query.platformId });
  if (query.status) builder.where({ status: query.status });
  const rows = await builder.orderBy([{ column: 'due_at' }, { column: 'id' }]);
  return rows.map((row: Record<string, unknown>) => ({
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
  }));
}

/** Closes an open task; returns false if it was not open. */
export async function closeTask(db: Db, close: { id: string; at: string }): Promise<boolean> {
  const changed = await db('tasks').where({ id: close.id, status: 'open' }).update({ status: 'done', closed_at: writeInstant(close.at) });
  return changed === 1;
}
