/**
 * The Ajv instances the loader uses. Kinds are validated draft-07 with all errors at once;
 * form schemas get their own instance, configured like the server's form validation
 * (engine/forms/validate.ts), so a form that loads is a form the server can validate with.
 */
import { Ajv } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { registerFormats } from '../forms/formats.js';
import { formAjvOptions } from '../forms/validate.js';

/** ajv-formats is CommonJS; under NodeNext its default export sits on `.default`. */
const addFormats = addFormatsModule.default;

/** Ajv for definition documents: draft-07, every error, verbose errors (they carry the schema's description). */
export function createDefinitionAjv(): Ajv {
  const ajv = new Ajv({ allErrors: true, strict: false, verbose: true });
  addFormats(ajv);
  return ajv;
}

/**
 * Ajv for compiling form schemas: the server's options and custom formats. `data-url` (rjsf's
 * file widget) is registered by name only; the loader only needs to know the schema compiles.
 */
export function createFormSchemaAjv(): Ajv {
  // logger off: Ajv would print warnings; the loader reports through problems instead.
  const ajv = new Ajv({ ...formAjvOptions, logger: false });
  addFormats(ajv);
  ajv.addFormat('data-url', { type: 'string', validate: () => true });
  return registerFormats(ajv);
}
