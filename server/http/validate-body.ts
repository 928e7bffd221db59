/**
 * Request bodies are checked against the route's schema before the handler runs; every
 * problem names the JSON Pointer of the offending value.
 */
import type { TSchema } from '@sinclair/typebox';
import { Ajv, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { pointerToken, type Problem } from '../../engine/problem.js';
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
    // Property names are escaped as JSON Pointer tokens: a name "a/b" is the member "a~1b", not a path.
    const missing = error.keyword === 'required' ? `/${pointerToken(String((error.params as { missingProperty: string }).missingProperty))}` : '';
    const extra = error.keyword === 'additionalProperties' ? `/${pointerToken(String((error.params as { additionalProperty: string }).additionalProperty))}` : '';
    const path = `${error.instancePath}${missing}${extra}`;
    return { code: `request.${error.keyword}`, path, message: `${path || 'The body'} ${error.message ?? 'is invalid'}.` };
  });
  throw Failure.fromProblems(problems, 'The request body is invalid.');
}

/**
 * Fields a route does not declare are refused, never ignored, so a caller cannot slip in an
 * owner, a status or a platform: a multipart request may carry only the route's declared
 * fields, and a route that declares no body takes none (an empty JSON object is no body).
 * JSON bodies of routes with a schema are left to {@link validateBody}.
 */
export function refuseUndeclaredFields(route: { body?: TSchema; rawBody?: unknown; multipart?: { fields: Record<string, string> } }, input: { body: unknown; isMultipart: boolean }): void {
  const declared = input.isMultipart && route.multipart ? Object.keys(route.multipart.fields) : route.body || route.rawBody ? undefined : [];
  const { body } = input;
  if (declared === undefined || body === null || typeof body !== 'object' || Buffer.isBuffer(body)) return;
  const undeclared = Object.keys(body).filter((name) => !declared.includes(name));
  if (undeclared.length === 0) return;
  throw Failure.fromProblems(
    undeclared.map((name) => ({
      code: 'request.additionalProperties',
      path: `/${name}`,
      message: `请求不接受字段“${name}”，请删除。This request takes no field "${name}"; remove it${declared.length ? ` (it takes: ${declared.join(', ')})` : ''}.`,
    })),
    'The request carries fields this route does not take.',
  );
}
