/**
 * Inputs for the loader fuzz (goal D1): definitions generated from nothing (any JSON, and
 * documents shaped like each kind), and mutations of the real province library.
 */
import fc from 'fast-check';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { kindNames, kinds, SCHEMA_VERSION } from '../../../engine/kinds/index.js';
import type { LoadInput } from '../../../engine/load/index.js';
import { definitionsDir } from '../../../server/paths.js';
import { awkwardString, awkwardStrings, setOwn, tree, treeValue } from '../../support/fuzz.js';

type Doc = Record<string, unknown>;
type Tokens = Array<string | number>;

/** The province library, as files. */
export const provinceFiles: LoadInput[] = readdirSync(join(definitionsDir, 'province'), { recursive: true, withFileTypes: true })
  .filter((e) => e.isFile() && e.name.endsWith('.json'))
  .map((e) => join(e.parentPath, e.name))
  .sort()
  .map((path) => ({ file: path.slice(definitionsDir.length + 1), doc: JSON.parse(readFileSync(path, 'utf8')) as unknown }));

const ids = provinceFiles.map(({ doc }) => String((doc as Doc).id));

function stringsIn(value: unknown, out: Set<string>): void {
  if (typeof value === 'string') out.add(value);
  else if (typeof value === 'object' && value !== null) for (const child of Object.values(value)) stringsIn(child, out);
}

/** The documents one document names directly (at most 4; lists and platforms name everything), so references resolve. */
function neighboursOf(input: LoadInput): LoadInput[] {
  const named = new Set<string>();
  stringsIn(input.doc, named);
  return provinceFiles.filter((f) => f !== input && named.has(String((f.doc as Doc).id))).slice(0, 4);
}
const neighbours = new Map(provinceFiles.map((f) => [f, neighboursOf(f)]));

// ---- generated ----

/** Documents shaped like a kind: its header right or nearly, its own property names with real or random values. */
function shapedLike(kind: string): fc.Arbitrary<unknown> {
  const names = Object.keys((kinds as Record<string, { properties?: object }>)[kind]?.properties ?? {});
  const realValues = provinceFiles.filter(({ doc }) => (doc as Doc).kind === kind).map(({ doc }) => doc as Doc);
  const valueOf = (name: string) =>
    realValues.length > 0 ? fc.oneof(fc.constantFrom(...realValues).map((d) => structuredClone(d[name])), tree.map(treeValue)) : tree.map(treeValue);
  return fc
    .record({
      kind: fc.oneof(fc.constant(kind), fc.constantFrom(`${kind}s`, kind.toLowerCase()), awkwardString),
      schemaVersion: fc.oneof({ weight: 4, arbitrary: fc.constant<unknown>(SCHEMA_VERSION) }, tree.map(treeValue)),
      id: fc.oneof(fc.constantFrom(...ids), fc.stringMatching(/^[a-z][a-z0-9-]{0,20}$/), awkwardString),
      version: fc.oneof(fc.nat(), tree.map(treeValue)),
      fields: fc.array(fc.constantFrom(...names).chain((name) => valueOf(name).map((value) => [name, value] as const)), { maxLength: names.length }),
    })
    .map(({ fields, ...header }) => {
      const doc: Doc = { title: { 'zh-CN': '生成' }, ...header };
      for (const [name, value] of fields) setOwn(doc, name, value);
      return doc;
    });
}

/** 1–3 generated documents: any JSON at all, or shaped like a kind. */
export const generatedSet: fc.Arbitrary<LoadInput[]> = fc
  .array(fc.oneof(tree.map(treeValue), ...kindNames.map(shapedLike)), { minLength: 1, maxLength: 3 })
  .map((docs) => docs.map((doc, i) => ({ file: `generated-${i}.json`, doc })));

// ---- mutated ----

function pathsOf(value: unknown, at: Tokens = [], out: Tokens[] = []): Tokens[] {
  out.push(at);
  if (Array.isArray(value)) value.forEach((v, i) => pathsOf(v, [...at, i], out));
  else if (typeof value === 'object' && value !== null) for (const [k, v] of Object.entries(value)) pathsOf(v, [...at, k], out);
  return out;
}

function nested(depth: number, isArray: boolean): unknown {
  let node: unknown = 'bottom';
  for (let i = 0; i < depth; i++) node = isArray ? [node] : { a: node };
  return node;
}

/** Replaces the value at `at` (the root stays an object), or sets it on its parent. */
function replaceAt(doc: Doc, at: Tokens, value: unknown): void {
  if (at.length === 0) return;
  let parent: any = doc;
  for (const token of at.slice(0, -1)) parent = parent[token];
  const last = at[at.length - 1]!;
  if (Array.isArray(parent)) parent[last as number] = value;
  else setOwn(parent, String(last), value);
}

function valueAt(doc: Doc, at: Tokens): unknown {
  return at.reduce<any>((node, token) => node?.[token], doc);
}

function flipBit(text: string, position: number, bit: number): string {
  const i = position % Math.max(text.length, 1);
  return text.slice(0, i) + String.fromCharCode(text.charCodeAt(i) ^ (1 << bit)) + text.slice(i + 1);
}

const swaps: unknown[] = [null, true, 0, -1.5, 1e308, '', 'x', [], {}, [[]], { a: {} }, [null, 1, 'a']];

type Mutation = { op: string; pick: number; n: number; payload: unknown };
const ops = ['bitflip', 'swap', 'nest', 'huge', 'reference', 'proto', 'unicode', 'delete', 'duplicate', 'tree'] as const;

/** Applies one mutation to a copy of a real document; the set is the mutant and its neighbours. */
function mutate(input: LoadInput, m: Mutation): LoadInput[] {
  let doc = structuredClone(input.doc) as Doc;
  const paths = pathsOf(doc);
  const at = paths[m.pick % paths.length]!;
  const strings = paths.filter((p) => typeof valueAt(doc, p) === 'string');
  const stringAt = strings[m.pick % Math.max(strings.length, 1)] ?? at;
  const objects = paths.filter((p) => { const v = valueAt(doc, p); return typeof v === 'object' && v !== null && !Array.isArray(v); });
  const extra: LoadInput[] = [];
  switch (m.op) {
    case 'bitflip': {
      const flipped = flipBit(JSON.stringify(doc), m.n, m.n % 16);
      try {
        const parsed = JSON.parse(flipped) as unknown;
        if (typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)) doc = parsed as Doc;
        else return [{ file: input.file!, doc: parsed }];
      } catch {
        // Unparsable text never reaches the loader; flip a bit inside a string value instead.
        replaceAt(doc, stringAt, flipBit(String(valueAt(doc, stringAt)) || 'a', m.n, m.n % 16));
      }
      break;
    }
    case 'swap': replaceAt(doc, at, swaps[m.n % swaps.length]); break;
    case 'nest': replaceAt(doc, at, nested(33 + (m.n % 3000), m.n % 2 === 0)); break;
    case 'huge': replaceAt(doc, at, m.n % 3 === 2 ? 'x'.repeat(1_100_000) : Array.from({ length: 1000 + (m.n % 20_000) }, (_, i) => (m.n % 3 === 0 ? { i } : i))); break;
    case 'reference': {
      const keys = paths.map((p) => p[p.length - 1]).filter((k): k is string => typeof k === 'string');
      const choices = [String(doc.id), ids[m.n % ids.length]!, keys[m.n % Math.max(keys.length, 1)] ?? 'x', `dangling-${m.n}`];
      replaceAt(doc, stringAt, choices[m.n % choices.length]);
      break;
    }
    case 'proto': {
      const target = objects.length > 0 ? (valueAt(doc, objects[m.pick % objects.length]!) as object) : doc;
      setOwn(target, ['__proto__', 'constructor', 'prototype'][m.n % 3]!, m.payload ?? { polluted: true });
      break;
    }
    case 'unicode': replaceAt(doc, stringAt, awkwardStrings[m.n % awkwardStrings.length]! + String(valueAt(doc, stringAt) ?? '')); break;
    case 'delete': {
      if (at.length > 0) {
        const parent = valueAt(doc, at.slice(0, -1)) as Record<string, unknown>;
        if (Array.isArray(parent)) parent.splice(at[at.length - 1] as number, 1);
        else delete parent[at[at.length - 1] as string];
      }
      break;
    }
    case 'duplicate': extra.push({ file: `${input.file!}#copy`, doc: structuredClone(doc) }); break;
    default: replaceAt(doc, at, m.payload);
  }
  return [{ file: input.file!, doc }, ...extra, ...neighbours.get(input)!];
}

/** A real document with one mutation, loaded together with the documents it names. */
export const mutatedSet: fc.Arbitrary<{ op: string; inputs: LoadInput[] }> = fc
  .record({
    source: fc.nat(provinceFiles.length - 1),
    op: fc.constantFrom(...ops),
    pick: fc.nat(),
    n: fc.nat(),
    payload: fc.oneof(tree.map(treeValue), fc.constant(undefined)),
  })
  .map(({ source, ...m }) => ({ op: m.op, inputs: mutate(provinceFiles[source]!, m) }));
