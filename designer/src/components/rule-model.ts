/**
 * JSON Logic rules as rows a person can edit: "字段 [运算] 值", joined by 且 (all hold) or 或
 * (any holds). Pure, so the round trip rule → rows → rule is unit-tested without a browser.
 *
 * Only the shapes this file builds are read back as rows. Anything else (nested groups,
 * reversed operands, hand-written JSON Logic) is "not representable": the builder shows it as
 * JSON and never rewrites it. `parseRule` guarantees this by building the rows back and
 * comparing with the input, so a rule is never silently changed by being opened.
 */
import type { RuleValue } from '../../../engine/kinds/common.js';

export type RuleFieldType = 'boolean' | 'number' | 'string' | 'array';
export type RuleScalar = string | number | boolean;

export interface RuleFieldOption {
  value: RuleScalar;
  label: string;
}

/** A variable a rule may read, as the builder offers it: `{ path: 'form.agent', label: '是否委托代理', type: 'boolean' }`. */
export interface RuleField {
  path: string;
  label: string;
  type: RuleFieldType;
  options?: RuleFieldOption[];
}

export type RuleOp = 'eq' | 'ne' | 'gt' | 'ge' | 'lt' | 'le' | 'isTrue' | 'isFalse' | 'filled' | 'empty' | 'in' | 'contains';
export type RuleJoin = 'and' | 'or';

/** One row: the field's path, the operator and (for operators that take one) the value or list of values. */
export interface RuleRow {
  field: string;
  op: RuleOp;
  value?: unknown;
}

export interface RuleModel {
  join: RuleJoin;
  rows: RuleRow[];
}

/** What an operator takes besides the field: nothing, one value, or a list of values. */
export type Operand = 'none' | 'value' | 'list';

/** An operator of the builder: its words, what it takes, and the JSON Logic it stands for. */
export interface RuleOperator {
  op: RuleOp;
  zh: string;
  en: string;
  operand: Operand;
}

export const ruleOperators: readonly RuleOperator[] = [
  { op: 'eq', zh: '等于', en: 'equals', operand: 'value' },
  { op: 'ne', zh: '不等于', en: 'does not equal', operand: 'value' },
  { op: 'gt', zh: '大于', en: 'is greater than', operand: 'value' },
  { op: 'ge', zh: '大于等于', en: 'is at least', operand: 'value' },
  { op: 'lt', zh: '小于', en: 'is less than', operand: 'value' },
  { op: 'le', zh: '小于等于', en: 'is at most', operand: 'value' },
  { op: 'isTrue', zh: '为是', en: 'is yes', operand: 'none' },
  { op: 'isFalse', zh: '为否', en: 'is no', operand: 'none' },
  { op: 'filled', zh: '已填写', en: 'is filled in', operand: 'none' },
  { op: 'empty', zh: '未填写', en: 'is not filled in', operand: 'none' },
  { op: 'in', zh: '包含于', en: 'is one of', operand: 'list' },
  { op: 'contains', zh: '包含', en: 'contains', operand: 'value' },
];

const comparisons = { eq: '==', ne: '!=', gt: '>', ge: '>=', lt: '<', le: '<=' } as const;
type Comparison = keyof typeof comparisons;

const opsByType: Record<RuleFieldType, RuleOp[]> = {
  boolean: ['isTrue', 'isFalse', 'filled', 'empty'],
  number: ['eq', 'ne', 'gt', 'ge', 'lt', 'le', 'in', 'filled', 'empty'],
  string: ['eq', 'ne', 'in', 'filled', 'empty'],
  array: ['contains', 'filled', 'empty'],
};

/** The descriptor of an operator. */
export function operatorOf(op: RuleOp): RuleOperator {
  return ruleOperators.find((o) => o.op === op) ?? ruleOperators[0]!;
}

/** Operators that make sense for a field of this type; every operator when the type is unknown. */
export function operatorsFor(type: RuleFieldType | undefined): RuleOperator[] {
  if (type === undefined) return [...ruleOperators];
  return opsByType[type].map(operatorOf);
}

/** The operator a new row on this field starts with. */
export function defaultOperator(type: RuleFieldType | undefined): RuleOp {
  return type === undefined ? 'eq' : opsByType[type][0]!;
}

function isScalar(value: unknown): value is RuleScalar {
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';
}

/** True when the row names a field and has the value its operator needs. */
export function isCompleteRow(row: RuleRow): boolean {
  if (row.field === '') return false;
  const { operand } = operatorOf(row.op);
  if (operand === 'none') return true;
  if (operand === 'list') return Array.isArray(row.value) && row.value.length > 0 && row.value.every(isScalar);
  return isScalar(row.value) && row.value !== '';
}

/** The JSON Logic of one complete row. */
export function rowRule(row: RuleRow): RuleValue {
  const variable = { var: row.field };
  switch (row.op) {
    case 'isTrue':
      return { '==': [variable, true] };
    case 'isFalse':
      // Not `== false`: an unanswered yes/no question counts as no (the province checklists read it so).
      return { '!': [variable] };
    case 'filled':
      return { '!': { missing: [row.field] } };
    case 'empty':
      return { missing: [row.field] };
    case 'in':
      return { in: [variable, row.value] };
    case 'contains':
      return { in: [row.value, variable] };
    default:
      return { [comparisons[row.op]]: [variable, row.value] };
  }
}

/**
 * The rule of a model: one row alone, several joined by `and`/`or`; `undefined` when no row
 * is complete (no condition). Incomplete rows (a field or value still missing) are left out.
 *
 * @example buildRule({ join: 'and', rows: [{ field: 'form.agent', op: 'isTrue' }] }) // { '==': [{ var: 'form.agent' }, true] }
 */
export function buildRule(model: RuleModel): RuleValue | undefined {
  const rules = model.rows.filter(isCompleteRow).map(rowRule);
  if (rules.length === 0) return undefined;
  if (rules.length === 1) return rules[0];
  return { [model.join]: rules };
}

function single(node: unknown): [string, unknown] | undefined {
  if (typeof node !== 'object' || node === null || Array.isArray(node)) return undefined;
  const entries = Object.entries(node);
  return entries.length === 1 ? entries[0] : undefined;
}

/** The path of `{ var: 'form.x' }`, or undefined for anything else. */
function varPath(node: unknown): string | undefined {
  const entry = single(node);
  return entry?.[0] === 'var' && typeof entry[1] === 'string' && entry[1] !== '' ? entry[1] : undefined;
}

function missingPath(node: unknown): string | undefined {
  const entry = single(node);
  if (entry?.[0] !== 'missing' || !Array.isArray(entry[1]) || entry[1].length !== 1) return undefined;
  const [path] = entry[1] as unknown[];
  return typeof path === 'string' && path !== '' ? path : undefined;
}

function comparisonRow(op: Comparison, args: unknown): RuleRow | undefined {
  if (!Array.isArray(args) || args.length !== 2) return undefined;
  const field = varPath(args[0]);
  const value: unknown = args[1];
  if (field === undefined || !isScalar(value)) return undefined;
  if (op === 'eq' && value === true) return { field, op: 'isTrue' };
  return { field, op, value };
}

function inRow(args: unknown): RuleRow | undefined {
  if (!Array.isArray(args) || args.length !== 2) return undefined;
  const [first, second] = args as unknown[];
  const field = varPath(first);
  if (field !== undefined && Array.isArray(second)) return { field, op: 'in', value: second };
  const container = varPath(second);
  if (container !== undefined && isScalar(first)) return { field: container, op: 'contains', value: first };
  return undefined;
}

/** Reads one row from a rule the builder could have written; undefined otherwise. */
function parseRow(node: unknown): RuleRow | undefined {
  const entry = single(node);
  if (entry === undefined) return undefined;
  const [operator, args] = entry;
  const comparison = (Object.keys(comparisons) as Comparison[]).find((c) => comparisons[c] === operator);
  if (comparison !== undefined) return comparisonRow(comparison, args);
  if (operator === 'in') return inRow(args);
  if (operator === 'missing') {
    const field = missingPath(node);
    return field === undefined ? undefined : { field, op: 'empty' };
  }
  if (operator === '!') {
    const negated = Array.isArray(args) && args.length === 1 ? varPath(args[0]) : undefined;
    if (negated !== undefined) return { field: negated, op: 'isFalse' };
    const field = missingPath(args);
    return field === undefined ? undefined : { field, op: 'filled' };
  }
  return undefined;
}

function candidateModel(rule: unknown): RuleModel | undefined {
  if (rule === undefined) return { join: 'and', rows: [] };
  const entry = single(rule);
  if (entry !== undefined && (entry[0] === 'and' || entry[0] === 'or') && Array.isArray(entry[1])) {
    const rows = (entry[1] as unknown[]).map(parseRow);
    return rows.every((row): row is RuleRow => row !== undefined) ? { join: entry[0], rows } : undefined;
  }
  const row = parseRow(rule);
  return row === undefined ? undefined : { join: 'and', rows: [row] };
}

/**
 * Rows for a rule, or `undefined` when the rows could not say it exactly (show it as JSON then).
 * `undefined` as the rule (no condition) gives no rows.
 *
 * @example parseRule({ and: [{ '==': [{ var: 'form.agent' }, true] }, { '>': [{ var: 'form.amount' }, 100] }] })
 * // { join: 'and', rows: [{ field: 'form.agent', op: 'isTrue' }, { field: 'form.amount', op: 'gt', value: 100 }] }
 */
export function parseRule(rule: unknown): RuleModel | undefined {
  const model = candidateModel(rule);
  if (model === undefined) return undefined;
  // The guarantee: rows are offered only when they build back to exactly this rule.
  return JSON.stringify(buildRule(model)) === JSON.stringify(rule) ? model : undefined;
}

/** True when the builder can show the rule as rows. */
export function isRepresentable(rule: unknown): boolean {
  return parseRule(rule) !== undefined;
}

type Language = 'zh' | 'en';

function valueWords(value: unknown, field: RuleField | undefined, language: Language): string {
  const option = field?.options?.find((o) => o.value === value);
  if (option) return option.label;
  if (typeof value === 'boolean') return language === 'zh' ? (value ? '是' : '否') : value ? 'yes' : 'no';
  return String(value);
}

/** One row in words: "是否委托代理 为是", "服务方式 包含于 线上、电话". */
export function rowWords(row: RuleRow, fields: readonly RuleField[], language: Language = 'zh'): string {
  const field = fields.find((f) => f.path === row.field);
  const operator = operatorOf(row.op);
  const parts = [field?.label ?? row.field, operator[language]];
  if (operator.operand === 'list' && Array.isArray(row.value)) {
    parts.push(row.value.map((v) => valueWords(v, field, language)).join(language === 'zh' ? '、' : ', '));
  } else if (operator.operand === 'value') parts.push(valueWords(row.value, field, language));
  return parts.join(' ');
}

/**
 * The rule in words, for the guide's 条件 text: complete rows joined by 且 / 或.
 *
 * @example ruleWords({ join: 'and', rows: [{ field: 'form.agent', op: 'isTrue' }] }, [{ path: 'form.agent', label: '是否委托代理', type: 'boolean' }])
 * // '是否委托代理 为是'
 */
export function ruleWords(model: RuleModel, fields: readonly RuleField[], language: Language = 'zh'): string {
  const joiner = language === 'zh' ? (model.join === 'and' ? ' 且 ' : ' 或 ') : model.join === 'and' ? ' and ' : ' or ';
  return model.rows
    .filter(isCompleteRow)
    .map((row) => rowWords(row, fields, language))
    .join(joiner);
}
