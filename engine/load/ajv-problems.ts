/**
 * The one place raw Ajv errors become Problems: a JSON Pointer to the offending property,
 * a code `shape.<keyword>` and a message that names the property, says what it must be
 * (using the schema's `description`) and suggests a fix when one is close.
 */
import type { ErrorObject } from 'ajv';
import { pointerToken, type Problem } from '../problem.js';
import { didYouMean } from '../suggest.js';
import { collapseUnions, jsonTypeOf, type CollapsedUnion } from './union-errors.js';

type SchemaNode = Record<string, unknown>;

function kebab(keyword: string): string {
  return keyword.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
}

/** `shape.<keyword>` in kebab-case; additionalProperties reads as one extra property. */
export function shapeCode(keyword: string): string {
  return keyword === 'additionalProperties' ? 'shape.additional-property' : `shape.${kebab(keyword)}`;
}

function lastToken(path: string): string {
  const token = path.slice(path.lastIndexOf('/') + 1);
  return token.replace(/~1/g, '/').replace(/~0/g, '~');
}

/** The property as a reader finds it: its name, or `effects[0]` for an array element. */
function label(path: string): string {
  if (path === '') return 'The document';
  const token = lastToken(path);
  if (!/^\d+$/.test(token)) return `"${token}"`;
  const parent = path.slice(0, path.lastIndexOf('/'));
  return `"${lastToken(parent)}[${token}]"`;
}

function describe(schema: unknown): string {
  const description = (schema as SchemaNode | undefined)?.description;
  return typeof description === 'string' ? ` (${description.replace(/\.$/, '')})` : '';
}

function article(type: string): string {
  return /^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`;
}

function quoteAll(values: unknown[]): string {
  return values.map((v) => JSON.stringify(v)).join(', ');
}

/** Description of the nearest schema that has one: the error's own, else the union around it. */
function nearestDescription(error: ErrorObject, unionSchemas: Map<string, unknown>): string {
  const own = describe(error.parentSchema);
  if (own !== '') return own;
  const enclosing = [...unionSchemas.keys()].filter((p) => error.schemaPath.startsWith(`${p}/`)).sort((a, b) => b.length - a.length)[0];
  return enclosing === undefined ? '' : describe(unionSchemas.get(enclosing));
}

function extraProperty(error: ErrorObject, path: string): Problem {
  const parent = (error.parentSchema ?? {}) as SchemaNode;
  const extra = (error.params as { additionalProperty: string }).additionalProperty;
  const allowed = Object.keys((parent.properties ?? {}) as SchemaNode);
  if (allowed.length === 0 && parent.patternProperties !== undefined) {
    const patterns = Object.keys(parent.patternProperties as SchemaNode).join(' or ');
    return { code: shapeCode(error.keyword), path, message: `"${extra}" is not a valid name here: names must match ${patterns}${describe(parent)}.` };
  }
  const hint = didYouMean(extra, allowed);
  const where = error.instancePath === '' ? '' : ` in ${label(error.instancePath)}`;
  const message = `Unknown property "${extra}"${where}.${hint.text || ` Allowed: ${allowed.join(', ')}.`}`;
  return { code: shapeCode(error.keyword), path, message, ...(hint.suggestion === undefined ? {} : { suggestion: hint.suggestion }) };
}

function keywordMessage(error: ErrorObject, path: string, description: string): string {
  const params = error.params as Record<string, unknown>;
  const data = error.data;
  switch (error.keyword) {
    case 'type':
      return `${label(path)} must be ${article(String(params.type))}, not ${article(jsonTypeOf(data))}${description}.`;
    case 'pattern':
      return `${label(path)} is ${JSON.stringify(data)}, which does not match ${String(params.pattern)}${description}.`;
    case 'const':
      return `${label(path)} must be ${JSON.stringify(params.allowedValue)}, not ${JSON.stringify(data)}${description}.`;
    case 'enum':
      return `${label(path)} must be one of ${quoteAll(params.allowedValues as unknown[])}${description}.`;
    case 'format':
      return `${label(path)} is ${JSON.stringify(data)}, which is not a valid ${String(params.format)}${description}.`;
    default:
      return `${label(path)} ${error.message ?? 'is invalid'}${description}.`;
  }
}

function toProblem(error: ErrorObject, unionSchemas: Map<string, unknown>): Problem {
  if (error.keyword === 'required') {
    const missing = (error.params as { missingProperty: string }).missingProperty;
    const properties = ((error.parentSchema as SchemaNode | undefined)?.properties ?? {}) as SchemaNode;
    const where = error.instancePath === '' ? '' : ` in ${label(error.instancePath)}`;
    return {
      code: shapeCode(error.keyword),
      path: `${error.instancePath}/${pointerToken(missing)}`,
      message: `Missing required property "${missing}"${where}${describe(properties[missing])}.`,
    };
  }
  if (error.keyword === 'additionalProperties') {
    const extra = (error.params as { additionalProperty: string }).additionalProperty;
    return extraProperty(error, `${error.instancePath}/${pointerToken(extra)}`);
  }
  const path = error.instancePath;
  const problem: Problem = { code: shapeCode(error.keyword), path, message: keywordMessage(error, path, nearestDescription(error, unionSchemas)) };
  if (error.keyword === 'enum' && typeof error.data === 'string') {
    const hint = didYouMean(error.data, ((error.params as { allowedValues: unknown[] }).allowedValues ?? []).map(String));
    if (hint.suggestion !== undefined) return { ...problem, message: problem.message + hint.text, suggestion: hint.suggestion };
  }
  return problem;
}

function unionProblem({ error, verdict }: CollapsedUnion): Problem {
  const path = error.instancePath;
  const description = describe(error.parentSchema);
  if (verdict.kind === 'enum') {
    const allowed = verdict.allowed.map(String);
    const hint = typeof error.data === 'string' ? didYouMean(error.data, allowed) : { text: '' };
    const message = `${label(path)} is ${JSON.stringify(error.data)}; it must be one of ${quoteAll(verdict.allowed)}${description}.${hint.text}`;
    return { code: 'shape.enum', path, message, ...(hint.suggestion === undefined ? {} : { suggestion: hint.suggestion }) };
  }
  const expected = verdict.kind === 'type' ? verdict.expected.map(article).join(' or ') : 'valid';
  return { code: 'shape.type', path, message: `${label(path)} must be ${expected}, not ${article(jsonTypeOf(error.data))}${description}.` };
}

/**
 * Turns Ajv errors (from a validator compiled with `allErrors` and `verbose`) into Problems,
 * collapsing union noise to the branch the value was meant for and dropping duplicates.
 *
 * @example ajvProblems(validate.errors)
 * // [{ code: 'shape.additional-property', path: '/titel', message: 'Unknown property "titel". Did you mean "title"?', suggestion: 'title' }]
 */
export function ajvProblems(errors: ErrorObject[] | null | undefined): Problem[] {
  const all = errors ?? [];
  const unionSchemas = new Map<string, unknown>(
    all.filter((e) => e.keyword === 'anyOf' || e.keyword === 'oneOf').map((e) => [e.schemaPath, e.parentSchema]),
  );
  const { errors: kept, unions } = collapseUnions(all);
  const problems = [...unions.map(unionProblem), ...kept.map((error) => toProblem(error, unionSchemas))];
  const seen = new Set<string>();
  return problems.filter((p) => {
    const key = `${p.path}\u0000${p.code}\u0000${p.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
