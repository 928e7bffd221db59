/**
 * Follow-up tasks (e.g. the rectification a bad review opens, 差评整改) with their follow-up
 * visits (回访). The due date is the one the workflow set from the platform's rectification
 * limit and is never moved here. A rectification is only closed after at least one visit:
 * the platform rule is "整改到位并回访" with a 回访率 of 100% for bad reviews. Visits may still
 * be recorded after closing (a recheck call), and a late close is kept and shown as late.
 *
 * A follow-up task (回访任务, a sampled good review) is the call itself: a visit that reached the
 * applicant (satisfied or unsatisfied) closes it with the visit's note as its result; an
 * unreachable one leaves it open for another call, and staff may close it explicitly after one.
 * The worker's reminder (催办) and escalation (督办) of a task show as `remindedAt`/`escalatedAt`.
 */
import type { Actor } from '../../engine/runtime/case.js';
import { FOLLOW_UP_TASK, RECTIFICATION_TASK } from '../../engine/runtime/task-deadlines.js';
import { listEventsOfType } from '../../storage/case-events.js';
import { getCase } from '../../storage/cases.js';
import { closeTask, getTask, insertVisit, listTasks, listVisits, type TaskRecord, type TaskStatus, type VisitOutcome, type VisitView } from '../../storage/tasks.js';
import { Failure } from '../http/failure.js';
import type { Services } from '../services.js';
import { requiredText } from './required-text.js';
import { EVALUATION_REPLIED, evaluationView, type EvaluationView } from './evaluation-reply.js';

/** Task kinds that may not be closed before someone called the applicant back. */
const KINDS_NEEDING_A_VISIT = new Set([RECTIFICATION_TASK, FOLLOW_UP_TASK]);

/** Visit outcomes that reached the applicant: on a follow-up task they close it. */
const REACHED: ReadonlySet<VisitOutcome> = new Set(['satisfied', 'unsatisfied']);

export interface TaskView {
  id: string;
  caseId: string | null;
  caseNumber: string | null;
  /** The case's version as listed: the reply to its evaluation is sent at this version (409 when it changed). */
  caseVersion: number | null;
  kind: string;
  title: string;
  dueAt: string | null;
  status: TaskStatus;
  /** Open past its due date, or closed after it. */
  isOverdue: boolean;
  createdAt: string;
  closedAt: string | null;
  result: string | null;
  /** When the reminder before the due date went (已催办); null before. */
  remindedAt: string | null;
  /** When it was escalated for being open past its due date (已督办); null before. */
  escalatedAt: string | null;
  /** The case's latest evaluation and the reply to it (what a rectification is about). */
  evaluation: EvaluationView | null;
  visits: Array<{ id: string; note: string; outcome: VisitOutcome; at: string; by: string; byName: string }>;
}

/** Open past its due date, or closed after it. */
export function isOverdue(task: TaskRecord, now: string): boolean {
  if (task.dueAt === null) return false;
  const end = task.closedAt ?? now;
  return new Date(end).getTime() > new Date(task.dueAt).getTime();
}

async function viewsOf(services: Services, tasks: TaskRecord[]): Promise<TaskView[]> {
  const db = services.db.knex;
  const visits = await listVisits(db, tasks.map((t) => t.id));
  const caseIds = [...new Set(tasks.flatMap((t) => (t.caseId ? [t.caseId] : [])))];
  const replies = await listEventsOfType(db, caseIds, EVALUATION_REPLIED);
  const evaluations = new Map<string, EvaluationView | null>();
  const versions = new Map<string, number>();
  for (const caseId of caseIds) {
    const kase = await getCase(db, caseId);
    evaluations.set(caseId, kase ? evaluationView(kase, replies) : null);
    if (kase) versions.set(caseId, kase.version);
  }
  const now = services.now().toISOString();
  return tasks.map((task) => ({
    id: task.id,
    caseId: task.caseId,
    caseNumber: task.caseNumber ?? null,
    caseVersion: task.caseId ? versions.get(task.caseId) ?? null : null,
    kind: task.kind,
    title: task.title,
    dueAt: task.dueAt,
    status: task.status,
    isOverdue: isOverdue(task, now),
    createdAt: task.createdAt,
    closedAt: task.closedAt,
    result: task.result,
    remindedAt: task.remindedAt,
    escalatedAt: task.escalatedAt,
    evaluation: task.caseId ? evaluations.get(task.caseId) ?? null : null,
    visits: visits.filter((v) => v.taskId === task.id).map(visitView),
  }));
}

function visitView(visit: VisitView): TaskView['visits'][number] {
  return { id: visit.id, note: visit.note, outcome: visit.outcome, at: visit.at, by: visit.visitedBy, byName: visit.visitorName };
}

/** The platform's tasks, earliest due first; optionally by status or of one case. */
export async function tasksFor(services: Services, actor: Actor, query: { status?: TaskStatus; caseId?: string }): Promise<TaskView[]> {
  const tasks = await listTasks(services.db.knex, { platformId: actor.platformId, ...query });
  return viewsOf(services, tasks);
}

async function visibleTask(services: Services, actor: Actor, taskId: string): Promise<TaskRecord> {
  const task = await getTask(services.db.knex, taskId);
  if (!task || task.platformId !== actor.platformId) throw Failure.notFound('Task', taskId);
  return task;
}

async function viewOne(services: Services, actor: Actor, taskId: string): Promise<TaskView> {
  return (await viewsOf(services, [await visibleTask(services, actor, taskId)]))[0] as TaskView;
}

/** Records a follow-up visit on a task of the actor's platform; one that reached the applicant closes a follow-up task. */
export async function addVisit(services: Services, actor: Actor, taskId: string, input: { note: string; outcome: VisitOutcome }): Promise<TaskView> {
  const task = await visibleTask(services, actor, taskId);
  const note = requiredText(input.note, { path: '/note', code: 'task.visit-note-empty', what: '回访记录' });
  const at = services.now().toISOString();
  await services.db.transaction(async (tx) => {
    await insertVisit(tx, { id: services.newId(), taskId, note, outcome: input.outcome, visitedBy: actor.id, at });
    if (task.kind === FOLLOW_UP_TASK && REACHED.has(input.outcome)) await closeTask(tx, { id: taskId, at, result: note, by: actor.id });
  });
  return viewOne(services, actor, taskId);
}

/** Closes an open task with what was done; a rectification needs a visit first. */
export async function closeTaskAs(services: Services, actor: Actor, taskId: string, input: { result: string }): Promise<TaskView> {
  const task = await visibleTask(services, actor, taskId);
  const result = requiredText(input.result, { path: '/result', code: 'task.result-empty', what: '处理结果' });
  if (task.status !== 'open') throw new Failure('task.already-closed', `Task "${task.title}" is already closed.`);
  if (KINDS_NEEDING_A_VISIT.has(task.kind) && (await listVisits(services.db.knex, [taskId])).length === 0) {
    throw new Failure('task.visit-required', '关闭整改任务前须至少记录一次回访。', [
      { code: 'task.visit-required', path: '/result', message: '请先回访申请人并记录回访情况，再关闭整改任务。' },
    ]);
  }
  if (!(await closeTask(services.db.knex, { id: taskId, at: services.now().toISOString(), result, by: actor.id }))) {
    throw new Failure('task.already-closed', `Task "${task.title}" is already closed.`);
  }
  return viewOne(services, actor, taskId);
}
