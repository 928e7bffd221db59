/**
 * Where effects and rules sit inside a workflow, with JSON Pointer tokens, so every check
 * that looks at them (templates, clocks, rule variables) walks the same places.
 */
import type { RuleValue } from '../kinds/common.js';
import type { Effect, Step, Workflow } from '../kinds/workflow.js';

/** JSON Pointer tokens, unescaped (`['steps', 'review', 'actions']`). */
export type Tokens = Array<string | number>;

/** An effect and where it sits. */
export interface LocatedEffect {
  effect: Effect;
  at: Tokens;
}

/** A rule (action, branch or effect condition) and where it sits. */
export interface LocatedRule {
  rule: RuleValue;
  at: Tokens;
}

function stepEffects(name: string, step: Step): LocatedEffect[] {
  const base: Tokens = ['steps', name];
  const lists: Array<[Effect[] | undefined, Tokens]> = [
    [step.onEnter, [...base, 'onEnter']],
    [step.onWarn, [...base, 'onWarn']],
    [step.onOverdue, [...base, 'onOverdue']],
    ...(step.next ?? []).map((branch, i): [Effect[] | undefined, Tokens] => [branch.effects, [...base, 'next', i, 'effects']]),
    ...Object.entries(step.actions ?? {}).map(([action, a]): [Effect[] | undefined, Tokens] => [a.effects, [...base, 'actions', action, 'effects']]),
  ];
  return lists.flatMap(([effects, at]) => (effects ?? []).map((effect, i) => ({ effect, at: [...at, i] })));
}

/** Every effect of the workflow: on enter, warn, overdue, on branches and on actions. */
export function workflowEffects(workflow: Workflow): LocatedEffect[] {
  return Object.entries(workflow.steps).flatMap(([name, step]) => stepEffects(name, step));
}

/** Every rule of the workflow: action and branch conditions and effect conditions. */
export function workflowRules(workflow: Workflow): LocatedRule[] {
  const rules: LocatedRule[] = [];
  for (const [name, step] of Object.entries(workflow.steps)) {
    for (const [action, a] of Object.entries(step.actions ?? {})) {
      if (a.when !== undefined) rules.push({ rule: a.when, at: ['steps', name, 'actions', action, 'when'] });
    }
    (step.next ?? []).forEach((branch, i) => {
      if (branch.when !== undefined) rules.push({ rule: branch.when, at: ['steps', name, 'next', i, 'when'] });
    });
  }
  for (const { effect, at } of workflowEffects(workflow)) {
    if (effect.when !== undefined) rules.push({ rule: effect.when, at: [...at, 'when'] });
  }
  return rules;
}

/** The template ids the workflow's notify effects name, each once. */
export function notifiedTemplates(workflow: Workflow): string[] {
  const ids = workflowEffects(workflow).flatMap(({ effect }) => ('notify' in effect ? [effect.notify] : []));
  return [...new Set(ids)];
}
