/**
 * Server-side validation of form data. The server is the authority; it runs Ajv configured like
 * @rjsf/validator-ajv8 (draft-07, allErrors, multipleOfPrecision 8, non-strict, ajv-formats,
 * plus our custom formats) so what the browser accepts, the server accepts too.
 */
import { Ajv, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { formatLocalDate, parseInstant } from '../calendar/local-date.js';
import type { Form } from '../kinds/form.js';
import type { Problem } from '../problem.js';
import { formProblems } from './form-problems.js';
import { registerFormats } from './formats.js';

/** ajv-formats is CommonJS; under NodeNext its default export sits on `.default`. */
const addFormats = addFormatsModule.default;

/** The data-url format @rjsf/validator-ajv8 adds for file widgets. */
const DATA_URL_FORMAT = /^data:([a-z]+\/[a-z0-9-+.]+)?;(?:name=(.*);)?base64,(.*)$/;

export interface ValidateFormOptions {
  /** The current instant or date (ISO 8601); birth dates after it are rejected. Omit to skip that check. */
  now?: string;
}

// Ajv is synchronous, so the date a format reads is the date of the validation in progress.
let today: string | undefined;

/** The Ajv options @rjsf/validator-ajv8 uses (verbose so errors carry the field schema and its title). */
export const formAjvOptions = { allErrors: true, multipleOfPrecision: 8, strict: false, verbose: true } as const;

function createFormAjv(): Ajv {
  const ajv = new Ajv(formAjvOptions);
  addFormats(ajv);
  ajv.addFormat('data-url', DATA_URL_FORMAT);
  return registerFormats(ajv, { today: () => today });
}

const ajv = createFormAjv();

/**
 * Compiled validators by form id@version. A draft may change under the same version, so the
 * schema text is kept and a change recompiles (and drops the stale schema from Ajv's own cache).
 */
const compiled = new Map<string, { schema: Form['schema']; text: string; validate: ValidateFunction }>();

function validatorFor(form: Form): ValidateFunction {
  const key = `${form.id}@${form.version}`;
  const cached = compiled.get(key);
  if (cached !== undefined && (cached.schema === form.schema || cached.text === JSON.stringify(form.schema))) {
    return cached.validate;
  }
  if (cached !== undefined) ajv.removeSchema(cached.schema);
  const validate = ajv.compile(form.schema);
  compiled.set(key, { schema: form.schema, text: JSON.stringify(form.schema), validate });
  return validate;
}

/**
 * Validates form data against a form's schema; returns every problem at once, [] when valid.
 * Paths are JSON Pointers into the data (`/applicant/idNumber`; for a missing field, the
 * field's own path) and messages name the field by its schema title.
 *
 * @example
 * validateFormData(form, { applicant: { idNumber: '110105194912310021' } });
 * // [{ code: 'form.format', path: '/applicant/idNumber', message: '"身份证号" 格式不正确，…' }]
 */
export function validateFormData(form: Form, data: unknown, options: ValidateFormOptions = {}): Problem[] {
  const validate = validatorFor(form);
  today = options.now === undefined ? undefined : formatLocalDate(parseInstant(options.now));
  try {
    return validate(data) ? [] : formProblems(validate.errors, form.schema);
  } finally {
    today = undefined;
  }
}
