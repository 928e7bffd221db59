/**
 * The identity policy (identity-policy.ts) over a whole form: every value the form holds under
 * `cn-resident-id` or `cn-uscc`, found by Ajv itself so `$ref`s, arrays and if/then/else pick
 * the format that applies to the data (a certificate number is a USCC for a company, an ID for a
 * person). The browser runs this as the applicant types and the server on every submission.
 */
import type { ValidateFunction } from 'ajv';
import type { Problem } from '../problem.js';
import { FormAjvPool, type AjvCore } from './form-ajv.js';
import { fieldLabel } from './form-problems.js';
import { isResidentId, isUsccShape } from './identity.js';
import { identityFormats, identityNotes, type IdentityFormat, type IdentityLevel, type IdentityPolicyOptions } from './identity-policy.js';

/** A confirm or warning at a field: a JSON Pointer into the form data. */
export interface FormFinding extends Problem {
  level: IdentityLevel;
}

/**
 * Locators, not validators: each "fails" exactly the values that pass the hard tier, so Ajv
 * reports the path of every well-formed identity value (a malformed one is the form's own error).
 */
const locators = {
  'cn-resident-id': (value: string) => !isResidentId(value),
  'cn-uscc': (value: string) => !isUsccShape(value),
};

const pool = new FormAjvPool({}, locators);

/** How many schemas stay compiled; a studio preview edits schemas, so the cache is bounded. */
const MAX_COMPILED = 64;
const compiled = new Map<string, { ajv: AjvCore; schema: object; validate: ValidateFunction }>();

function locatorFor(schema: unknown): ValidateFunction | undefined {
  const text = JSON.stringify(schema);
  const cached = compiled.get(text);
  if (cached !== undefined) return cached.validate;
  const ajv = pool.ajvFor(schema);
  if (ajv === undefined || typeof schema !== 'object' || schema === null) return undefined;
  if (compiled.size >= MAX_COMPILED) {
    for (const entry of compiled.values()) entry.ajv.removeSchema(entry.schema);
    compiled.clear();
  }
  // A copy, so a caller editing its schema object later cannot change what was compiled.
  const own = JSON.parse(text) as object;
  const validate = ajv.compile(own);
  compiled.set(text, { ajv, schema: own, validate });
  return validate;
}

function isIdentityFormat(format: unknown): format is IdentityFormat {
  return (identityFormats as readonly unknown[]).includes(format);
}

/**
 * Every confirm and warning for the identity numbers in `data`, in form order, paths into the
 * data. Values the form refuses outright are left to `validateFormData`.
 *
 * @example
 * formFindings(form.schema, { pledgeeUscc: '91350203M0001FUE2P' });
 * // [{ path: '/pledgeeUscc', code: 'identity.uscc-check', level: 'confirm', message: '"质权人统一社会信用代码" 校验码不符，…' }]
 */
export function formFindings(schema: unknown, data: unknown, options: Omit<IdentityPolicyOptions, 'label'> = {}): FormFinding[] {
  const validate = locatorFor(schema);
  if (validate === undefined || validate(data)) return [];
  const seen = new Set<string>();
  const findings: FormFinding[] = [];
  for (const error of validate.errors ?? []) {
    const format = (error.params as { format?: unknown }).format;
    if (error.keyword !== 'format' || !isIdentityFormat(format) || typeof error.data !== 'string') continue;
    // The same value may be reached twice (allOf, a $ref and its branch): report it once.
    const key = `${error.instancePath}|${format}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const label = fieldLabel(error, schema);
    for (const note of identityNotes(format, error.data, { ...options, label })) findings.push({ ...note, path: error.instancePath });
  }
  return findings;
}
