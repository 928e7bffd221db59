/**
 * What a JSON Logic rule reads and which operators it uses, found by walking the rule as data
 * (rules are never evaluated to find out). Loading uses this to check variable roots, form
 * fields and operators before any case runs.
 */

/**
 * The standard JSON Logic operators (https://jsonlogic.com/operations.html) that json-logic-js
 * implements. json-logic-js keeps its table private, so the list lives here and a test applies
 * every entry with json-logic-js to prove they agree.
 */
export const jsonLogicOperators = [
  'var', 'missing', 'missing_some',
  'if', '?:', '==', '===', '!=', '!==', '!', '!!', 'or', 'and',
  '>', '>=', '<', '<=', 'max', 'min',
  '+', '-', '*', '/', '%',
  'map', 'reduce', 'filter', 'all', 'none', 'some', 'merge', 'in',
  'cat', 'substr', 'log',
] as const;

/** One of the standard operators. */
export type JsonLogicOperator = (typeof jsonLogicOperators)[number];

/** Operators whose later arguments run once per element, with the element (not the context) as data. */
const iterating = new Set(['map', 'filter', 'all', 'none', 'some', 'reduce']);

/** One thing a rule names, with where it sits inside the rule (tokens for a JSON Pointer). */
export interface RuleReference {
  type: 'var' | 'operator';
  /** The variable path (`form.agent`) or the operator (`==`). */
  name: string;
  at: Array<string | number>;
}

function isLogic(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && Object.keys(value).length === 1;
}

function asArgs(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [value];
}

function isPathLike(value: unknown): value is string | number {
  return typeof value === 'string' || typeof value === 'number';
}

/** The variable paths an operator names directly (var, missing, missing_some), with their positions. */
function namedPaths(op: string, value: unknown): Array<{ name: string; at: Array<string | number> }> {
  const found: Array<{ name: string; at: Array<string | number> }> = [];
  const add = (name: unknown, at: Array<string | number>) => {
    if (isPathLike(name) && String(name) !== '') found.push({ name: String(name), at });
  };
  if (op === 'var') {
    if (Array.isArray(value)) add(value[0], [0]);
    else add(value, []);
  } else if (op === 'missing') {
    asArgs(value).forEach((name, i) => add(name, Array.isArray(value) ? [i] : []));
  } else if (op === 'missing_some' && Array.isArray(value) && Array.isArray(value[1])) {
    value[1].forEach((name, i) => add(name, [1, i]));
  }
  return found;
}

function walk(node: unknown, at: Array<string | number>, isScoped: boolean, out: RuleReference[]): void {
  if (Array.isArray(node)) {
    node.forEach((child, i) => walk(child, [...at, i], isScoped, out));
    return;
  }
  if (!isLogic(node)) return;
  const [op, value] = Object.entries(node)[0] as [string, unknown];
  out.push({ type: 'operator', name: op, at: [...at, op] });
  if (!isScoped) {
    for (const found of namedPaths(op, value)) out.push({ type: 'var', name: found.name, at: [...at, op, ...found.at] });
  }
  const args = asArgs(value);
  args.forEach((arg, i) => {
    const argAt = Array.isArray(value) ? [...at, op, i] : [...at, op];
    // reduce's third argument (the initial value) reads the outer data again.
    const isElementScope = iterating.has(op) && i >= 1 && !(op === 'reduce' && i === 2);
    walk(arg, argAt, isScoped || isElementScope, out);
  });
}

/**
 * Every variable and operator a rule names. Variables inside the per-element body of
 * map/filter/all/none/some/reduce read the element, not the context, and are left out.
 *
 * @example ruleReferences({ '==': [{ var: 'form.agent' }, true] })
 * // [{ type: 'operator', name: '==', at: ['=='] }, { type: 'operator', name: 'var', at: ['==', 0, 'var'] },
 * //  { type: 'var', name: 'form.agent', at: ['==', 0, 'var'] }]
 */
export function ruleReferences(rule: unknown): RuleReference[] {
  const out: RuleReference[] = [];
  walk(rule, [], false, out);
  return out;
}

/**
 * The context paths a rule reads: `var` (also `[path, default]`), `missing` and `missing_some`.
 *
 * @example ruleVars({ and: [{ var: 'form.agent' }, { missing: ['form.name'] }] }) // ['form.agent', 'form.name']
 */
export function ruleVars(rule: unknown): string[] {
  return [...new Set(ruleReferences(rule).filter((r) => r.type === 'var').map((r) => r.name))];
}

/** True for an operator json-logic-js knows. */
export function isJsonLogicOperator(name: string): name is JsonLogicOperator {
  return (jsonLogicOperators as readonly string[]).includes(name);
}
