/**
 * Shape validation: the first of the two loading passes. It checks one document on its own
 * (kind, schema version, then the kind's meta-schema) and reports every problem at once.
 */
import type { ValidateFunction } from 'ajv';
import { kindNames, kinds, SCHEMA_VERSION, isKindName, type KindName } from '../kinds/index.js';
import type { Problem } from '../problem.js';
import { didYouMean } from '../suggest.js';
import { createDefinitionAjv } from './ajv.js';
import { ajvProblems } from './ajv-problems.js';
import { checkLimits } from './check-limits.js';

const ajv = createDefinitionAjv();
const validators = new Map<KindName, ValidateFunction>();

/**
 * A copy of the schema where maps keyed by a pattern (TypeBox `Type.Record(Key, …)`) refuse
 * other keys: without `additionalProperties: false` a step named "bad-name" would pass unchecked,
 * body and all.
 */
function closeRecords(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(closeRecords);
  if (typeof node !== 'object' || node === null) return node;
  const copy = Object.fromEntries(Object.entries(node).map(([key, value]) => [key, closeRecords(value)]));
  const isOpenRecord = copy.patternProperties !== undefined && copy.properties === undefined && copy.additionalProperties === undefined;
  return isOpenRecord ? { ...copy, additionalProperties: false } : copy;
}

/** The kind's validator, compiled on first use and kept. */
function validatorFor(kind: KindName): ValidateFunction {
  let validate = validators.get(kind);
  if (validate === undefined) {
    validate = ajv.compile(closeRecords(kinds[kind]) as object);
    validators.set(kind, validate);
  }
  return validate;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function withFile(problems: Problem[], file: string | undefined): Problem[] {
  return file === undefined ? problems : problems.map((p) => ({ ...p, file }));
}

/** The problem with `kind`, or the kind when it names a known one. */
function checkKind(doc: Record<string, unknown>): { kind: KindName } | { problem: Problem } {
  const kind = doc.kind;
  if (isKindName(kind)) return { kind };
  const hint = typeof kind === 'string' ? didYouMean(kind, kindNames) : { text: '' };
  const what = kind === undefined ? 'has no "kind"' : `has unknown kind ${JSON.stringify(kind)}`;
  return {
    problem: {
      code: 'definition.kind-unknown',
      path: '/kind',
      message: `The document ${what}; it must be one of ${kindNames.join(', ')}.${hint.text}`,
      ...(hint.suggestion === undefined ? {} : { suggestion: hint.suggestion }),
    },
  };
}

/**
 * Checks one document's shape: within the limits of `checkLimits`, `kind` must name a known kind, `schemaVersion` must be
 * supported, and the rest must match the kind's meta-schema. Every problem carries `file` when given.
 *
 * @example validateShape({ kind: 'Workflw' }, 'flows/standard.json')
 * // [{ code: 'definition.kind-unknown', path: '/kind', message: '… Did you mean "Workflow"?', suggestion: 'Workflow', file: 'flows/standard.json' }]
 */
export function validateShape(doc: unknown, file?: string): Problem[] {
  if (!isRecord(doc)) {
    const message = 'The document must be a JSON object with "kind", "schemaVersion", "id", "version" and "title".';
    return withFile([{ code: 'shape.type', path: '', message }], file);
  }
  // Limits first: nothing below should walk a document that is too big or too deep.
  const overLimits = checkLimits(doc);
  if (overLimits.length > 0) return withFile(overLimits, file);
  const kind = checkKind(doc);
  if ('problem' in kind) return withFile([kind.problem], file);
  if (doc.schemaVersion !== SCHEMA_VERSION) {
    const message = `${kind.kind} document has schemaVersion ${JSON.stringify(doc.schemaVersion)}; this release reads schemaVersion ${SCHEMA_VERSION}.`;
    return withFile([{ code: 'definition.schema-version-unsupported', path: '/schemaVersion', message }], file);
  }
  const validate = validatorFor(kind.kind);
  return validate(doc) ? [] : withFile(ajvProblems(validate.errors), file);
}
