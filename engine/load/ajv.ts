/**
 * The Ajv instances the loader uses. Kinds are validated draft-07 with all errors at once;
 * form schemas get their own instance so a form's formats and keywords never leak into the
 * meta-schema validation.
 */
import { Ajv } from 'ajv';
import addFormatsModule from 'ajv-formats';

/** ajv-formats is CommonJS; under NodeNext its default export sits on `.default`. */
const addFormats = addFormatsModule.default;

/** The custom string formats forms may use; engine/forms/formats.ts holds their real checks. */
export const customFormatNames = ['cn-resident-id', 'cn-uscc', 'cn-mobile', 'region'] as const;

/** Ajv for definition documents: draft-07, every error, verbose errors (they carry the schema's description). */
export function createDefinitionAjv(): Ajv {
  const ajv = new Ajv({ allErrors: true, strict: false, verbose: true });
  addFormats(ajv);
  return ajv;
}

/**
 * Ajv for compiling form schemas. The custom formats are registered by name only (any string
 * passes) because the loader only needs to know the schema compiles.
 */
export function createFormSchemaAjv(): Ajv {
  const ajv = new Ajv({ allErrors: true, strict: false, verbose: true });
  addFormats(ajv);
  for (const name of customFormatNames) ajv.addFormat(name, { type: 'string', validate: () => true });
  return ajv;
}
