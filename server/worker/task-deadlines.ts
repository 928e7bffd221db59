/**
 * Reminders (催办) and escalation (督办) of tasks with a due date, e.g. the rectification of a
 * bad review: each worker pass reminds the open tasks whose platform rule says their reminder
 * is due (working days before the due date, on the platform's calendar) and escalates those
 * still open at their due time. Each is sent once: the task is marked by a conditional UPDATE in
 * the transaction that queues its notices, so a second worker (or pass) finds it marked.
 */
import type { Knex } from 'knex';
import type { Platform } from '../../engine/kinds/platform.js';
import { remindDueBy, taskDeadlineRule, type TaskDeadlineRule } from '../../engine/runtime/task-deadlines.js';
import type { WorkingCalendar } from '../../engine/calendar/working-calendar.js';
import { getCase } from '../../storage/cases.js';
import { getPlatform } from '../../storage/platforms.js';
import { markTask, unmarkedGroups, unmarkedTasks, type DeadlineMark, type TaskRecord } from '../../storage/tasks.js';
import { listUsers, type UserRecord } from '../../storage/users.js';
import { calendarFor, platformDefinition } from '../operations/bundles.js';
import { queueInAppNotice } from '../operations/direct-notice.js';
import type { Services } from '../services.js';

const BATCH = 50;

export interface DeadlineReport {
  reminded: number;
  escalated: number;
}

interface PlatformRule {
  rule: TaskDeadlineRule;
  calendar: WorkingCalendar;
}

/** One pass: remind what is due for a reminder, then escalate what is past due. Tests call it with a simulated clock. */
export async function runTaskDeadlines(services: Services): Promise<DeadlineReport> {
  const now = services.now().toISOString();
  const reminded = await forEachDue(services, { mark: 'reminded', now }, (task, rule) => remind(services, task, { now, calendar: rule.calendar }));
  const escalated = await forEachDue(services, { mark: 'escalated', now }, (task, rule) => escalate(services, task, { now, calendar: rule.calendar }));
  return { reminded, escalated };
}

/**
 * Asks storage which platforms and kinds have unmarked open tasks, works out each one's due
 * window from its platform's rule, and hands every task in it to `send`; counts those sent.
 */
async function forEachDue(
  services: Services,
  pass: { mark: DeadlineMark; now: string },
  send: (task: TaskRecord, rule: PlatformRule) => Promise<boolean>,
): Promise<number> {
  const db = services.db.knex;
  const window = pass.mark === 'reminded' ? { dueAfter: pass.now } : { dueBy: pass.now };
  let sent = 0;
  for (const group of await unmarkedGroups(db, pass.mark, window)) {
    try {
      const found = await ruleOf(services, group.platformId, group.kind);
      const dueBy = found && dueByOf(found, pass);
      if (!found || dueBy === undefined || Date.parse(group.earliestDueAt) > Date.parse(dueBy)) continue;
      const tasks = await unmarkedTasks(db, { mark: pass.mark, platformId: group.platformId, kind: group.kind, ...window, dueBy, limit: BATCH });
      for (const task of tasks) if (await send(task, found)) sent++;
    } catch (error) {
      // A platform whose definition or calendar fails must not stop the others; the next pass retries.
      console.error(`task ${pass.mark} of ${group.platformId}/${group.kind}:`, (error as Error).message);
    }
  }
  return sent;
}

function dueByOf(found: PlatformRule, pass: { mark: DeadlineMark; now: string }): string | undefined {
  if (pass.mark === 'escalated') return found.rule.escalate ? pass.now : undefined;
  return remindDueBy(found.calendar, pass.now, found.rule.remindBefore);
}

async function ruleOf(services: Services, platformId: string, kind: string): Promise<PlatformRule | undefined> {
  const platform: Platform = await platformDefinition(services, platformId);
  const rule = taskDeadlineRule(platform, kind);
  return rule ? { rule, calendar: calendarFor(services, platform) } : undefined;
}

/** Sends the reminder to the users of the task's assignee role, if no one did. */
function remind(services: Services, task: TaskRecord, at: { now: string; calendar: WorkingCalendar }): Promise<boolean> {
  return services.db.transaction(async (tx) => {
    if (!(await markTask(tx, { id: task.id, mark: 'reminded', at: at.now }))) return false;
    const what = describe(task);
    const due = at.calendar.dateOf(task.dueAt as string);
    for (const user of await assigneesOf(tx, task)) {
      await queueInAppNotice(services, tx, {
        platformId: task.platformId,
        caseId: task.caseId,
        recipientUserId: user.id,
        noticeId: `${task.id}:reminded`,
        purpose: 'task-reminder',
        subject: `催办：${what}将于 ${due} 到期`,
        body: `${what}将于 ${due} 到期，尚未关闭。请在期限内办理并记录回访。`,
        at: at.now,
      });
    }
    return true;
  });
}

/** Escalates the task to its platform's admins and the admins of the parent platform, if no one did. */
function escalate(services: Services, task: TaskRecord, at: { now: string; calendar: WorkingCalendar }): Promise<boolean> {
  return services.db.transaction(async (tx) => {
    if (!(await markTask(tx, { id: task.id, mark: 'escalated', at: at.now }))) return false;
    const platform = await getPlatform(tx, task.platformId);
    const what = describe(task);
    const due = at.calendar.dateOf(task.dueAt as string);
    const own = adminsOf(await listUsers(tx, { platformId: task.platformId }));
    const parent = platform?.parentId ? adminsOf(await listUsers(tx, { platformId: platform.parentId })) : [];
    for (const user of [...own, ...parent]) {
      const isOwn = user.platformId === task.platformId;
      await queueInAppNotice(services, tx, {
        platformId: user.platformId,
        // The parent platform's admins get the facts, not a link into a case they may not open.
        caseId: isOwn ? task.caseId : null,
        recipientUserId: user.id,
        noticeId: `${task.id}:escalated`,
        purpose: 'task-escalation',
        subject: `督办：${isOwn ? '' : `${platform?.title ?? task.platformId}的`}${what}已逾期`,
        body: `${isOwn ? '' : `${platform?.title ?? task.platformId}：`}${what}已于 ${due} 到期，仍未关闭，已转督办。请督促整改并回访。`,
        at: at.now,
      });
    }
    return true;
  });
}

/** "差评整改（办件 …）" */
function describe(task: TaskRecord): string {
  return task.caseNumber ? `${task.title}（办件 ${task.caseNumber}）` : task.title;
}

function adminsOf(users: UserRecord[]): UserRecord[] {
  return users.filter((user) => user.roles.includes('platform-admin') || user.roles.includes('province-admin'));
}

/**
 * Who a task's reminder goes to: its assignee role on its platform. `supervisor` means the
 * platform admins; `assignee` the case's assigned staff member, or all staff when none is.
 */
async function assigneesOf(tx: Knex.Transaction, task: TaskRecord): Promise<UserRecord[]> {
  const users = await listUsers(tx, { platformId: task.platformId });
  const staff = users.filter((user) => user.roles.includes('staff'));
  if (task.assigneeRole === 'supervisor') return users.filter((user) => user.roles.includes('platform-admin'));
  if (task.assigneeRole !== 'assignee' || task.caseId === null) return staff;
  const assigneeId = (await getCase(tx, task.caseId))?.assigneeId;
  const assignee = users.find((user) => user.id === assigneeId);
  return assignee ? [assignee] : staff;
}
