/**
 * The password profile, as a pure check: the caller hands in the password, the words it must
 * not contain (username, display name, platform, the user's own phone and ID number) and the
 * common-password list, and gets back every broken rule as a problem at `/newPassword`.
 *
 * Two profiles. `mlps` (the default) is the MLPS 2.0 level 3 practice: at least 8 characters
 * from at least 3 of the 4 classes, plus the list and context checks. `asvs` drops the
 * composition rule, as OWASP ASVS 6.2 asks; docs/decisions/0031-mlps-password-profile.md says
 * why `mlps` is the default.
 */
import type { Problem } from '../problem.js';

export type PasswordProfile = 'mlps' | 'asvs';

export interface PasswordCheck {
  password: string;
  profile: PasswordProfile;
  /** Words of the account the password must not contain; short ones are ignored (see {@link contextTokens}). */
  contextWords: ReadonlyArray<string | null | undefined>;
  /** Common passwords, lower case. */
  commonPasswords: ReadonlySet<string>;
  /** Where the problems point; `/newPassword` by default. */
  path?: string;
}

/** The fewest characters of any password. */
export const MIN_PASSWORD_LENGTH = 8;
/** Character classes a password of the `mlps` profile draws from, of the 4. */
export const MIN_PASSWORD_CLASSES = 3;

const classPatterns = [/\p{Lu}/u, /\p{Ll}/u, /\p{Nd}/u, /[^\p{L}\p{Nd}]/u];

/** How many of upper case, lower case, digits and symbols the password uses. */
export function characterClasses(password: string): number {
  return classPatterns.filter((pattern) => pattern.test(password)).length;
}

const leet: Record<string, string> = { '@': 'a', '4': 'a', '0': 'o', '1': 'i', '!': 'i', '3': 'e', $: 's', '5': 's', '7': 't' };

/**
 * The forms of a password looked up in the common list: as typed (lower case), with look-alike
 * symbols read as letters (p@ssw0rd), and the word inside leading and trailing digits and
 * symbols (Dragon2026! → dragon), so decorating a common word does not make it new.
 */
export function commonForms(password: string): string[] {
  const lower = password.toLowerCase();
  const decoded = [...lower].map((c) => leet[c] ?? c).join('');
  const core = lower.replace(/^[^\p{L}]+|[^\p{L}]+$/gu, '');
  return [...new Set([lower, decoded, core].filter((form) => form.length >= 4))];
}

/**
 * The parts of the context words worth refusing: each word split at spaces and punctuation,
 * lower case; Latin parts of 3 characters or more, parts with Chinese characters of 2 or more
 * (a two-character name is a whole name). An ID number also yields its last 6 characters, a
 * common "default password".
 */
export function contextTokens(words: ReadonlyArray<string | null | undefined>): string[] {
  const tokens = new Set<string>();
  for (const word of words) {
    if (!word) continue;
    const compact = word.toLowerCase().replace(/\s+/g, '');
    const parts = [compact, ...compact.split(/[^\p{L}\p{N}]+/u)];
    if (/^\d{17}[\dx]$/.test(compact)) parts.push(compact.slice(-6));
    for (const part of parts) if (part.length >= (/[^\u0000-\u007f]/.test(part) ? 2 : 3)) tokens.add(part);
  }
  return [...tokens];
}

const problem = (path: string, code: string, message: string): Problem => ({ code, path, message });

/**
 * Every rule the password breaks, empty when it may be used. Messages are Chinese, then
 * English, and say what to change.
 *
 * @example
 * checkPasswordPolicy({ password: 'abc', profile: 'mlps', contextWords: ['zhangsan'], commonPasswords: new Set() })
 * // → [password.too-short, password.too-few-classes]
 */
export function checkPasswordPolicy(check: PasswordCheck): Problem[] {
  const { password, profile } = check;
  const path = check.path ?? '/newPassword';
  const problems: Problem[] = [];
  const length = [...password].length;
  if (length < MIN_PASSWORD_LENGTH) {
    problems.push(problem(path, 'password.too-short', `密码至少 ${MIN_PASSWORD_LENGTH} 位，当前 ${length} 位。The password needs at least ${MIN_PASSWORD_LENGTH} characters; it has ${length}.`));
  }
  const classes = characterClasses(password);
  if (profile === 'mlps' && classes < MIN_PASSWORD_CLASSES) {
    problems.push(
      problem(
        path,
        'password.too-few-classes',
        `密码须包含大写字母、小写字母、数字、符号中的至少 ${MIN_PASSWORD_CLASSES} 类，当前 ${classes} 类。` +
          `The password needs at least ${MIN_PASSWORD_CLASSES} of upper-case letters, lower-case letters, digits and symbols; it has ${classes}.`,
      ),
    );
  }
  if (commonForms(password).some((form) => check.commonPasswords.has(form))) {
    problems.push(problem(path, 'password.common', '该密码（或其主体单词）属于最常用的密码，容易被猜中，请换一个。The password (or the word in it) is among the most common passwords and easy to guess; choose another.'));
  }
  const lower = password.toLowerCase();
  const found = contextTokens(check.contextWords).find((token) => lower.includes(token));
  if (found !== undefined) {
    problems.push(
      problem(path, 'password.context', '密码不能包含用户名、姓名、平台名称、本人手机号或证件号码，请换一个。The password must not contain the username, your name, the platform name, or your own phone or ID number; choose another.'),
    );
  }
  return problems;
}
