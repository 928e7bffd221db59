/**
 * The effect types of engine/kinds/workflow.ts (an effect is told apart by the key naming it),
 * each with the smallest valid effect a new one starts as.
 */
import type { Effect } from '../../../../engine/kinds/workflow';

export const effectKinds = ['notify', 'assign', 'set', 'startClock', 'pauseClock', 'resumeClock', 'stopClock', 'openTask', 'urge'] as const;
export type EffectKind = (typeof effectKinds)[number];

/** The type of an effect: the first type key it carries. */
export function kindOf(effect: Effect): EffectKind {
  return effectKinds.find((kind) => kind in effect) ?? 'notify';
}

/** What a new effect of a type starts as; `template` and `clock` are the first the flow offers. */
export function blankEffect(kind: EffectKind, context: { template?: string; clock?: string }): Effect {
  const clock = context.clock ?? 'serviceClock';
  switch (kind) {
    case 'notify':
      return { notify: context.template ?? 'result-notice', to: 'applicant' };
    case 'assign':
      return { assign: 'actor' };
    case 'set':
      return { set: 'result', from: 'command.result' };
    case 'startClock':
      return { startClock: clock, limit: { from: 'item.timeLimit' } };
    case 'pauseClock':
      return { pauseClock: clock };
    case 'resumeClock':
      return { resumeClock: clock };
    case 'stopClock':
      return { stopClock: clock };
    case 'openTask':
      return { openTask: 'followUp', title: '跟进任务', limit: { value: 5, unit: 'workingDay' } };
    case 'urge':
      return { urge: 'supervisor' };
  }
}

/** An effect turned into another type, keeping its condition. */
export function changeKind(effect: Effect, kind: EffectKind, context: { template?: string; clock?: string }): Effect {
  const next = blankEffect(kind, context);
  return effect.when === undefined ? next : ({ ...next, when: effect.when } as Effect);
}

/** Paths in the rule context a `set` effect usually copies from. */
export const setSources = ['command.result', 'command.reason', 'command.note', 'command.level', 'command.comment', 'case.step'];
