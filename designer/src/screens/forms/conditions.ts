/**
 * The conditions the property panel's rule builder offers (字段 / 等于·不等于·为真… / 值), and
 * their JSON Schema form: the `if` of an `allOf` entry. Standard JSON Schema, so the server's Ajv
 * and rjsf agree on when a field shows and when it is required. Every condition names its field
 * in `required` too, because `properties` alone holds when the field is missing.
 */
import { isNode, jsonEqual, type JsonNode } from './json-path.js';

export const conditionOps = ['eq', 'ne', 'isTrue', 'isFalse', 'filled'] as const;
export type ConditionOp = (typeof conditionOps)[number];

/** "When `field` <op> `value`": `field` is a sibling in the same object (section, group row or form). */
export interface Condition {
  field: string;
  op: ConditionOp;
  /** Compared with `eq` and `ne`; the other operators need none. */
  value?: unknown;
}

/** Whether the operator compares with a value. */
export function takesValue(op: ConditionOp): boolean {
  return op === 'eq' || op === 'ne';
}

/**
 * The `if` schema of a condition.
 *
 * @example conditionSchema({ field: 'isAgent', op: 'isTrue' })
 * // { properties: { isAgent: { const: true } }, required: ['isAgent'] }
 */
export function conditionSchema(condition: Condition): JsonNode {
  const { field, op, value } = condition;
  const test: JsonNode | undefined =
    op === 'eq' ? { const: value } : op === 'ne' ? { not: { const: value } } : op === 'isTrue' ? { const: true } : op === 'isFalse' ? { const: false } : undefined;
  return test === undefined ? { required: [field] } : { properties: { [field]: test }, required: [field] };
}

/** The single test of a one-property `if`, read back as an operator and value. */
function opOf(test: JsonNode): Pick<Condition, 'op' | 'value'> | undefined {
  const keys = Object.keys(test);
  if (keys.length !== 1) return undefined;
  if ('const' in test) {
    if (test.const === true) return { op: 'isTrue' };
    if (test.const === false) return { op: 'isFalse' };
    return { op: 'eq', value: test.const };
  }
  if (Array.isArray(test.enum) && test.enum.length === 1) return opOf({ const: test.enum[0] });
  if (isNode(test.not) && Object.keys(test.not).length === 1 && 'const' in test.not) return { op: 'ne', value: test.not.const };
  return undefined;
}

/**
 * The condition an `if` schema expresses, when it is one the builder can show; undefined for
 * anything else (kept as written and shown as a custom condition).
 *
 * @example parseCondition({ properties: { kind: { enum: ['organization'] } }, required: ['kind'] })
 * // { field: 'kind', op: 'eq', value: 'organization' }
 */
export function parseCondition(schema: unknown): Condition | undefined {
  if (!isNode(schema)) return undefined;
  const { properties, required, ...others } = schema;
  if (Object.keys(others).length > 0 || !Array.isArray(required) || required.length !== 1) return undefined;
  const field = required[0];
  if (typeof field !== 'string') return undefined;
  if (properties === undefined) return { field, op: 'filled' };
  if (!isNode(properties)) return undefined;
  const names = Object.keys(properties);
  const test = properties[field];
  if (names.length !== 1 || !isNode(test)) return undefined;
  const parsed = opOf(test);
  return parsed && { field, ...parsed };
}

/** Whether two `if` schemas say the same (so fields with the same condition share one entry). */
export function sameCondition(a: unknown, b: unknown): boolean {
  const left = parseCondition(a);
  const right = parseCondition(b);
  if (left && right) return jsonEqual(conditionSchema(left), conditionSchema(right));
  return jsonEqual(a, b);
}
