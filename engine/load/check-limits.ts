/**
 * Resource limits of one definition document, checked before anything else reads it: its size
 * as JSON text, how deeply it nests, and how many parts its main collection holds. Nothing
 * later (Ajv, the rule walker, hashing, the designer) then sees a document that could exhaust
 * the stack, the memory or the time of a request. See docs/definitions.md "Limits".
 */
import { pointer, type Problem } from '../problem.js';

/** The most bytes a document may take as JSON text (UTF-8): 1 MB. */
export const MAX_DOCUMENT_BYTES = 1024 * 1024;
/** The deepest nesting of objects and arrays a document may have (the document itself is level 1). */
export const MAX_DEPTH = 32;
/** The most parts a document's main collection may hold (see `countedParts`). */
export const MAX_PARTS = 500;
/**
 * The most JSON values (objects, arrays, strings, numbers …) a document may hold. The largest
 * real definition holds about 260; a schema validator reports one error per wrong value, and
 * 26,000 of them took seconds, so a document is refused before it gets there.
 */
export const MAX_VALUES = 10_000;

type Tokens = Array<string | number>;

/** Bytes of a string as JSON text: its UTF-8 length plus quotes (escapes are not counted; it is a bound, not a serializer). */
function textBytes(text: string): number {
  let bytes = 2;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    bytes += code < 0x80 ? 1 : code < 0x800 ? 2 : code >= 0xd800 && code <= 0xdbff ? 2 : 3;
  }
  return bytes;
}

function scalarBytes(value: unknown): number {
  return typeof value === 'string' ? textBytes(value) : String(value).length;
}

/**
 * One pass without recursion (a document nested 100,000 deep must not overflow the stack):
 * the first path deeper than MAX_DEPTH, and whether the size passes MAX_DOCUMENT_BYTES.
 * It stops as soon as it has found both, so a huge document costs no more than the limit.
 */
function measure(doc: object): { tooDeepAt?: Tokens; isTooLarge: boolean; values: number } {
  const stack: Array<{ value: unknown; at: Tokens }> = [{ value: doc, at: [] }];
  let bytes = 0;
  let values = 0;
  let tooDeepAt: Tokens | undefined;
  while (stack.length > 0) {
    const { value, at } = stack.pop()!;
    values += 1;
    if (typeof value !== 'object' || value === null) {
      bytes += scalarBytes(value);
    } else if (at.length >= MAX_DEPTH) {
      tooDeepAt ??= at;
      bytes += 2;
    } else {
      const entries: Array<[string | number, unknown]> = Array.isArray(value) ? value.map((v, i) => [i, v]) : Object.entries(value);
      bytes += 2 + entries.length;
      for (const [key, child] of entries) {
        if (typeof key === 'string') bytes += textBytes(key) + 1;
        stack.push({ value: child, at: [...at, key] });
      }
    }
    if (bytes > MAX_DOCUMENT_BYTES) return { isTooLarge: true, values, ...(tooDeepAt === undefined ? {} : { tooDeepAt }) };
  }
  return { isTooLarge: false, values, ...(tooDeepAt === undefined ? {} : { tooDeepAt }) };
}

/** Fields of a form's JSON Schema at any level: every entry of every `properties`. */
function countSchemaFields(schema: unknown): number {
  let count = 0;
  const stack: unknown[] = [schema];
  while (stack.length > 0) {
    const node = stack.pop();
    if (typeof node !== 'object' || node === null) continue;
    const properties = (node as { properties?: unknown }).properties;
    if (typeof properties === 'object' && properties !== null && !Array.isArray(properties)) count += Object.keys(properties).length;
    for (const child of Object.values(node)) stack.push(child);
  }
  return count;
}

function sizeOf(value: unknown): number {
  if (Array.isArray(value)) return value.length;
  return typeof value === 'object' && value !== null ? Object.keys(value).length : 0;
}

/**
 * What counts as a part, per kind: the collection a designer grows one entry at a time. Kinds
 * not listed (Template, Platform, Calendar) are bounded by size and depth alone.
 */
export const countedParts: Record<string, { at: string; what: string; zh: string; count: (doc: Record<string, unknown>) => number }> = {
  Form: { at: 'schema', what: 'fields', zh: '字段', count: (doc) => countSchemaFields(doc.schema) },
  Workflow: { at: 'steps', what: 'steps', zh: '步骤', count: (doc) => sizeOf(doc.steps) },
  Checklist: { at: 'materials', what: 'materials', zh: '材料', count: (doc) => sizeOf(doc.materials) },
  ServiceList: { at: 'entries', what: 'entries', zh: '条目', count: (doc) => sizeOf(doc.entries) },
  ServiceItem: { at: 'steps', what: 'guide steps', zh: '办理流程环节', count: (doc) => sizeOf(doc.steps) },
};

/**
 * Problems of a document past a limit (codes `definition.too-large`,
 * `definition.too-many-values`, `definition.too-deep`, `definition.too-many-parts`), each with a JSON Pointer inside the document; [] when within.
 *
 * @example checkLimits({ kind: 'Workflow', steps: { …501 steps } })
 * // [{ code: 'definition.too-many-parts', path: '/steps', message: '工作流有 501 个步骤，超过上限 500 … A Workflow may have at most 500 steps …' }]
 */
export function checkLimits(doc: Record<string, unknown>): Problem[] {
  const { tooDeepAt, isTooLarge, values } = measure(doc);
  const problems: Problem[] = [];
  if (isTooLarge) {
    problems.push({
      code: 'definition.too-large',
      path: '',
      message: `定义超过 1 MB 上限，请拆分（例如把长文本移入模板）。The definition is larger than 1 MB as JSON; split it (move long texts into templates, for example).`,
    });
  } else if (values > MAX_VALUES) {
    problems.push({
      code: 'definition.too-many-values',
      path: '',
      message: `定义含 ${values} 个值，超过上限 ${MAX_VALUES} 个，请拆分。The definition holds ${values} JSON values, more than the ${MAX_VALUES} allowed; split it.`,
    });
  }
  if (tooDeepAt !== undefined) {
    problems.push({
      code: 'definition.too-deep',
      path: pointer(...tooDeepAt),
      message: `定义在此处嵌套超过 ${MAX_DEPTH} 层，请减少嵌套。The definition nests deeper than ${MAX_DEPTH} levels here; flatten it.`,
    });
  }
  const parts = typeof doc.kind === 'string' && Object.hasOwn(countedParts, doc.kind) ? countedParts[doc.kind] : undefined;
  const count = parts === undefined || isTooLarge ? 0 : parts.count(doc);
  if (parts !== undefined && count > MAX_PARTS) {
    problems.push({
      code: 'definition.too-many-parts',
      path: pointer(parts.at),
      message: `${String(doc.kind)} 有 ${count} 个${parts.zh}，超过上限 ${MAX_PARTS} 个，请拆分为多个定义。A ${String(doc.kind)} may have at most ${MAX_PARTS} ${parts.what}; this one has ${count}. Split it into several definitions.`,
    });
  }
  return problems;
}
