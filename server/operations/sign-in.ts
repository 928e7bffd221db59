/**
 * Signing in: username and password against the stored scrypt hash. Disabled accounts, demo
 * accounts in production mode and locked accounts cannot sign in; the error never says which
 * part was wrong, nor that an account is locked (docs/security.md "Lockout").
 */
import type { Actor } from '../../engine/runtime/case.js';
import { useOneTimePassword } from '../../storage/passwords.js';
import { findUserByUsername, getUser, recordLogin, recordWrongPassword, type UserRecord } from '../../storage/users.js';
import { Failure } from '../http/failure.js';
import type { Services } from '../services.js';
import { passwordStateOf } from './password-rules.js';
import { DUMMY_PASSWORD_HASH, verifyPassword } from './passwords.js';

export function actorFromUser(user: UserRecord): Actor {
  return { id: user.id, roles: user.roles, platformId: user.platformId, name: user.displayName };
}

/** Who is signed in, with the state of their password (the front end warns or asks for a change). */
export function meOf(services: Services, user: UserRecord) {
  return {
    password: passwordStateOf(services, user),
    id: user.id,
    username: user.username,
    displayName: user.displayName,
    platformId: user.platformId,
    roles: user.roles,
    isDemo: user.isDemo,
  };
}

/**
 * The one refusal of every failed sign-in: unknown user, wrong password, disabled or locked
 * account. It states the lockout rule so a locked-out user knows to wait, without saying
 * whether this account exists or is locked.
 */
const invalid = (services: Services) => {
  const { lockoutAttempts: attempts, lockoutMinutes: minutes } = services.config;
  return new Failure(
    'auth.invalid-credentials',
    `用户名或密码错误；连续输错 ${attempts} 次密码，账号将锁定 ${minutes} 分钟。` +
      `The username or password is wrong; ${attempts} wrong passwords in a row lock the account for ${minutes} minutes.`,
  );
};

function canSignIn(services: Services, user: UserRecord | undefined): user is UserRecord {
  return user !== undefined && !user.isDisabled && !(user.isDemo && services.config.isProduction);
}

/** A one-time password past its 24 hours: refused like a wrong one. */
const isOneTimeExpired = (user: UserRecord, now: Date) => user.passwordExpiresAt !== null && now.getTime() >= Date.parse(user.passwordExpiresAt);

/**
 * Minutes without a request that end a session of `roles`: the applicants' setting when
 * applicant is the only role, the stricter staff setting for anyone holding another role.
 */
export function idleMinutesFor(services: Services, roles: readonly string[]): number {
  const { sessionIdleMinutes, sessionIdleMinutesStaff } = services.config;
  return roles.every((role) => role === 'applicant') ? sessionIdleMinutes : sessionIdleMinutesStaff;
}

/**
 * What one sign-in attempt came to, for the audit trail (never the password): the account the
 * username named, if any, and why it was refused. `refused` means the password was right but
 * the account may not sign in now (locked, disabled, …); a success is reported by the caller.
 */
export interface SignInAttempt {
  user?: UserRecord;
  outcome: 'signed-in' | 'unknown-user' | 'wrong-password' | 'refused';
  /** Wrong passwords in a row, this one included. */
  failedAttempts?: number;
  /** This wrong password reached the limit and locked the account. */
  lockEngaged?: boolean;
}

/** The audit record's actor and detail for an attempt: the account tried, never the password. */
export function auditNoteOf(username: string, attempt: SignInAttempt): { auditActor: Actor | null; auditDetail: Record<string, unknown> } {
  const { user, ...facts } = attempt;
  return { auditActor: user ? actorFromUser(user) : null, auditDetail: { username, ...facts } };
}

/** Signs in; `report` hears how a refused attempt was refused before the refusal is thrown. */
export async function signIn(
  services: Services,
  input: { username: string; password: string },
  report: (attempt: SignInAttempt) => void = () => undefined,
): Promise<UserRecord> {
  const user = await findUserByUsername(services.db.knex, input.username);
  // Always one scrypt, so an unknown username takes as long as a wrong password.
  const isMatch = (await verifyPassword(input.password, user?.passwordHash ?? DUMMY_PASSWORD_HASH)) && Boolean(user?.passwordHash);
  if (!user) {
    report({ outcome: 'unknown-user' });
    throw invalid(services);
  }
  const now = services.now();
  if (!isMatch) {
    const count = await recordWrongPassword(services.db.knex, {
      id: user.id,
      at: now.toISOString(),
      maxAttempts: services.config.lockoutAttempts,
      lockUntil: new Date(now.getTime() + services.config.lockoutMinutes * 60_000).toISOString(),
    });
    const failedAttempts = count?.failedAttempts ?? 0;
    report({ user, outcome: 'wrong-password', failedAttempts, lockEngaged: failedAttempts === services.config.lockoutAttempts && Boolean(count?.lockedUntil) });
    throw invalid(services);
  }
  report({ user, outcome: 'refused' });
  // The right password: refused while locked (recordLogin then changes nothing), else the count restarts.
  if (!canSignIn(services, user) || isOneTimeExpired(user, now) || !(await recordLogin(services.db.knex, { id: user.id, at: now.toISOString() }))) throw invalid(services);
  // A one-time password works once: used up here, so the account must set its own now (goal C7, F7).
  if (user.mustChangePassword && !(await useOneTimePassword(services.db.knex, { id: user.id, passwordHash: user.passwordHash as string }))) throw invalid(services);
  return user.mustChangePassword ? { ...user, passwordHash: null, passwordExpiresAt: null } : user;
}

/** The user behind a session, if the account may still act. */
export async function sessionUser(services: Services, userId: string | undefined): Promise<UserRecord | undefined> {
  if (!userId) return undefined;
  const user = await getUser(services.db.knex, userId);
  return canSignIn(services, user) ? user : undefined;
}
