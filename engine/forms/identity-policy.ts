/**
 * The policy levels of reliability-goals §5 for identity numbers that passed their format (the
 * hard-reject tier: `cn-resident-id` and `cn-uscc` in formats.ts). What is left is either a
 * **confirm** (a soft reject: refused until the applicant confirms the value, then flagged for
 * staff review) or a **warning** (travels back with the answer, never refuses):
 *
 * | field | finding | level |
 * |---|---|---|
 * | resident ID | address code not in GB/T 2260 (abolished codes stay on real cards) | warning |
 * | USCC | GB 32100 check character wrong (real pre-2016 codes fail it, e.g. 91350203M0001FUE2P) | confirm |
 * | USCC | embedded GB 11714 organisation code fails its own check | warning |
 * | USCC | the value is a valid resident ID number (hutool#1367: 362322198709086409) | warning |
 * | USCC | region code (positions 3–8) not in GB/T 2260 | warning |
 *
 * Messages name the field, never its value (ID numbers are personal data).
 */
import { hasValidOrganizationCode, isResidentId, isUscc, isUsccShape, normalizeIdentity } from './identity.js';
import { gbt2260Codes } from './region-codes.js';

/** `confirm`: refused until the path is confirmed; `warning`: told, never refused. */
export type IdentityLevel = 'warning' | 'confirm';

export interface IdentityNote {
  /** Stable code, e.g. `identity.uscc-check`. */
  code: string;
  level: IdentityLevel;
  message: string;
}

/** The formats this policy knows. */
export type IdentityFormat = 'cn-resident-id' | 'cn-uscc';

export const identityFormats: readonly IdentityFormat[] = ['cn-resident-id', 'cn-uscc'];

export interface IdentityPolicyOptions {
  /** The field's title, for messages; default 该号码. */
  label?: string;
  /** The administrative-division codes counted as known; default the GB/T 2260 table (region-codes.ts). */
  regionCodes?: ReadonlySet<string>;
}

/** Region code that USCCs registered by national authorities carry (not a GB/T 2260 county). */
const NATIONAL_REGION = '100000';

function isKnownRegion(code: string, options: IdentityPolicyOptions): boolean {
  return (options.regionCodes ?? gbt2260Codes).has(code);
}

function residentIdNotes(value: string, field: string, options: IdentityPolicyOptions): IdentityNote[] {
  if (!isResidentId(value)) return [];
  if (isKnownRegion(normalizeIdentity(value).slice(0, 6), options)) return [];
  return [
    {
      code: 'identity.region-unknown',
      level: 'warning',
      message: `${field} 前6位的行政区划代码不在现行 GB/T 2260 代码表中，请核对；已撤销的旧代码在真实证件上仍然有效，如与证件一致可继续提交。`,
    },
  ];
}

function usccNotes(value: string, field: string, options: IdentityPolicyOptions): IdentityNote[] {
  if (!isUsccShape(value)) return [];
  const code = normalizeIdentity(value);
  const notes: IdentityNote[] = [];
  if (!isUscc(code)) {
    notes.push({
      code: 'identity.uscc-check',
      level: 'confirm',
      message: `${field} 校验码不符，请核对。部分2016年以前登记的代码不符合 GB 32100 校验规则；如与营业执照一致，请勾选确认后提交，办件将交工作人员复核。`,
    });
  }
  if (isResidentId(code)) {
    notes.push({ code: 'identity.uscc-looks-like-id', level: 'warning', message: `${field} 看起来是居民身份证号码，请填写18位统一社会信用代码。` });
  }
  if (!hasValidOrganizationCode(code)) {
    notes.push({
      code: 'identity.organization-code',
      level: 'warning',
      message: `${field} 第9–17位组织机构代码的校验位不符（GB 11714），请核对是否填写了其他证件的号码。`,
    });
  }
  const region = code.slice(2, 8);
  if (region !== NATIONAL_REGION && !isKnownRegion(region, options)) {
    notes.push({ code: 'identity.region-unknown', level: 'warning', message: `${field} 第3–8位的行政区划代码不在现行 GB/T 2260 代码表中，请核对。` });
  }
  return notes;
}

/**
 * The confirms and warnings for one value typed into a field of `format`; [] for a value the
 * format refuses outright (the form's validation reports that) and for a clean one.
 *
 * @example identityNotes('cn-uscc', '91350203M0001FUE2P') // [{ code: 'identity.uscc-check', level: 'confirm', … }]
 */
export function identityNotes(format: IdentityFormat, value: string, options: IdentityPolicyOptions = {}): IdentityNote[] {
  const field = `"${options.label ?? '该号码'}"`;
  return format === 'cn-uscc' ? usccNotes(value, field, options) : residentIdNotes(value, field, options);
}
