/**
 * Shared parts of the fuzz suites (goal D1): JSON trees generated as text (so `__proto__`
 * becomes an own key exactly as JSON.parse makes it), awkward strings, a JSON Pointer
 * resolver, and the guards every case is checked under (prototypes untouched, memory).
 */
import fc from 'fast-check';
import v8 from 'node:v8';
import { runInNewContext } from 'node:vm';

/** Strings that break naive code: lone surrogates, bidi overrides, NUL, BOM, combining marks, astral planes. */
export const awkwardStrings = [
  '\uD800', '\uDFFF', 'a\uDC00b', '\u202Eexe.pdf', '\u0000', '\uFEFF', '\u200B', 'e\u0301', '𝕏𝕐', '👩‍👩‍👧',
  '', ' ', '../../etc/passwd', '..\\..\\win.ini', '%00', '{{constructor.constructor "return 1"}}', '<script>alert(1)</script>',
  '__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', '0', '-1', '1e309', 'NaN', 'x'.repeat(300),
];

/** Keys that target prototypes or resemble real definition keys. */
const nastyKeys = ['__proto__', 'constructor', 'prototype', 'kind', 'id', 'version', 'schemaVersion', 'title', 'steps', 'start', 'fields', 'materials', 'schema', '$ref', ''];

export const awkwardString = fc.oneof(
  { weight: 3, arbitrary: fc.string({ maxLength: 16 }) },
  { weight: 2, arbitrary: fc.constantFrom(...awkwardStrings) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 8 }) },
  { weight: 1, arbitrary: fc.array(fc.integer({ min: 0xd800, max: 0xdfff }), { minLength: 1, maxLength: 3 }).map((codes) => String.fromCharCode(...codes)) },
);

const key = fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...nastyKeys) }, { weight: 2, arbitrary: awkwardString });

const scalar = fc.oneof(
  fc.constant(null),
  fc.boolean(),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.constantFrom(0, -0, 1e308, -1e-308, Number.MAX_SAFE_INTEGER + 2),
  awkwardString,
);

/** A JSON value as a tree whose objects are entry lists (keys may repeat; JSON.parse keeps the last). */
export type Tree = null | boolean | number | string | Tree[] | { entries: Array<[string, Tree]> };

export const tree: fc.Arbitrary<Tree> = fc.letrec<{ value: Tree; array: Tree[]; object: { entries: Array<[string, Tree]> } }>((tie) => ({
  value: fc.oneof({ depthSize: 'small', maxDepth: 5 }, scalar, tie('array'), tie('object')),
  array: fc.array(tie('value'), { maxLength: 5 }),
  object: fc.array(fc.tuple(key, tie('value')), { maxLength: 6 }).map((entries) => ({ entries })),
})).value;

/** JSON text of a tree. */
export function treeText(node: Tree): string {
  if (Array.isArray(node)) return `[${node.map(treeText).join(',')}]`;
  if (node !== null && typeof node === 'object') return `{${node.entries.map(([k, v]) => `${JSON.stringify(k)}:${treeText(v)}`).join(',')}}`;
  return JSON.stringify(node) ?? 'null';
}

/** The value a tree stands for, parsed as a server parses JSON. */
export function treeValue(node: Tree): unknown {
  return JSON.parse(treeText(node));
}

/** Sets an own property even for `__proto__`, as JSON.parse does. */
export function setOwn(target: object, name: string, value: unknown): void {
  Object.defineProperty(target, name, { value, enumerable: true, writable: true, configurable: true });
}

/** Decodes a JSON Pointer (RFC 6901) into tokens; undefined when it is not one. */
export function pointerTokens(path: unknown): string[] | undefined {
  if (typeof path !== 'string') return undefined;
  if (path === '') return [];
  if (!path.startsWith('/') || /~[^01]|~$/.test(path)) return undefined;
  return path.slice(1).split('/').map((t) => t.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/**
 * Where a pointer lands in `doc`: `value` when every token resolves, `parent` when all but the
 * last do and the last names a missing member (a missing required property), else `outside`.
 */
export function resolvePointer(doc: unknown, path: unknown): 'value' | 'parent' | 'outside' {
  const tokens = pointerTokens(path);
  if (tokens === undefined) return 'outside';
  let node: unknown = doc;
  for (const [index, token] of tokens.entries()) {
    const isLast = index === tokens.length - 1;
    if (Array.isArray(node)) {
      const isIndex = /^(0|[1-9]\d*)$/.test(token);
      if (isIndex && Number(token) < node.length) node = node[Number(token)];
      else return isLast && (isIndex || token === '-') ? 'parent' : 'outside';
    } else if (typeof node === 'object' && node !== null) {
      if (Object.hasOwn(node, token)) node = (node as Record<string, unknown>)[token];
      else return isLast ? 'parent' : 'outside';
    } else {
      return 'outside';
    }
  }
  return 'value';
}

/** The own property names of the built-in prototypes, to prove nothing was added or changed. */
export function prototypeFingerprint(): string {
  const protos = { Object: Object.prototype, Array: Array.prototype, Function: Function.prototype, String: String.prototype };
  return JSON.stringify(
    Object.entries(protos).map(([name, proto]) => [
      name,
      Object.getOwnPropertyNames(proto)
        .sort()
        .map((p) => {
          const d = Object.getOwnPropertyDescriptor(proto, p)!;
          return `${p}:${typeof d.value}:${String(d.writable)}:${String(d.enumerable)}`;
        }),
    ]),
  );
}

/** A full garbage collection, so resident memory says what is kept rather than what is not yet collected. */
export function collectGarbage(): void {
  v8.setFlagsFromString('--expose-gc');
  (runInNewContext('gc') as () => void)();
}

/** Resident memory in MB after a full collection. */
export function residentMB(): number {
  collectGarbage();
  return process.memoryUsage().rss / 1024 / 1024;
}

/** Heap in use in MB after a full collection: what is kept. */
export function heapUsedMB(): number {
  collectGarbage();
  return process.memoryUsage().heapUsed / 1024 / 1024;
}
