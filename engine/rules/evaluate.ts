/**
 * Rules are JSON Logic data evaluated by json-logic-js, never by eval. Nothing is added to
 * json-logic's global operator table, so every engine in the process reads rules the same way.
 */
import jsonLogic, { type RulesLogic } from 'json-logic-js';
import type { RuleValue } from '../kinds/common.js';
import type { RuleContext } from './context.js';

/** What checklist rules read: the form data only. */
export interface FormRuleContext {
  form: Record<string, unknown>;
}

/**
 * Whether a rule holds for a context, with JSON Logic's own truthiness (an empty list is false).
 *
 * @example
 * evaluateRule({ '==': [{ var: 'form.isAgent' }, true] }, { form: { isAgent: true } }); // true
 */
export function evaluateRule(rule: RuleValue, context: RuleContext | FormRuleContext): boolean {
  if (typeof rule === 'boolean') return rule;
  return jsonLogic.truthy(jsonLogic.apply(rule as RulesLogic, context));
}

/**
 * The value at a dotted path of a context (`command.result`, `form.applicant.name`), read with
 * JSON Logic's own `var` so paths mean the same in rules and in `set` effects.
 */
export function readPath(context: RuleContext | FormRuleContext, path: string): unknown {
  return jsonLogic.apply({ var: path }, context) as unknown;
}
