/**
 * When a task with a due date is reminded (催办) and escalated (督办), from the platform's
 * settings and on its working-day calendar. Pure: the worker asks, storage answers.
 */
import type { WorkingCalendar } from '../calendar/working-calendar.js';
import type { Platform } from '../kinds/platform.js';

/** The task kinds the standard workflow opens: a bad review's rectification and a sampled follow-up visit. */
export const RECTIFICATION_TASK = 'rectification';
export const FOLLOW_UP_TASK = 'followUp';

export interface TaskDeadlineRule {
  /** Working days before the due date when the reminder goes; 0: none. */
  remindBefore: number;
  /** Whether a missed due date escalates. */
  escalate: boolean;
}

const DEFAULTS: Readonly<Record<string, TaskDeadlineRule>> = {
  [RECTIFICATION_TASK]: { remindBefore: 3, escalate: true },
  [FOLLOW_UP_TASK]: { remindBefore: 1, escalate: true },
};

/**
 * The reminder and escalation rule of a task kind on the platform; undefined for kinds the
 * platform settings do not cover (such a task is neither reminded nor escalated).
 */
export function taskDeadlineRule(platform: Platform, kind: string): TaskDeadlineRule | undefined {
  const defaults = DEFAULTS[kind];
  if (defaults === undefined) return undefined;
  const set = kind === RECTIFICATION_TASK ? platform.settings.rectification : platform.settings.followUp;
  return { remindBefore: set?.remindBefore ?? defaults.remindBefore, escalate: set?.escalate ?? defaults.escalate };
}

/** The task kinds that have a rule: what the worker looks at. */
export const KINDS_WITH_DEADLINE_RULES: readonly string[] = Object.keys(DEFAULTS);

/**
 * The latest due date whose reminder is due at `now`: the end of the `remindBefore`-th working
 * day after today. A task due by then has at most that many working days left after today, so
 * it is reminded during the working day that leaves exactly `remindBefore` (or on the first
 * pass after, if the worker was down). Undefined when the rule sends no reminder.
 *
 * @example remindDueBy(calendar, '2026-10-20T02:00:00Z', 3) // '2026-10-23T15:59:59.999Z' (Fri)
 */
export function remindDueBy(calendar: WorkingCalendar, now: string, remindBefore: number): string | undefined {
  if (remindBefore <= 0) return undefined;
  return calendar.dueAt(now, { value: remindBefore, unit: 'workingDay' });
}
