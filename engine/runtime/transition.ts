/**
 * Moving a case between steps: leave the old step (stop its clock), arrive in the new one
 * (record the visit, start its clock, or end the case on a final step), run the action's or
 * branch's effects and the step's onEnter, then follow the first `next` branch that holds.
 */
import type { Effect, Step } from '../kinds/workflow.js';
import { EngineError, pointer } from '../problem.js';
import { evaluateRule } from '../rules/evaluate.js';
import { resolveLimit, startClock, stepClockName, stopAllClocks, stopClock } from './clocks.js';
import type { Draft } from './draft.js';
import { record } from './draft.js';
import { runEffects } from './effects.js';
import { buildRuleContext } from './rule-context.js';

/** Automatic moves one decision may take before the workflow is deemed to loop. */
export const MAX_HOPS = 20;

/** The named step of the draft's workflow; a missing one is a broken bundle. */
export function stepOf(draft: Draft, name: string): Step {
  const workflow = draft.context.bundle.workflow;
  const step = workflow.steps[name];
  if (step === undefined) {
    const message = `Workflow "${workflow.id}" has no step "${name}".`;
    throw new EngineError('workflow.step-unknown', message, [{ code: 'workflow.step-unknown', path: pointer('steps', name), message }]);
  }
  return step;
}

/** Leaves the current step and enters `to`, running `effects` (the action's or branch's) on the way. */
export function transition(draft: Draft, args: { to: string; effects?: readonly Effect[] }): void {
  stopClock(draft, stepClockName(draft.case.step));
  enterStep(draft, args);
}

/**
 * Enters a step: the case is in it (and any step clock runs) before effects run, so a receipt
 * rendered by the action already shows the step and its due date.
 */
export function enterStep(draft: Draft, args: { to: string; effects?: readonly Effect[] }): void {
  const step = stepOf(draft, args.to);
  arrive(draft, args.to, step);
  runEffects(draft, args.effects);
  runEffects(draft, step.onEnter);
  if (draft.case.status === 'open') followNext(draft, step);
}

function arrive(draft: Draft, name: string, step: Step): void {
  const c = draft.case;
  const now = draft.context.now;
  c.step = name;
  c.visits ??= {};
  const visit = c.visits[name];
  c.visits[name] = visit === undefined ? { count: 1, firstAt: now, lastAt: now } : { ...visit, count: visit.count + 1, lastAt: now };
  if (step.isFinal === true) {
    c.status = step.outcome ?? 'completed';
    stopAllClocks(draft);
    record(draft, 'case.closed', { step: name, status: c.status });
    return;
  }
  if (step.limit !== undefined) {
    startClock(draft, {
      name: stepClockName(name),
      limit: resolveLimit(step.limit, draft.context.bundle),
      ...(step.warnAt === undefined ? {} : { warnShare: step.warnAt }),
    });
  }
}

function followNext(draft: Draft, step: Step): void {
  const branch = step.next?.find((b) => b.when === undefined || evaluateRule(b.when, buildRuleContext(draft)));
  if (branch === undefined) return;
  draft.hops += 1;
  if (draft.hops > MAX_HOPS) {
    const workflow = draft.context.bundle.workflow;
    const message = `Workflow "${workflow.id}" moved automatically more than ${MAX_HOPS} times from step "${draft.case.step}" without stopping: check the "next" rules for a loop.`;
    throw new EngineError('workflow.loop', message, [{ code: 'workflow.loop', path: pointer('steps', draft.case.step, 'next'), message }]);
  }
  record(draft, 'case.moved', { from: draft.case.step, to: branch.to });
  transition(draft, { to: branch.to, ...(branch.effects === undefined ? {} : { effects: branch.effects }) });
}
