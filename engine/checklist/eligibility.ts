/**
 * Acceptance conditions (受理条件) of an item as rules over the form data: which apply (their
 * `when` holds, or they have none) and which of those are unmet. Unmet ones are listed in the
 * one-time notice beside the missing materials and read by workflow rules as `eligibility.*`.
 */
import type { EligibilityCondition } from '../kinds/service-item.js';
import { evaluateRule } from '../rules/evaluate.js';
import { textOf } from '../text.js';

export interface EligibilityLine {
  key: string;
  title: string;
}

export interface EligibilityState {
  /** Conditions that apply to this form data and hold. */
  met: EligibilityLine[];
  /** Conditions that apply and do not hold, in the item's order. */
  unmet: EligibilityLine[];
}

/**
 * Judges an item's conditions against form data.
 *
 * @example
 * evaluateEligibility([{ key: 'staff', title: '工作人员不少于 3 名', rule: { '>=': [{ var: 'form.staff' }, 3] } }], { staff: 2 });
 * // { met: [], unmet: [{ key: 'staff', title: '工作人员不少于 3 名' }] }
 */
export function evaluateEligibility(conditions: readonly EligibilityCondition[] | undefined, data: Record<string, unknown>): EligibilityState {
  const state: EligibilityState = { met: [], unmet: [] };
  for (const condition of conditions ?? []) {
    if (condition.when !== undefined && !evaluateRule(condition.when, { form: data })) continue;
    const line = { key: condition.key, title: textOf(condition.title) };
    (evaluateRule(condition.rule, { form: data }) ? state.met : state.unmet).push(line);
  }
  return state;
}
