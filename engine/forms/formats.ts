/**
 * The custom string formats form schemas may use. The same checks run in the browser (pass
 * `formatValidators()` to @rjsf/validator-ajv8's `customizeValidator({ customFormats })`) and on
 * the server (`registerFormats(ajv)`), so both sides agree on what is valid.
 */
import type { AjvCore } from './form-ajv.js';
import { isMobile, isRegionCode, isResidentId, isUsccShape } from './identity.js';

/** Names of the custom formats, as written in a form schema (`"format": "cn-resident-id"`). */
export const customFormatNames = ['cn-resident-id', 'cn-uscc', 'cn-mobile', 'region'] as const;
export type CustomFormatName = (typeof customFormatNames)[number];

export interface FormatOptions {
  /**
   * Today's date (YYYY-MM-DD, China) for "not in the future" checks, read at each validation.
   * The engine never reads the clock: the server passes the decision's `now`, the browser its own date.
   * When it returns undefined, birth dates are not checked against today.
   */
  today?: () => string | undefined;
}

/**
 * The format checks as plain predicates, keyed by format name: the hard-reject tier of
 * reliability-goals §5. `cn-uscc` checks the alphabet and shape only: a wrong check character is
 * a soft reject that the applicant may confirm (identity-policy.ts, applied by validateFormData).
 */
export function formatValidators(options: FormatOptions = {}): Record<CustomFormatName, (value: string) => boolean> {
  return {
    'cn-resident-id': (value) => {
      const today = options.today?.();
      return isResidentId(value, today === undefined ? {} : { today });
    },
    'cn-uscc': isUsccShape,
    'cn-mobile': isMobile,
    region: isRegionCode,
  };
}

/**
 * Registers the custom formats on an Ajv instance (call after ajv-formats).
 *
 * @example
 * const ajv = new Ajv({ allErrors: true, multipleOfPrecision: 8, strict: false });
 * addFormats(ajv);
 * registerFormats(ajv, { today: () => '2026-01-04' });
 */
export function registerFormats<A extends AjvCore>(ajv: A, options: FormatOptions = {}): A {
  for (const [name, validate] of Object.entries(formatValidators(options))) {
    ajv.addFormat(name, { type: 'string', validate });
  }
  return ajv;
}
