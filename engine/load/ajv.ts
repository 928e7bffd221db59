/**
 * The Ajv instance the loader validates definition documents with: draft-07, all errors at
 * once. Form schemas compile in their own instances (engine/forms/form-ajv.ts), configured like
 * the server's form validation, so a form that loads is a form the server can validate with.
 */
import { Ajv } from 'ajv';
import addFormatsModule from 'ajv-formats';

/** ajv-formats is CommonJS; under NodeNext its default export sits on `.default`. */
const addFormats = addFormatsModule.default;

/** Ajv for definition documents: draft-07, every error, verbose errors (they carry the schema's description). */
export function createDefinitionAjv(): Ajv {
  const ajv = new Ajv({ allErrors: true, strict: false, verbose: true });
  addFormats(ajv);
  return ajv;
}
