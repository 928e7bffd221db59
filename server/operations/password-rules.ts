/**
 * The password rules of this deployment (goal C4): the engine's pure policy check fed with
 * the common-password list, the account's own words and its password history, and the age
 * of a password on the server clock. docs/security.md "Passwords".
 */
import { dictionary } from '@zxcvbn-ts/language-common';
import { passwordState, type PasswordState } from '../../engine/security/password-age.js';
import { checkPasswordPolicy } from '../../engine/security/password-policy.js';
import type { Problem } from '../../engine/problem.js';
import { getPlatform } from '../../storage/platforms.js';
import { recentPasswordHashes } from '../../storage/passwords.js';
import type { UserRecord } from '../../storage/users.js';
import type { Services } from '../services.js';
import { verifyPassword } from './passwords.js';

/** How many of the newest passwords cannot be used again, the current one included. */
export const PASSWORD_HISTORY = 5;
/** How many of the most common passwords are refused. */
export const COMMON_PASSWORD_COUNT = 3000;

let common: ReadonlySet<string> | undefined;

/**
 * The 3,000 most common passwords, lower case: the head of the frequency-ranked list that
 * @zxcvbn-ts/language-common ships (decision record 0031), read once.
 */
export function commonPasswords(): ReadonlySet<string> {
  common ??= new Set(dictionary['passwords-common'].slice(0, COMMON_PASSWORD_COUNT).map((p) => p.toLowerCase()));
  return common;
}

/** The account's own words a password must not contain: username, name, platform id and title, phone, ID number. */
async function contextWordsOf(services: Services, user: UserRecord): Promise<string[]> {
  const platform = await getPlatform(services.db.knex, user.platformId);
  return [user.username, user.displayName, user.platformId, platform?.title ?? '', user.phone ?? '', user.idNumber ?? ''];
}

/**
 * Every rule `newPassword` breaks for `user`, at `/newPassword`: the profile's rules, then
 * reuse of one of the last {@link PASSWORD_HISTORY} passwords (one scrypt per remembered hash).
 */
export async function newPasswordProblems(services: Services, input: { user: UserRecord; newPassword: string }): Promise<Problem[]> {
  const problems = checkPasswordPolicy({
    password: input.newPassword,
    profile: services.config.passwordProfile,
    contextWords: await contextWordsOf(services, input.user),
    commonPasswords: commonPasswords(),
  });
  const recent = await recentPasswordHashes(services.db.knex, { userId: input.user.id, count: PASSWORD_HISTORY });
  for (const hash of recent) {
    if (!(await verifyPassword(input.newPassword, hash))) continue;
    problems.push({
      code: 'password.reused',
      path: '/newPassword',
      message: `不能使用最近 ${PASSWORD_HISTORY} 次用过的密码（含当前密码），请换一个。The password must differ from your last ${PASSWORD_HISTORY} passwords, the current one included; choose another.`,
    });
    break;
  }
  return problems;
}

/** The state of `user`'s password now: ok, warn (change soon) or expired (change before anything else). */
export function passwordStateOf(services: Services, user: UserRecord): PasswordState {
  const { passwordWarnDays: warnDays, passwordMaxAgeDays: maxAgeDays } = services.config;
  const now = services.now().toISOString();
  return passwordState({ changedAt: user.passwordChangedAt ?? user.createdAt, now, mustChange: user.mustChangePassword }, { warnDays, maxAgeDays });
}
