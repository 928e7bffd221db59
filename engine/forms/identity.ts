/**
 * Check-digit validation of Chinese identity numbers: the resident identity number
 * (GB 11643-1999, ISO 7064 MOD 11-2) and the unified social credit code (GB 32100-2015, MOD 31,
 * with the embedded GB 11714-1997 organisation code). No npm package we could trust does this
 * (wrong weights and a missing final "mod 31" are recorded bugs in popular ones), so the
 * algorithms live here with the standards' own vectors as tests; see
 * docs/decisions/0006-identity-validators.md.
 */

// Hard-coded rather than computed: a mis-indexed 2^(i-1) mod 11 is a known bug (id-validator.py#29).
const RESIDENT_ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
/** Check character by (Σ aᵢ·Wᵢ) mod 11. */
const RESIDENT_ID_CHECK = '10X98765432';
const RESIDENT_ID_PATTERN = /^\d{17}[\dX]$/;
/** The earliest birth year we accept; older numbers are data-entry errors. */
const MIN_BIRTH_YEAR = 1800;

/** GB 32100 alphabet: digits and upper-case letters without I, O, Z, S, V; value = index. */
const USCC_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;
const USCC_PATTERN = /^[0-9ABCDEFGHJKLMNPQRTUWXY]{2}\d{6}[0-9ABCDEFGHJKLMNPQRTUWXY]{10}$/;
const ORG_CODE_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2] as const;

/**
 * The canonical form of a typed identity number: trimmed, full-width characters folded to
 * ASCII (１２３Ｘ → 123X), upper case. Store this form; the validators accept any presentation.
 */
export function normalizeIdentity(value: string): string {
  return value
    .trim()
    .replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .toUpperCase();
}

/** The check character of a 17-digit resident-id body. */
export function residentIdCheckChar(body: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(body[i]) * (RESIDENT_ID_WEIGHTS[i] ?? 0);
  return RESIDENT_ID_CHECK[sum % 11] ?? '';
}

/** True for a day of the proleptic Gregorian calendar (plain arithmetic: a birth date has no time zone). */
function isCalendarDate(year: number, month: number, day: number): boolean {
  const isLeap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const length = [31, isLeap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
  return length !== undefined && day >= 1 && day <= length;
}

/** Why a typed resident identity number is refused (a hard reject), in the order the checks run. */
export type ResidentIdIssue = 'legacy-15' | 'length' | 'characters' | 'date' | 'future' | 'check';

/**
 * What is wrong with a resident identity number, or undefined when it is valid: 18 characters
 * (a 15-digit legacy number is named as such), a real birth date (year ≥ 1800, not after `today`
 * when given) and the MOD 11-2 check character.
 *
 * @example residentIdIssue('110105491231002') // 'legacy-15'
 */
export function residentIdIssue(value: string, options: { today?: string } = {}): ResidentIdIssue | undefined {
  const id = normalizeIdentity(value);
  if (/^\d{15}$/.test(id)) return 'legacy-15';
  if (id.length !== 18) return 'length';
  if (!RESIDENT_ID_PATTERN.test(id)) return 'characters';
  const birth = `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`;
  if (!isCalendarDate(Number(id.slice(6, 10)), Number(id.slice(10, 12)), Number(id.slice(12, 14))) || Number(id.slice(6, 10)) < MIN_BIRTH_YEAR) return 'date';
  if (options.today !== undefined && birth > options.today) return 'future';
  return residentIdCheckChar(id.slice(0, 17)) === id[17] ? undefined : 'check';
}

/**
 * True for an 18-character resident identity number with a real birth date (not after `today`
 * when given, year ≥ 1800) and a correct check character. The address code is not checked:
 * abolished codes stay valid on real cards (an unknown one is a warning, see identity-policy.ts).
 *
 * @example isResidentId('11010519491231002X') // true — the example in GB 11643-1999
 */
export function isResidentId(value: string, options: { today?: string } = {}): boolean {
  return residentIdIssue(value, options) === undefined;
}

/** The check character of a 17-character USCC body, or undefined when a character is outside the alphabet. */
export function usccCheckChar(body: string): string | undefined {
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const value = USCC_ALPHABET.indexOf(body[i] ?? '');
    if (value < 0) return undefined;
    sum += value * (USCC_WEIGHTS[i] ?? 0);
  }
  // The final "mod 31" turns 31 into 0; forgetting it is a known bug (cn-validator#2).
  return USCC_ALPHABET[(31 - (sum % 31)) % 31];
}

/**
 * True for 18 characters of the GB 32100 alphabet (no I, O, Z, S, V) with digits in the region
 * code: what a USCC field must hold (a hard reject otherwise), whatever its check character says.
 */
export function isUsccShape(value: string): boolean {
  return USCC_PATTERN.test(normalizeIdentity(value));
}

/**
 * True for an 18-character unified social credit code with a correct GB 32100 check character.
 * Some codes registered before 2016 fail the check; accepting them needs a staff confirmation
 * path, not a looser validator.
 *
 * @example isUscc('91350100M000100Y43') // true — the example in GB 32100-2015
 */
export function isUscc(value: string): boolean {
  const code = normalizeIdentity(value);
  return USCC_PATTERN.test(code) && usccCheckChar(code.slice(0, 17)) === code[17];
}

/**
 * True when the organisation code embedded in a USCC (positions 9–17) passes its own GB 11714
 * check. A failure is a warning, not a rejection; it also catches an ID number typed into a USCC field.
 */
export function hasValidOrganizationCode(uscc: string): boolean {
  const code = normalizeIdentity(uscc).slice(8, 17);
  if (!/^[0-9A-Z]{8}[0-9X]$/.test(code)) return false;
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += parseInt(code[i] ?? '', 36) * (ORG_CODE_WEIGHTS[i] ?? 0);
  const check = 11 - (sum % 11);
  const expected = check === 10 ? 'X' : check === 11 ? '0' : String(check);
  return code[8] === expected;
}

/** True for a mainland mobile number: 11 digits starting 13–19, nothing else (no spaces, no +86). */
export function isMobile(value: string): boolean {
  return /^1[3-9]\d{9}$/.test(value);
}

/** True for a six-digit GB/T 2260 region code (the table itself is not checked: codes change yearly). */
export function isRegionCode(value: string): boolean {
  return /^\d{6}$/.test(value);
}
