/**
 * Server-side validation of form data. The server is the authority; it runs Ajv configured like
 * @rjsf/validator-ajv8 (see form-ajv.ts: draft-07, or 2020-12 when the schema says so) so what
 * the browser accepts, the server accepts too.
 */
import type { ValidateFunction } from 'ajv';
import { chinaDateOf } from '../calendar/local-date.js';
import type { Form } from '../kinds/form.js';
import type { Problem } from '../problem.js';
import { FormAjvPool, type AjvCore } from './form-ajv.js';
import { formFindings } from './form-findings.js';
import { formProblems } from './form-problems.js';

export { formAjvOptions } from './form-ajv.js';

export interface ValidateFormOptions {
  /** The current instant or date (ISO 8601); birth dates after it are rejected. Omit to skip that check. */
  now?: string;
  /**
   * JSON Pointers into the data whose soft rejects (`level: 'confirm'`, e.g. a USCC whose check
   * character fails) the applicant confirmed; those are no longer refused.
   */
  confirmations?: readonly string[];
}

// Ajv is synchronous, so the date a format reads is the date of the validation in progress.
let today: string | undefined;

const pool = new FormAjvPool({ today: () => today });

interface Compiled {
  schema: Form['schema'];
  text: string;
  ajv: AjvCore;
  validate: ValidateFunction;
}

/**
 * Compiled validators by form id@version. A draft may change under the same version, so the
 * schema text is kept and a change recompiles (and drops the stale schema from Ajv's own cache).
 */
const compiled = new Map<string, Compiled>();
/** Bounds the cache: every draft version of every form would otherwise stay compiled. */
const MAX_COMPILED = 256;

function validatorFor(form: Form): ValidateFunction {
  const key = `${form.id}@${form.version}`;
  const cached = compiled.get(key);
  if (cached !== undefined && (cached.schema === form.schema || cached.text === JSON.stringify(form.schema))) {
    return cached.validate;
  }
  if (cached !== undefined) cached.ajv.removeSchema(cached.schema);
  const ajv = pool.ajvFor(form.schema);
  // Loaded forms were checked by the loader, which refuses an unsupported $schema.
  if (ajv === undefined) throw new Error(`Form "${form.id}" declares an unsupported $schema.`);
  const validate = ajv.compile(form.schema);
  if (compiled.size >= MAX_COMPILED) {
    // Oldest first: Map keeps insertion order.
    const [oldestKey, oldest] = compiled.entries().next().value as [string, Compiled];
    oldest.ajv.removeSchema(oldest.schema);
    compiled.delete(oldestKey);
  }
  compiled.set(key, { schema: form.schema, text: JSON.stringify(form.schema), ajv, validate });
  return validate;
}

/** A validation's outcome: what refuses the data, and every soft reject found in it, confirmed or not. */
export interface FormValidation {
  problems: Problem[];
  /** The soft rejects (`level: 'confirm'`) in the data; the confirmed ones become review flags. */
  confirmable: Problem[];
}

/**
 * Validates form data against a form's schema; returns every problem at once, [] when valid:
 * the schema's own (formats are the hard-reject tier) and each soft reject not confirmed.
 * Paths are JSON Pointers into the data (`/applicant/idNumber`; for a missing field, the
 * field's own path) and messages name the field by its schema title.
 *
 * @example
 * validateFormData(form, { applicant: { idNumber: '110105194912310021' } });
 * // [{ code: 'form.format', path: '/applicant/idNumber', message: '"身份证号" 格式不正确，…' }]
 */
export function validateFormData(form: Form, data: unknown, options: ValidateFormOptions = {}): Problem[] {
  return validateForm(form, data, options).problems;
}

/**
 * {@link validateFormData} with the soft rejects it found, so a caller that also needs them
 * (decide's review flags) does not look for them in the same data a second time.
 */
export function validateForm(form: Form, data: unknown, options: ValidateFormOptions = {}): FormValidation {
  const validate = validatorFor(form);
  today = options.now === undefined ? undefined : chinaDateOf(options.now);
  let problems: Problem[];
  try {
    problems = validate(data) ? [] : formProblems(validate.errors, form.schema);
  } finally {
    today = undefined;
  }
  const confirmed = new Set(options.confirmations ?? []);
  const confirmable = unconfirmed(form, data);
  return { problems: [...problems, ...confirmable.filter((finding) => !confirmed.has(finding.path))], confirmable };
}

/** The soft rejects in `data`: problems with `level: 'confirm'`, refused until their path is confirmed. */
export function unconfirmed(form: Form, data: unknown): Problem[] {
  return formFindings(form.schema, data).filter((finding) => finding.level === 'confirm');
}
