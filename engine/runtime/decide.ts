/**
 * The engine's one entry for cases: given a case (or none), a command and a context, decide
 * what happens. Pure: time, ids, the calendar and the definitions come in through the context;
 * the result is the next case plus events (facts for the timeline) and outcomes (work for the
 * runner), or the problems that refused the command. The input case is never mutated.
 *
 * Semantics worth knowing (each explained where it is implemented):
 * - An action runs in this order: guards (open, known, role, required payload), files / data /
 *   verdicts recorded, then its `when` is asked — so a verdict given with "accept" counts.
 * - Moving: the old step's clock stops; the case arrives in the target (visit counted, its
 *   clock started, or the case ended on a final step); then the action's or branch's effects,
 *   then the step's onEnter, then the first `next` branch that holds. Effects therefore see
 *   the case in its target step, so a receipt already shows the new due date.
 * - An action whose `to` is the current step (a progress node) runs only its effects.
 * - `case.returns` = entries into the current step beyond the first (Case.visits).
 * - A step's own clock is `step:<name>`; its timers run the step's onWarn / onOverdue. Named
 *   clocks (startClock effects) only record clock.warned / case.overdue.
 * - A timer that does not match its clock (stopped, paused, moved, already fired) is ignored.
 * - A broken bundle or a date beyond the calendar's data comes back as problems, not a throw.
 */
import { EngineError } from '../problem.js';
import { decideAct } from './act.js';
import type { Case } from './case.js';
import { decideCreate, pinsOf } from './create.js';
import { decideAssign } from './reassign.js';
import type { Command, DecideContext, Decision } from './decision.js';
import { decideTimer } from './timer.js';

/**
 * Decides a command.
 *
 * @example
 * const created = decide(undefined, { type: 'create', caseId: 'c1', number: 'SC2026-0001', data, files, action: 'submit' }, context);
 * if (created.ok) {
 *   const accepted = decide(created.case, { type: 'act', action: 'accept', payload: {} }, { ...context, actor: staff });
 * }
 */
export function decide(caseState: Case | undefined, command: Command, context: DecideContext): Decision {
  try {
    if (command.type === 'create') {
      if (caseState !== undefined) {
        return refuse('case.exists', `Case ${caseState.number} already exists: send an "act" command to change it.`);
      }
      return decideCreate(command, context);
    }
    if (caseState === undefined) return refuse('case.not-found', `A "${command.type}" command needs the case it acts on.`);
    const mismatch = pinMismatch(caseState, context);
    if (mismatch !== undefined) return refuse('case.bundle-mismatch', mismatch);
    if (command.type === 'assign') return decideAssign(caseState, command, context);
    return command.type === 'act' ? decideAct(caseState, command, context) : decideTimer(caseState, command, context);
  } catch (error) {
    // A broken bundle or a date past the calendar's data is refused with its problems, not thrown at the caller.
    if (error instanceof EngineError) {
      return { ok: false, problems: error.problems.length > 0 ? error.problems : [{ code: error.code, path: '', message: error.message }] };
    }
    throw error;
  }
}

/** A case runs only on the versions it pinned; another bundle would silently change its rules. */
function pinMismatch(caseState: Case, context: DecideContext): string | undefined {
  const pinned = caseState.pins;
  const given = pinsOf(context.bundle);
  for (const part of ['item', 'form', 'checklist', 'workflow'] as const) {
    const [want, got] = [pinned[part], given[part]];
    if (want.id !== got.id || want.version !== got.version) {
      return `Case ${caseState.number} is pinned to ${part} "${want.id}" v${want.version} but was given "${got.id}" v${got.version}: resolve the bundle from the case's pins.`;
    }
  }
  return undefined;
}

function refuse(code: string, message: string): Decision {
  return { ok: false, problems: [{ code, path: '', message }] };
}
