/**
 * Ajv reports a failed union (anyOf) as one error per branch plus the union itself: noise.
 * This picks the branch the value was meant for (by type, then by a key only that branch
 * has, e.g. `notify` for a notify effect) and keeps only that branch's errors. Unions of
 * literals become one "must be one of" problem; a value no branch can take becomes one type problem.
 */
import type { ErrorObject } from 'ajv';

type SchemaNode = Record<string, unknown>;

/** The outcome for one failed union. */
export type UnionVerdict =
  | { kind: 'branch'; index: number }
  | { kind: 'enum'; allowed: unknown[] }
  | { kind: 'type'; expected: string[] };

/** JSON type of a value as JSON Schema names it. */
export function jsonTypeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}

function typeMatches(branch: SchemaNode, data: unknown): boolean {
  const type = branch.type;
  if (type === undefined) return true;
  const actual = jsonTypeOf(data);
  const types = Array.isArray(type) ? type : [type];
  return types.includes(actual) || (actual === 'integer' && types.includes('number'));
}

function propertyNames(branch: SchemaNode): string[] {
  return branch.properties !== null && typeof branch.properties === 'object' ? Object.keys(branch.properties) : [];
}

/** Among type-matching object branches: the one owning a key of the data no other branch has, else the one sharing most keys. */
function bestObjectBranch(branches: SchemaNode[], candidates: number[], data: Record<string, unknown>): number {
  const keys = Object.keys(data);
  for (const i of candidates) {
    const others = new Set(candidates.filter((j) => j !== i).flatMap((j) => propertyNames(branches[j] ?? {})));
    const own = propertyNames(branches[i] ?? {}).filter((name) => !others.has(name));
    if (own.some((name) => keys.includes(name))) return i;
  }
  let best = candidates[0] ?? 0;
  let bestScore = -1;
  for (const i of candidates) {
    const names = propertyNames(branches[i] ?? {});
    const score = keys.filter((key) => names.includes(key)).length;
    if (score > bestScore) [best, bestScore] = [i, score];
  }
  return best;
}

/** Decides which branch of a failed union the value was meant for. */
export function judgeUnion(branches: SchemaNode[], data: unknown): UnionVerdict {
  if (branches.length > 0 && branches.every((b) => 'const' in b)) return { kind: 'enum', allowed: branches.map((b) => b.const) };
  const candidates = branches.flatMap((branch, i) => (typeMatches(branch, data) ? [i] : []));
  if (candidates.length === 0) {
    const expected = [...new Set(branches.flatMap((b) => (Array.isArray(b.type) ? b.type : [b.type ?? 'any'])))].map(String);
    return { kind: 'type', expected };
  }
  const isObject = jsonTypeOf(data) === 'object';
  const index = isObject && candidates.length > 1 ? bestObjectBranch(branches, candidates, data as Record<string, unknown>) : candidates[0]!;
  return { kind: 'branch', index };
}

/** An anyOf/oneOf that failed because no branch matched (a oneOf matching twice is an ordinary error). */
export function isUnionFailure(error: ErrorObject): boolean {
  return error.keyword === 'anyOf' || (error.keyword === 'oneOf' && !(error.params as { passingSchemas?: unknown }).passingSchemas);
}

/** A union error resolved: what to report instead of the branch errors. */
export interface CollapsedUnion {
  error: ErrorObject;
  verdict: UnionVerdict;
}

/**
 * Splits raw errors into the errors worth reporting and the unions decided as a whole.
 * Outer unions are decided first, so a nested union inside a discarded branch disappears with it.
 */
export function collapseUnions(errors: ErrorObject[]): { errors: ErrorObject[]; unions: CollapsedUnion[] } {
  // The same schema path recurs for every element of an array, so an exclusion names both paths.
  // Indexed by instance path and looked up along the error's ancestors, so thousands of failing
  // elements cost thousands of steps, not millions (a list of 26,000 wrong roles took minutes).
  const excluded = new Map<string, string[]>();
  const exclude = (x: { instancePath: string; schemaPath: string }) => {
    const list = excluded.get(x.instancePath);
    if (list === undefined) excluded.set(x.instancePath, [x.schemaPath]);
    else list.push(x.schemaPath);
  };
  const isExcluded = (e: ErrorObject) => {
    for (let path = e.instancePath; ; path = path.slice(0, path.lastIndexOf('/'))) {
      if (excluded.get(path)?.some((schemaPath) => e.schemaPath.startsWith(schemaPath))) return true;
      if (path === '') return false;
    }
  };
  const unions: CollapsedUnion[] = [];
  const unionErrors = errors.filter(isUnionFailure).sort((a, b) => a.schemaPath.length - b.schemaPath.length);
  for (const error of unionErrors) {
    if (isExcluded(error)) continue;
    const branches = (Array.isArray(error.schema) ? error.schema : []) as SchemaNode[];
    const verdict = judgeUnion(branches, error.data);
    const at = (schemaPath: string) => ({ instancePath: error.instancePath, schemaPath });
    if (verdict.kind === 'branch') {
      branches.forEach((_, i) => i !== verdict.index && exclude(at(`${error.schemaPath}/${i}/`)));
    } else {
      exclude(at(`${error.schemaPath}/`));
      unions.push({ error, verdict });
    }
  }
  return { errors: errors.filter((e) => !isUnionFailure(e) && !isExcluded(e)), unions };
}
