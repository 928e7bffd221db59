/**
 * Pure edits of a workflow: steps, actions and automatic branches. Each returns a new
 * workflow; renames carry every reference along (the start, action and branch targets), so a
 * rename never leaves a dangling name for the engine's checks to find.
 */
import type { Action, Branch, Step, Workflow } from '../../../../engine/kinds/workflow.js';

/** The Key pattern of engine/kinds/common.ts (step and action names). */
export const KEY_PATTERN = /^[A-Za-z][A-Za-z0-9_]*$/;

/** `base`, or `base2`, `base3` … — the first not in `taken`. */
export function uniqueKey(base: string, taken: readonly string[]): string {
  const clean = KEY_PATTERN.test(base) ? base : 'step';
  if (!taken.includes(clean)) return clean;
  for (let n = 2; ; n++) if (!taken.includes(`${clean}${n}`)) return `${clean}${n}`;
}

/** Rebuilds a record with one key renamed, keeping the order of the others. */
function renameKey<V>(record: Record<string, V>, from: string, to: string): Record<string, V> {
  return Object.fromEntries(Object.entries(record).map(([k, v]) => [k === from ? to : k, v]));
}

/** Drops optional properties set to undefined (a panel clears a field that way). */
function withPatch<T extends object>(value: T, patch: Partial<T>): T {
  const next: Record<string, unknown> = { ...value, ...patch };
  for (const [key, v] of Object.entries(patch)) if (v === undefined) delete next[key];
  return next as T;
}

export function addStep(workflow: Workflow, key: string, step: Step): Workflow {
  return { ...workflow, steps: { ...workflow.steps, [key]: step } };
}

export function patchStep(workflow: Workflow, key: string, patch: Partial<Step>): Workflow {
  const step = workflow.steps[key];
  return step ? { ...workflow, steps: { ...workflow.steps, [key]: withPatch(step, patch) } } : workflow;
}

/** How many actions and branches of other steps lead to `key` (they go when it goes). */
export function incomingCount(workflow: Workflow, key: string): number {
  return Object.entries(workflow.steps)
    .filter(([name]) => name !== key)
    .reduce((n, [, s]) => n + Object.values(s.actions ?? {}).filter((a) => a.to === key).length + (s.next ?? []).filter((b) => b.to === key).length, 0);
}

/** Removes a step and every action and branch that leads to it. */
export function removeStep(workflow: Workflow, key: string): Workflow {
  const steps: Record<string, Step> = {};
  for (const [name, step] of Object.entries(workflow.steps)) {
    if (name === key) continue;
    const actions = Object.fromEntries(Object.entries(step.actions ?? {}).filter(([, a]) => a.to !== key));
    const next = (step.next ?? []).filter((b) => b.to !== key);
    steps[name] = withPatch(step, {
      actions: step.actions === undefined ? undefined : Object.keys(actions).length > 0 ? actions : undefined,
      next: next.length > 0 ? next : undefined,
    });
  }
  return { ...workflow, steps };
}

/** Renames a step and every reference to it. */
export function renameStep(workflow: Workflow, from: string, to: string): Workflow {
  if (from === to || !workflow.steps[from] || workflow.steps[to]) return workflow;
  const retarget = (name: string) => (name === from ? to : name);
  const steps = Object.fromEntries(
    Object.entries(renameKey(workflow.steps, from, to)).map(([name, step]) => {
      const actions = step.actions && Object.fromEntries(Object.entries(step.actions).map(([k, a]) => [k, { ...a, to: retarget(a.to) }]));
      const next = step.next?.map((b) => ({ ...b, to: retarget(b.to) }));
      return [name, withPatch(step, { ...(actions ? { actions } : {}), ...(next ? { next } : {}) })];
    }),
  );
  return { ...workflow, start: retarget(workflow.start), steps };
}

/** Adds an action from one step to another; returns the workflow and the new action's name. */
export function addAction(workflow: Workflow, from: string, to: string, title: string): { workflow: Workflow; name: string } {
  const step = workflow.steps[from];
  if (!step) return { workflow, name: '' };
  const taken = Object.keys(step.actions ?? {});
  const base = `to${to.charAt(0).toUpperCase()}${to.slice(1)}`;
  const name = uniqueKey(base.length <= 64 ? base : 'action', taken);
  const action: Action = { title, to, roles: ['staff'] };
  return { workflow: patchStep(workflow, from, { actions: { ...(step.actions ?? {}), [name]: action } }), name };
}

export function patchAction(workflow: Workflow, step: string, name: string, patch: Partial<Action>): Workflow {
  const action = workflow.steps[step]?.actions?.[name];
  if (!action) return workflow;
  return patchStep(workflow, step, { actions: { ...workflow.steps[step]!.actions, [name]: withPatch(action, patch) } });
}

export function renameAction(workflow: Workflow, step: string, from: string, to: string): Workflow {
  const actions = workflow.steps[step]?.actions;
  if (!actions || from === to || !actions[from] || actions[to]) return workflow;
  return patchStep(workflow, step, { actions: renameKey(actions, from, to) });
}

export function removeAction(workflow: Workflow, step: string, name: string): Workflow {
  const actions = { ...(workflow.steps[step]?.actions ?? {}) };
  delete actions[name];
  return patchStep(workflow, step, { actions: Object.keys(actions).length > 0 ? actions : undefined });
}

export function addBranch(workflow: Workflow, step: string, to: string): Workflow {
  const next = [...(workflow.steps[step]?.next ?? []), { to }];
  return patchStep(workflow, step, { next });
}

export function patchBranch(workflow: Workflow, step: string, index: number, patch: Partial<Branch>): Workflow {
  const next = (workflow.steps[step]?.next ?? []).map((b, i) => (i === index ? withPatch(b, patch) : b));
  return patchStep(workflow, step, { next });
}

export function removeBranch(workflow: Workflow, step: string, index: number): Workflow {
  const next = (workflow.steps[step]?.next ?? []).filter((_, i) => i !== index);
  return patchStep(workflow, step, { next: next.length > 0 ? next : undefined });
}

/** Moves a branch one place earlier or later: the first branch whose rule holds wins. */
export function moveBranch(workflow: Workflow, step: string, index: number, by: -1 | 1): Workflow {
  const next = [...(workflow.steps[step]?.next ?? [])];
  const to = index + by;
  if (to < 0 || to >= next.length) return workflow;
  [next[index], next[to]] = [next[to]!, next[index]!];
  return patchStep(workflow, step, { next });
}
