/**
 * Signing in: username and password against the stored scrypt hash. Disabled accounts and
 * demo accounts in production mode cannot sign in; the error never says which part was wrong.
 */
import type { Actor } from '../../engine/runtime/case.js';
import { findUserByUsername, getUser, recordLogin, type UserRecord } from '../../storage/users.js';
import { Failure } from '../http/failure.js';
import type { Services } from '../services.js';
import { verifyPassword } from './passwords.js';

export function actorFromUser(user: UserRecord): Actor {
  return { id: user.id, roles: user.roles, platformId: user.platformId, name: user.displayName };
}

export function meOf(user: UserRecord) {
  return {
    id: user.id,
    username: user.username,
    displayName: user.displayName,
    platformId: user.platformId,
    roles: user.roles,
    isDemo: user.isDemo,
  };
}

const invalid = () => new Failure('auth.invalid-credentials', '用户名或密码错误。The username or password is wrong.');

function canSignIn(services: Services, user: UserRecord | undefined): user is UserRecord {
  return user !== undefined && !user.isDisabled && !(user.isDemo && services.config.isProduction);
}

export async function signIn(services: Services, input: { username: string; password: string }): Promise<UserRecord> {
  const user = await findUserByUsername(services.db.knex, input.username);
  const isMatch = user?.passwordHash ? await verifyPassword(input.password, user.passwordHash) : false;
  if (!isMatch || !canSignIn(services, user)) throw invalid();
  await recordLogin(services.db.knex, { id: user.id, at: services.now().toISOString() });
  return user;
}

/** The user behind a session, if the account may still act. */
export async function sessionUser(services: Services, userId: string | undefined): Promise<UserRecord | undefined> {
  if (!userId) return undefined;
  const user = await getUser(services.db.knex, userId);
  return canSignIn(services, user) ? user : undefined;
}
