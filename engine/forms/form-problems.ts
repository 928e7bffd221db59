/**
 * Turns raw Ajv errors into Problems an applicant can act on: a JSON Pointer into the form data,
 * a `form.<keyword>` code, and a Chinese message naming the field by its schema `title`.
 */
import type { ErrorObject } from 'ajv';
import { pointer, type Problem } from '../problem.js';
import { residentIdIssue, type ResidentIdIssue } from './identity.js';

type SchemaNode = Record<string, unknown>;

/** How far $ref chains and nested branches are followed when looking for a title. */
const MAX_DEPTH = 8;

const typeNames: Record<string, string> = {
  string: '文本',
  number: '数字',
  integer: '整数',
  boolean: '是或否',
  array: '列表',
  object: '一组信息',
  null: '空值',
};

const formatHints: Record<string, string> = {
  'cn-resident-id': '应为18位居民身份证号码，请核对出生日期和最后一位校验码',
  'cn-uscc': '应为18位统一社会信用代码，只含数字和大写字母（不含 I、O、Z、S、V），第3–8位为数字',
  'cn-mobile': '应为11位手机号码',
  region: '应为6位行政区划代码',
  email: '应为电子邮箱地址',
  date: '应为日期，例如 2025-01-24',
  'date-time': '应为日期和时间',
  uri: '应为网址',
};

/** What exactly is wrong with a refused resident ID (Ajv with `verbose` hands the value over). */
const residentIdHints: Record<ResidentIdIssue, string> = {
  'legacy-15': '这是15位的旧身份证号码，请填写现在使用的18位居民身份证号码',
  length: '应为18位居民身份证号码',
  characters: '应为17位数字加最后一位数字或X',
  date: '第7–14位不是有效的出生日期，请核对',
  future: '出生日期晚于今天，请核对',
  check: '最后一位校验码不符，请核对',
};

/** The hint for a failed format; for a resident ID, the reason this value fails. */
function formatHint(format: string, value: unknown): string | undefined {
  if (format === 'cn-resident-id' && typeof value === 'string') {
    // "future" needs today, which the format knew; any other issue is found without it.
    return residentIdHints[residentIdIssue(value) ?? 'future'];
  }
  return formatHints[format];
}

function isNode(value: unknown): value is SchemaNode {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The schemas that describe the same value as `node`: itself, its $ref target and its conditional branches. */
function alternatives(node: SchemaNode, root: SchemaNode, depth = 0): SchemaNode[] {
  if (depth > MAX_DEPTH) return [];
  const nodes: SchemaNode[] = [node];
  if (typeof node.$ref === 'string' && node.$ref.startsWith('#/')) {
    const target = node.$ref
      .slice(2)
      .split('/')
      .reduce<unknown>((at, token) => (isNode(at) ? at[unescapeToken(token)] : undefined), root);
    if (isNode(target)) nodes.push(...alternatives(target, root, depth + 1));
  }
  const branches = [node.allOf, node.anyOf, node.oneOf, [node.then, node.else]].flatMap((b) => (Array.isArray(b) ? b : []));
  for (const branch of branches) if (isNode(branch)) nodes.push(...alternatives(branch, root, depth + 1));
  return nodes;
}

/** The first `title` any schema gives the value at `path` (a JSON Pointer into the data). */
function titleAt(root: unknown, path: string): string | undefined {
  if (!isNode(root)) return undefined;
  let nodes = alternatives(root, root);
  for (const token of path.split('/').slice(1).map(unescapeToken)) {
    const children = nodes.flatMap((node) => {
      const property = isNode(node.properties) ? node.properties[token] : undefined;
      const item = /^\d+$/.test(token) ? (Array.isArray(node.items) ? node.items[Number(token)] : node.items) : undefined;
      return [property, item].filter(isNode);
    });
    nodes = children.flatMap((child) => alternatives(child, root));
  }
  return nodes.map((n) => n.title).find((t): t is string => typeof t === 'string' && t !== '');
}

function unescapeToken(token: string): string {
  return token.replace(/~1/g, '/').replace(/~0/g, '~');
}

/** The field's title from its own schema or, failing that, from the form schema; else its property name, else 表单. */
function labelOf(schema: unknown, path: string, root: unknown): string {
  if (isNode(schema) && typeof schema.title === 'string' && schema.title !== '') return schema.title;
  const title = titleAt(root, path);
  if (title !== undefined) return title;
  const last = path.split('/').pop() ?? '';
  const name = unescapeToken(last);
  if (/^\d+$/.test(name)) return `第${Number(name) + 1}项`;
  return name === '' ? '表单' : name;
}

function childSchema(parent: unknown, property: string): unknown {
  return isNode(parent) && isNode(parent.properties) ? parent.properties[property] : undefined;
}

function list(values: unknown): string {
  return Array.isArray(values) ? values.map((v) => String(v)).join('、') : String(values);
}

/** The message for one error, given the label of the field it is about. */
function messageFor(error: ErrorObject, label: string): string {
  const p = error.params as Record<string, unknown>;
  const field = `"${label}"`;
  switch (error.keyword) {
    case 'type':
      return `${field} 应为${list(String(p.type).split(',').map((t) => typeNames[t] ?? t))}`;
    case 'format': {
      const hint = formatHint(String(p.format), error.data);
      return hint === undefined ? `${field} 格式不正确` : `${field} 格式不正确，${hint}`;
    }
    case 'pattern':
      return `${field} 格式不正确`;
    case 'minLength':
      return `${field} 至少需要 ${p.limit} 个字符`;
    case 'maxLength':
      return `${field} 最多 ${p.limit} 个字符`;
    case 'minimum':
      return `${field} 不能小于 ${p.limit}`;
    case 'maximum':
      return `${field} 不能大于 ${p.limit}`;
    case 'exclusiveMinimum':
      return `${field} 必须大于 ${p.limit}`;
    case 'exclusiveMaximum':
      return `${field} 必须小于 ${p.limit}`;
    case 'multipleOf':
      return `${field} 应为 ${p.multipleOf} 的倍数`;
    case 'enum':
      return `${field} 只能是以下之一：${list(p.allowedValues)}`;
    case 'const':
      return `${field} 必须为 ${String(p.allowedValue)}`;
    case 'minItems':
      return `${field} 至少需要 ${p.limit} 项`;
    // `items`/`additionalItems` fail this way on a tuple with no room for more (2020-12 `items: false`, draft-07 `additionalItems: false`).
    case 'items':
    case 'additionalItems':
    case 'maxItems':
      return `${field} 最多 ${p.limit} 项`;
    case 'uniqueItems': {
      const [first, second] = [Number(p.i), Number(p.j)].sort((a, b) => a - b) as [number, number];
      return `${field} 中第 ${first + 1} 项与第 ${second + 1} 项重复`;
    }
    case 'oneOf':
    case 'anyOf':
      return `${field} 不符合任何一种可选的填写方式`;
    default:
      return `${field} 填写不正确（${error.message ?? error.keyword}）`;
  }
}

/** One Problem for one Ajv error (Ajv created with `verbose: true`, so errors carry their schema). */
function problemFor(error: ErrorObject, root: unknown): Problem {
  const p = error.params as Record<string, unknown>;
  const code = `form.${error.keyword}`;
  // draft-07 `dependencies` and 2020-12 `dependentRequired` report a missing field alike.
  if (error.keyword === 'required' || error.keyword === 'dependencies' || error.keyword === 'dependentRequired') {
    const missing = String(p.missingProperty);
    const path = error.instancePath + pointer(missing);
    const label = labelOf(childSchema(error.parentSchema, missing), path, root);
    if (error.keyword === 'required') return { code, path, message: `请填写"${label}"` };
    const triggerPath = error.instancePath + pointer(String(p.property));
    const trigger = labelOf(childSchema(error.parentSchema, String(p.property)), triggerPath, root);
    return { code, path, message: `填写了"${trigger}"时，还需填写"${label}"` };
  }
  if (error.keyword === 'additionalProperties') {
    const extra = String(p.additionalProperty);
    return { code, path: error.instancePath + pointer(extra), message: `表单中没有"${extra}"这一项，请删除` };
  }
  return { code, path: error.instancePath, message: messageFor(error, labelOf(error.parentSchema, error.instancePath, root)) };
}

/** The field an Ajv error is about, by its title (else its property name). */
export function fieldLabel(error: ErrorObject, root: unknown): string {
  return labelOf(error.parentSchema, error.instancePath, root);
}

/**
 * Problems for Ajv's errors against the form schema `root`, in Ajv's order. `if` errors are
 * dropped: the failing `then`/`else` branch already reports what is wrong, field by field.
 */
export function formProblems(errors: ErrorObject[] | null | undefined, root: unknown): Problem[] {
  return (errors ?? []).filter((e) => e.keyword !== 'if').map((e) => problemFor(e, root));
}
