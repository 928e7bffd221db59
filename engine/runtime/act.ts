/**
 * Taking an action: check it may be taken, record what it carries (files, data, verdicts, an
 * evaluation), check its condition against the result, then run its effects and move the case.
 */
import type { Action } from '../kinds/workflow.js';
import type { Problem } from '../problem.js';
import { evaluateRule } from '../rules/evaluate.js';
import { checkCommandShape, findAction } from './action-guards.js';
import type { Case } from './case.js';
import type { ActCommand, CaseEvent, DecideContext, Decision } from './decision.js';
import type { Draft } from './draft.js';
import { createDraft, record } from './draft.js';
import { runEffects } from './effects.js';
import { checkEvaluation, checkNotYetEvaluated, recordEvaluation } from './evaluation.js';
import { checkedFormData, flagConfirmedData } from './form-data.js';
import { recordVerdicts, supplyFiles } from './materials.js';
import { buildRuleContext } from './rule-context.js';
import { textOf } from '../text.js';
import { stepOf, transition } from './transition.js';

/** Decides an act command on an existing case. */
export function decideAct(caseState: Case, command: ActCommand, context: DecideContext): Decision {
  const draft = createDraft({ caseState, context, payload: command.payload ?? {}, actorId: context.actor.id });
  const problems = applyAction(draft, command);
  return problems.length > 0 ? { ok: false, problems } : finish(draft);
}

/** The decision for a draft that went through: the case stamped with the decision's instant. */
export function finish(draft: Draft): Decision {
  draft.case.updatedAt = draft.context.now;
  return { ok: true, case: draft.case, events: draft.events, outcomes: draft.outcomes };
}

/**
 * Takes an action on the draft; returns the problems that stop it (the draft is then to be
 * discarded). An action whose `to` is the current step stays in it (a progress node 进度节点):
 * no leave or enter, the step clock keeps running, onEnter is not run again.
 */
export function applyAction(draft: Draft, command: ActCommand): Problem[] {
  const from = draft.case.step;
  const lookup = findAction({ caseState: draft.case, step: stepOf(draft, from), actor: draft.context.actor, name: command.action });
  if (!lookup.ok) return lookup.problems;
  const action = lookup.action;
  const payload = command.payload ?? {};
  draft.payload = structuredClone(payload);

  const mark = draft.events.length;
  const problems = [...checkCommandShape(action, command), ...(action.isEvaluation === true ? evaluationProblems(draft, action, payload) : [])];
  let confirmable: Problem[] = [];
  if (command.data !== undefined) {
    const confirmations = command.confirmations ? { confirmations: command.confirmations } : {};
    const checked = checkedFormData({ form: draft.context.bundle.form, data: command.data, now: draft.context.now, ...confirmations });
    problems.push(...checked.problems);
    confirmable = checked.confirmable;
  }
  if (problems.length > 0) return problems;
  const supplied = recordSupplies(draft, command, confirmable);
  if (supplied.length > 0) return supplied;
  if (action.when !== undefined && !evaluateRule(action.when, buildRuleContext(draft))) return [conditionFailed(command.action, action)];

  draft.events.splice(mark, 0, actedEvent(draft, { action: command.action, from, to: action.to, payload }));
  if (action.isEvaluation === true) recordEvaluation(draft, payload, action);
  if (action.to === from) runEffects(draft, action.effects);
  else transition(draft, { to: action.to, ...(action.effects === undefined ? {} : { effects: action.effects }) });
  return [];
}

/** Stores the command's data (its soft rejects `confirmable`, found when it was checked), files and verdicts. */
function recordSupplies(draft: Draft, command: ActCommand, confirmable: readonly Problem[]): Problem[] {
  if (command.data !== undefined) {
    draft.case.data = structuredClone(command.data);
    record(draft, 'form.updated', {});
    flagConfirmedData(draft, confirmable);
  }
  return [
    ...(command.files === undefined ? [] : supplyFiles(draft, command.files)),
    ...(command.verdicts === undefined ? [] : recordVerdicts(draft, command.verdicts)),
  ];
}

/** An evaluation once per step (the one already given says so first), then its payload. */
function evaluationProblems(draft: Draft, action: Action, payload: Record<string, unknown>): Problem[] {
  const given = checkNotYetEvaluated(draft);
  return given.length > 0 ? given : checkEvaluation(payload, action);
}

function conditionFailed(name: string, action: Action): Problem {
  const message = textOf(action.whenMessage) || `当前不满足“${textOf(action.title) || name}”的条件。`;
  return { code: 'case.condition-failed', path: '/action', message };
}

function actedEvent(draft: Draft, data: { action: string; from: string; to: string; payload: Record<string, unknown> }): CaseEvent {
  // Files travel in their own command field; a stray `files` key in the payload stays off the timeline.
  const { files: _files, ...payload } = data.payload;
  return { type: 'case.acted', at: draft.context.now, actorId: draft.actorId, data: { ...data, payload } };
}
