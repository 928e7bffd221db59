/**
 * A due timer: the clock's warning (clock.warned + the step's onWarn) or its overdue moment
 * (case.overdue 示警 + the step's onOverdue, typically a notice and an urge 催告). A timer that no
 * longer matches its clock — stopped, paused, moved by a resume, or already fired — is ignored,
 * so the worker may fire a timer twice without harm.
 */
import type { Case, Clock } from './case.js';
import { stepOfClock } from './clocks.js';
import type { DecideContext, Decision, TimerCommand, TimerSpec } from './decision.js';
import { createDraft, record } from './draft.js';
import { runEffects } from './effects.js';
import { finish } from './act.js';
import { stepOf } from './transition.js';

/** Decides a timer command; a stale timer gives ok with no events and the case unchanged. */
export function decideTimer(caseState: Case, command: TimerCommand, context: DecideContext): Decision {
  const { timer } = command;
  const clock = caseState.clocks[timer.clock];
  if (caseState.status !== 'open' || clock === undefined || !isCurrent(clock, timer)) {
    return { ok: true, case: structuredClone(caseState), events: [], outcomes: [] };
  }
  const draft = createDraft({ caseState, context, actorId: null });
  const own = draft.case.clocks[timer.clock] as Clock;
  // Only a step's own clock runs that step's handlers; a named clock (e.g. "item") only records the fact.
  const step = stepOfClock(timer.clock) === draft.case.step ? stepOf(draft, draft.case.step) : undefined;
  if (timer.kind === 'warn') {
    own.warnedAt = context.now;
    record(draft, 'clock.warned', { clock: timer.clock, dueAt: own.dueAt });
    runEffects(draft, step?.onWarn);
  } else {
    own.overdueAt = context.now;
    record(draft, 'case.overdue', { clock: timer.clock, dueAt: own.dueAt });
    runEffects(draft, step?.onOverdue);
  }
  return finish(draft);
}

function isCurrent(clock: Clock, timer: TimerSpec): boolean {
  if (clock.status !== 'running') return false;
  if (timer.kind === 'warn') return clock.warnedAt === undefined && clock.warnAt !== undefined && sameInstant(clock.warnAt, timer.dueAt);
  return clock.overdueAt === undefined && sameInstant(clock.dueAt, timer.dueAt);
}

function sameInstant(a: string, b: string): boolean {
  return Date.parse(a) === Date.parse(b);
}
