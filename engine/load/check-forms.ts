/**
 * Forms: the `schema` is a JSON Schema Ajv compiles the way the server validates submissions
 * (draft-07, or 2020-12 when `$schema` says so), the uiSchema names only fields the schema has,
 * and a form a ServiceItem uses is an object at its root (an application's data is named fields).
 */
import type { Problem } from '../problem.js';
import { FormAjvPool, type AjvCore } from '../forms/form-ajv.js';
import { extractFormFields, hasFormField, normalizeFieldPath } from '../forms/fields.js';
import { didYouMean } from '../suggest.js';
import { ajvProblems } from './ajv-problems.js';
import { entriesOf, getDefinition, type DefinitionEntry, type DefinitionSet } from './definition-set.js';
import { problemIn, type Finding } from './problem-in.js';

/** Keywords whose value maps names to schemas: the map itself is not a schema. */
const schemaMaps = new Set(['properties', 'patternProperties', 'definitions', '$defs', 'dependencies']);

/**
 * `format` values Ajv does not know. Non-strict Ajv ignores them silently, so a misspelt
 * "cn-mobil" would accept anything; the loader refuses it instead.
 */
function formatFindings(ajv: AjvCore, id: string, node: unknown, at: string[] = ['schema']): Finding[] {
  if (typeof node !== 'object' || node === null) return [];
  if (Array.isArray(node)) return node.flatMap((child, i) => formatFindings(ajv, id, child, [...at, String(i)]));
  const findings: Finding[] = [];
  for (const [key, value] of Object.entries(node)) {
    if (key === 'format' && typeof value === 'string' && !Object.hasOwn(ajv.formats, value)) {
      const hint = didYouMean(value, Object.keys(ajv.formats));
      findings.push({ code: 'form.schema-invalid', at: [...at, key], message: `Form "${id}": schema uses unknown format "${value}".${hint.text}`, suggestion: hint.suggestion });
    } else if (schemaMaps.has(key) && typeof value === 'object' && value !== null && !Array.isArray(value)) {
      for (const [name, child] of Object.entries(value)) findings.push(...formatFindings(ajv, id, child, [...at, key, name]));
    } else if (typeof value === 'object') findings.push(...formatFindings(ajv, id, value, [...at, key]));
  }
  return findings;
}

function schemaFindings(pool: FormAjvPool, id: string, schema: Record<string, unknown>): Finding[] {
  const label = `Form "${id}": schema`;
  const ajv = pool.ajvFor(schema);
  if (ajv === undefined) {
    const message = `${label} declares "$schema": ${JSON.stringify(schema.$schema)}; forms are draft-07 (no "$schema", or "http://json-schema.org/draft-07/schema#") or 2020-12 ("https://json-schema.org/draft/2020-12/schema").`;
    return [{ code: 'form.schema-invalid', at: ['schema', '$schema'], message }];
  }
  if (!ajv.validateSchema(schema)) {
    // The same Ajv-to-problem translation as definitions get, re-coded and re-rooted at /schema.
    return ajvProblems(ajv.errors).map((p) => ({
      code: 'form.schema-invalid',
      at: ['schema', ...p.path.split('/').slice(1).map((t) => t.replace(/~1/g, '/').replace(/~0/g, '~'))],
      message: `${label} is not a valid JSON Schema: ${p.message}`,
      suggestion: p.suggestion,
    }));
  }
  const formats = formatFindings(ajv, id, schema);
  if (formats.length > 0) return formats;
  try {
    ajv.removeSchema(schema);
    ajv.compile(schema);
    return [];
  } catch (error) {
    return [{ code: 'form.schema-invalid', at: ['schema'], message: `${label} does not compile: ${(error as Error).message}.` }];
  } finally {
    // Only whether it compiles matters here: left in Ajv's cache, every loaded draft would stay in memory.
    ajv.removeSchema(schema);
  }
}

type UiNode = Record<string, unknown>;

function isUiNode(value: unknown): value is UiNode {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Keys of a uiSchema level that are not `ui:` options must be fields (or `items`/`additionalItems` of an array field). */
function uiFindings(form: { id: string; schema: object }, ui: UiNode, prefix: { field: string; at: string[] }): Finding[] {
  const fields = extractFormFields(form.schema);
  const findings: Finding[] = [];
  const unknown = (name: string, at: string[]) => {
    const hint = didYouMean(normalizeFieldPath(name), fields);
    findings.push({ code: 'form.ui-field-unknown', at, message: `Form "${form.id}": uiSchema names field "${name}", which the schema does not have.${hint.text}`, suggestion: hint.suggestion });
  };
  for (const [key, value] of Object.entries(ui)) {
    if (key.startsWith('ui:')) continue;
    // `items` and (for tuples) `additionalItems` style an array field's elements, as in rjsf.
    const isItems = (key === 'items' || key === 'additionalItems') && prefix.field !== '' && hasFormField(form.schema, `${prefix.field}.*`);
    const field = isItems ? `${prefix.field}.*` : prefix.field === '' ? key : `${prefix.field}.${key}`;
    const at = [...prefix.at, key];
    if (!isItems && !hasFormField(form.schema, field)) unknown(field, at);
    else if (isUiNode(value)) findings.push(...uiFindings(form, value, { field, at }));
  }
  const order = ui['ui:order'];
  if (Array.isArray(order)) {
    order.forEach((name, i) => {
      const field = prefix.field === '' ? String(name) : `${prefix.field}.${String(name)}`;
      if (name !== '*' && !hasFormField(form.schema, field)) unknown(field, [...prefix.at, 'ui:order', String(i)]);
    });
  }
  return findings;
}

function checkForm(pool: FormAjvPool, entry: DefinitionEntry<'Form'>): Problem[] {
  const form = entry.definition;
  const findings = [
    ...schemaFindings(pool, form.id, form.schema),
    ...(form.uiSchema === undefined ? [] : uiFindings(form, form.uiSchema, { field: '', at: ['uiSchema'] })),
  ];
  return findings.map((f) => problemIn(entry, f));
}

/** A service item's form must be an object at its root: a case's data is a set of named fields. */
function itemFormProblems(set: DefinitionSet): Problem[] {
  return entriesOf(set, 'ServiceItem').flatMap((entry) => {
    const item = entry.definition;
    const form = getDefinition(set, 'Form', item.form);
    if (form === undefined || form.schema.type === 'object') return [];
    const root = form.schema.type === undefined ? 'has no "type"' : `has "type": ${JSON.stringify(form.schema.type)}`;
    return [problemIn(entry, {
      code: 'item.form-not-object',
      at: ['form'],
      message: `ServiceItem "${item.id}": form "${form.id}" ${root} at its root, but an application's data is a set of named fields; give the form "type": "object" with its fields under "properties".`,
    })];
  });
}

/** Schema and uiSchema problems of every form in the set, and items whose form is not an object. */
export function checkForms(set: DefinitionSet): Problem[] {
  const pool = new FormAjvPool();
  return [...entriesOf(set, 'Form').flatMap((entry) => checkForm(pool, entry)), ...itemFormProblems(set)];
}
