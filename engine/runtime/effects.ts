/**
 * Effects run in order; each may carry a `when` rule, asked against the rule context as it
 * stands when that effect's turn comes (an earlier `set` is visible to a later `when`).
 */
import type { Effect } from '../kinds/workflow.js';
import { evaluateRule, readPath } from '../rules/evaluate.js';
import { pauseClock, resolveLimit, resumeClock, startClock, stopClock } from './clocks.js';
import type { Draft } from './draft.js';
import { record } from './draft.js';
import { queueNotice } from './notice.js';
import { buildRuleContext } from './rule-context.js';
import { textOf } from '../text.js';

/** Runs effects against the draft, skipping those whose `when` does not hold. */
export function runEffects(draft: Draft, effects: readonly Effect[] | undefined): void {
  for (const effect of effects ?? []) {
    if (effect.when !== undefined && !evaluateRule(effect.when, buildRuleContext(draft))) continue;
    runEffect(draft, effect);
  }
}

function runEffect(draft: Draft, effect: Effect): void {
  if ('notify' in effect) return queueNotice(draft, effect);
  if ('assign' in effect) return assign(draft, effect.assign);
  if ('set' in effect) return setField(draft, effect.set, effect.from);
  if ('startClock' in effect) {
    return startClock(draft, { name: effect.startClock, limit: resolveLimit(effect.limit, draft.context.bundle) });
  }
  if ('pauseClock' in effect) return pauseClock(draft, effect.pauseClock);
  if ('resumeClock' in effect) return resumeClock(draft, effect.resumeClock);
  if ('stopClock' in effect) return stopClock(draft, effect.stopClock);
  if ('openTask' in effect) return openTask(draft, effect);
  record(draft, 'case.urged', { to: effect.urge });
}

function assign(draft: Draft, who: 'actor' | 'none'): void {
  // A timer acts for nobody, so "assign to the actor" has no one to assign.
  if (who === 'actor' && draft.actorId === null) return;
  if (who === 'actor') draft.case.assigneeId = draft.context.actor.id;
  else delete draft.case.assigneeId;
  record(draft, 'case.assigned', { assigneeId: draft.case.assigneeId ?? null });
}

function setField(draft: Draft, key: string, from: string): void {
  const value = readPath(buildRuleContext(draft), from);
  draft.case.fields[key] = value;
  record(draft, 'field.set', { key, value });
}

function openTask(draft: Draft, effect: Extract<Effect, { openTask: string }>): void {
  const { bundle, calendar, now } = draft.context;
  const task = {
    id: draft.context.newId(),
    kind: effect.openTask,
    title: textOf(effect.title),
    dueAt: calendar.dueAt(now, resolveLimit(effect.limit, bundle)),
    to: effect.to ?? 'assignee',
  };
  draft.task = task;
  draft.outcomes.push({ type: 'task.open', task });
  record(draft, 'task.opened', { taskId: task.id, kind: task.kind, title: task.title, dueAt: task.dueAt, to: task.to });
}
