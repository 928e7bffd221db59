/**
 * Request bodies are checked against the route's schema before the handler runs; every
 * problem names the JSON Pointer of the offending value.
 */
import type { TSchema } from '@sinclair/typebox';
import { Ajv, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import type { Problem } from '../../engine/problem.js';
import { Failure } from './failure.js';

/** ajv-formats is CommonJS; under NodeNext its default export sits on `.default`. */
const addFormats = addFormatsModule.default;
// Formats (date, email, uri …) are checked, not ignored: a body's "date" must be a real day.
const ajv = new Ajv({ allErrors: true, strict: false });
addFormats(ajv);
const compiled = new WeakMap<TSchema, ValidateFunction>();

export function validateBody(schema: TSchema, body: unknown): void {
  let validate = compiled.get(schema);
  if (!validate) {
    validate = ajv.compile(schema);
    compiled.set(schema, validate);
  }
  if (validate(body)) return;
  const problems: Problem[] = (validate.errors ?? []).map((error) => {
    const missing = error.keyword === 'required' ? `/${String((error.params as { missingProperty: string }).missingProperty)}` : '';
    const extra = error.keyword === 'additionalProperties' ? `/${String((error.params as { additionalProperty: string }).additionalProperty)}` : '';
    const path = `${error.instancePath}${missing}${extra}`;
    return { code: `request.${error.keyword}`, path, message: `${path || 'The body'} ${error.message ?? 'is invalid'}.` };
  });
  throw Failure.fromProblems(problems, 'The request body is invalid.');
}
