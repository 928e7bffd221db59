/**
 * The Ajv instances form schemas compile in, configured like @rjsf/validator-ajv8 so the server
 * and the browser agree: draft-07 by default (rjsf's own), Ajv2020 where a schema's `$schema`
 * says 2020-12; every error at once; non-strict, because forms carry keywords that are not JSON
 * Schema (`enumNames`, `group`) and rjsf ignores them; ajv-formats, rjsf's `data-url` and
 * `color`, and our custom formats.
 */
import { Ajv } from 'ajv';
import { Ajv2020 } from 'ajv/dist/2020.js';
import type * as ajvCore from 'ajv/dist/core.js';
import addFormatsModule from 'ajv-formats';
import { registerFormats, type FormatOptions } from './formats.js';

/** ajv-formats is CommonJS; under NodeNext its default export sits on `.default`. */
const addFormats = addFormatsModule.default;

/** What Ajv and Ajv2020 have in common (both extend ajv's core class). */
export type AjvCore = ajvCore.default;

/** The JSON Schema drafts a form may be written in. */
export type FormDraft = 'draft-07' | '2020-12';

/** `$schema` values naming each draft (with or without the trailing `#`, http or https). */
const draftPatterns: Array<[FormDraft, RegExp]> = [
  ['2020-12', /^https?:\/\/json-schema\.org\/draft\/2020-12\/schema#?$/],
  ['draft-07', /^https?:\/\/json-schema\.org\/draft-07\/schema#?$/],
];

/** The options @rjsf/validator-ajv8 uses (verbose so errors carry the field schema and its title). */
export const formAjvOptions = { allErrors: true, multipleOfPrecision: 8, strict: false, verbose: true, logger: false } as const;

/** The data-url format @rjsf/validator-ajv8 adds for file widgets. */
const DATA_URL_FORMAT = /^data:([a-z]+\/[a-z0-9-+.]+)?;(?:name=(.*);)?base64,(.*)$/;

/** The color format @rjsf/validator-ajv8 adds for color widgets (hex, CSS names, rgb()). */
const COLOR_FORMAT =
  /^(#?([0-9A-Fa-f]{3}){1,2}\b|aqua|black|blue|fuchsia|gray|green|lime|maroon|navy|olive|orange|purple|red|silver|teal|white|yellow|(rgb\(\s*\b([0-9]|[1-9][0-9]|1[0-9][0-9]|2[0-4][0-9]|25[0-5])\b\s*,\s*\b([0-9]|[1-9][0-9]|1[0-9][0-9]|2[0-4][0-9]|25[0-5])\b\s*,\s*\b([0-9]|[1-9][0-9]|1[0-9][0-9]|2[0-4][0-9]|25[0-5])\b\s*\))|(rgb\(\s*(\d?\d%|100%)+\s*,\s*(\d?\d%|100%)+\s*,\s*(\d?\d%|100%)+\s*\)))$/;

function isNode(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * The draft a form schema is written in: the one its `$schema` names; draft-07 when it names
 * none; undefined when it names a draft forms do not support (the loader reports that).
 *
 * @example formDraftOf({ $schema: 'https://json-schema.org/draft/2020-12/schema' }) // '2020-12'
 */
export function formDraftOf(schema: unknown): FormDraft | undefined {
  const declared = isNode(schema) ? schema.$schema : undefined;
  if (declared === undefined) return 'draft-07';
  return draftPatterns.find(([, pattern]) => typeof declared === 'string' && pattern.test(declared))?.[0];
}

/** Format predicates that replace the standard ones in one pool (the identity locator of form-findings.ts). */
export type FormatOverrides = Record<string, (value: string) => boolean>;

/** A new Ajv for forms of one draft. `formats.today` feeds the "not in the future" birth-date check. */
export function createFormAjv(draft: FormDraft, formats: FormatOptions = {}, overrides: FormatOverrides = {}): AjvCore {
  const ajv: AjvCore = draft === '2020-12' ? new Ajv2020(formAjvOptions) : new Ajv(formAjvOptions);
  addFormats(ajv);
  ajv.addFormat('data-url', DATA_URL_FORMAT);
  ajv.addFormat('color', COLOR_FORMAT);
  registerFormats(ajv, formats);
  for (const [name, validate] of Object.entries(overrides)) ajv.addFormat(name, { type: 'string', validate });
  return ajv;
}

/** True when the schema declares an `$id` anywhere (below `enum`/`const` values it is data, not an id). */
export function declaresIds(schema: unknown): boolean {
  if (Array.isArray(schema)) return schema.some(declaresIds);
  if (!isNode(schema)) return false;
  return Object.entries(schema).some(([key, value]) => key === '$id' || (key !== 'enum' && key !== 'const' && declaresIds(value)));
}

/**
 * Ajv instances for many forms: one shared instance per draft, created on first use (an
 * instance costs ~15 ms), and a fresh one for each schema that declares `$id`s, because Ajv
 * registers ids per instance and two forms may well name the same id.
 */
export class FormAjvPool {
  private readonly shared = new Map<FormDraft, AjvCore>();

  constructor(
    private readonly formats: FormatOptions = {},
    private readonly overrides: FormatOverrides = {},
  ) {}

  /** The instance to compile `schema` in; undefined for an unsupported `$schema`. */
  ajvFor(schema: unknown): AjvCore | undefined {
    const draft = formDraftOf(schema);
    if (draft === undefined) return undefined;
    if (declaresIds(schema)) return createFormAjv(draft, this.formats, this.overrides);
    let ajv = this.shared.get(draft);
    if (ajv === undefined) {
      ajv = createFormAjv(draft, this.formats, this.overrides);
      this.shared.set(draft, ajv);
    }
    return ajv;
  }
}
