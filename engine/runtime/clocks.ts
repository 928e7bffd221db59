/**
 * Clocks: time limits that run on a case (a step's limit, the item's promised limit) and the
 * timers they ask the runner to schedule. A timer carries the instant it was scheduled for, so
 * a timer made stale by a pause or a restart no longer matches its clock and is ignored.
 */
import type { WorkingCalendar } from '../calendar/working-calendar.js';
import type { Limit } from '../kinds/common.js';
import type { LimitSource } from '../kinds/workflow.js';
import type { Bundle } from './bundle.js';
import type { Case, Clock } from './case.js';
import type { Draft } from './draft.js';
import { record } from './draft.js';

const STEP_CLOCK_PREFIX = 'step:';

/** The earliest due date among the case's running clocks: what inboxes sort and warn on. */
export function nextDueAt(kase: Case): string | null {
  const due = Object.values(kase.clocks)
    .filter((clock) => clock.status === 'running')
    .map((clock) => clock.dueAt)
    .sort();
  return due[0] ?? null;
}

/**
 * When the earliest warning among the case's running clocks falls: a clock's `warnAt`, or its
 * `dueAt` when it has no warning (such a clock is never "due soon", only overdue).
 */
export function nextWarnAt(kase: Case): string | null {
  const warn = Object.values(kase.clocks)
    .filter((clock) => clock.status === 'running')
    .map((clock) => clock.warnAt ?? clock.dueAt)
    .sort();
  return warn[0] ?? null;
}

/** How the case's time limits stand at `now`: overdue, due soon (a warning time passed), ok, or null without a running clock. */
export function dueStateOf(kase: Case, now: string): 'ok' | 'dueSoon' | 'overdue' | null {
  const due = nextDueAt(kase);
  if (due === null) return null;
  const at = Date.parse(now);
  if (Date.parse(due) <= at) return 'overdue';
  const warn = nextWarnAt(kase);
  return warn !== null && Date.parse(warn) <= at ? 'dueSoon' : 'ok';
}

/** The name of a step's own clock: `step:<stepName>`. */
export function stepClockName(step: string): string {
  return `${STEP_CLOCK_PREFIX}${step}`;
}

/** The step a clock belongs to, for step clocks; undefined for named clocks. */
export function stepOfClock(name: string): string | undefined {
  return name.startsWith(STEP_CLOCK_PREFIX) ? name.slice(STEP_CLOCK_PREFIX.length) : undefined;
}

/** A limit given inline, or taken from the item (承诺时限) or the platform (整改时限). */
export function resolveLimit(source: LimitSource, bundle: Bundle): Limit {
  if (!('from' in source)) return source;
  return source.from === 'item.timeLimit' ? bundle.item.timeLimit : bundle.platform.settings.rectification;
}

/** Starts (or restarts) a clock now and schedules its warning and overdue timers. */
export function startClock(draft: Draft, args: { name: string; limit: Limit; warnShare?: number }): void {
  const { calendar, now } = draft.context;
  if (isLive(draft.case.clocks[args.name])) draft.outcomes.push({ type: 'timer.cancel', clock: args.name });
  const dueAt = calendar.dueAt(now, args.limit);
  const clock: Clock = { limit: args.limit, startedAt: now, dueAt, status: 'running' };
  if (args.warnShare !== undefined) clock.warnAt = warnInstant({ calendar, start: now, dueAt, limit: args.limit, share: args.warnShare });
  draft.case.clocks[args.name] = clock;
  record(draft, 'clock.started', { clock: args.name, dueAt, ...(clock.warnAt === undefined ? {} : { warnAt: clock.warnAt }) });
  scheduleTimers(draft, args.name, clock);
}

/** Pauses a running clock (e.g. while the applicant supplements); its timers are cancelled. */
export function pauseClock(draft: Draft, name: string): void {
  const clock = draft.case.clocks[name];
  if (clock?.status !== 'running') return;
  clock.status = 'paused';
  clock.pausedAt = draft.context.now;
  draft.outcomes.push({ type: 'timer.cancel', clock: name });
  record(draft, 'clock.paused', { clock: name });
}

/**
 * Resumes a paused clock: its due (and warning) instant moves by the working days paused for a
 * working-day limit, by the time paused otherwise; the timers not yet fired are scheduled again.
 */
export function resumeClock(draft: Draft, name: string): void {
  const clock = draft.case.clocks[name];
  if (clock?.status !== 'paused' || clock.pausedAt === undefined) return;
  const { limit, pausedAt } = clock;
  const move = (instant: string) => shiftInstant({ calendar: draft.context.calendar, instant, limit, from: pausedAt, to: draft.context.now });
  clock.dueAt = move(clock.dueAt);
  if (clock.warnAt !== undefined) clock.warnAt = move(clock.warnAt);
  clock.status = 'running';
  delete clock.pausedAt;
  record(draft, 'clock.resumed', { clock: name, dueAt: clock.dueAt });
  scheduleTimers(draft, name, clock);
}

/** Stops a running or paused clock for good; its timers are cancelled. */
export function stopClock(draft: Draft, name: string): void {
  const clock = draft.case.clocks[name];
  if (!isLive(clock)) return;
  clock.status = 'stopped';
  delete clock.pausedAt;
  draft.outcomes.push({ type: 'timer.cancel', clock: name });
  record(draft, 'clock.stopped', { clock: name });
}

/** Stops every clock still running or paused (the case ended). */
export function stopAllClocks(draft: Draft): void {
  for (const name of Object.keys(draft.case.clocks)) stopClock(draft, name);
}

function isLive(clock: Clock | undefined): clock is Clock {
  return clock?.status === 'running' || clock?.status === 'paused';
}

function scheduleTimers(draft: Draft, name: string, clock: Clock): void {
  if (clock.warnAt !== undefined && clock.warnedAt === undefined) {
    draft.outcomes.push({ type: 'timer.schedule', timer: { kind: 'warn', clock: name, dueAt: clock.warnAt } });
  }
  if (clock.overdueAt === undefined) {
    draft.outcomes.push({ type: 'timer.schedule', timer: { kind: 'overdue', clock: name, dueAt: clock.dueAt } });
  }
}

/**
 * When `share` of a limit has passed. For working days it counts whole working days (the end of
 * the floor(share × value)-th one) so a warning never lands on a holiday; when that is zero days,
 * or for other units, it interpolates between start and due.
 */
export function warnInstant(args: { calendar: WorkingCalendar; start: string; dueAt: string; limit: Limit; share: number }): string {
  const { calendar, start, dueAt, limit, share } = args;
  const days = Math.floor(limit.value * share);
  if (limit.unit === 'workingDay' && days >= 1) return calendar.dueAt(start, { value: days, unit: 'workingDay' });
  const from = Date.parse(start);
  return new Date(from + (Date.parse(dueAt) - from) * share).toISOString();
}

function shiftInstant(args: { calendar: WorkingCalendar; instant: string; limit: Limit; from: string; to: string }): string {
  const { calendar, instant, limit, from, to } = args;
  if (limit.unit === 'workingDay') {
    const pausedDays = calendar.workingDaysBetween(calendar.dateOf(from), calendar.dateOf(to));
    return pausedDays <= 0 ? instant : calendar.dueAt(instant, { value: pausedDays, unit: 'workingDay' });
  }
  const pausedMs = Math.max(0, Date.parse(to) - Date.parse(from));
  return new Date(Date.parse(instant) + pausedMs).toISOString();
}
