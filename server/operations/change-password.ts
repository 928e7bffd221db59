/**
 * Changing one's own password (`POST /api/session/password`): the current password, then the
 * new one against the rules (server/operations/password-rules.ts); every broken rule is listed
 * at once. Other sessions of the account end, this one goes on.
 */
import { destroyOtherSessions } from '../../storage/sessions.js';
import { setPassword } from '../../storage/passwords.js';
import { getUser } from '../../storage/users.js';
import { Failure } from '../http/failure.js';
import type { Services } from '../services.js';
import { hashPassword, verifyPassword } from './passwords.js';
import { newPasswordProblems, PASSWORD_HISTORY } from './password-rules.js';

export interface PasswordChangeInput {
  userId: string;
  /** The session this change is made from; it stays signed in. */
  sid: string;
  /** Required unless the account signed in with a one-time password, which is used up. */
  currentPassword?: string;
  newPassword: string;
}

const wrongCurrent = () =>
  new Failure('password.current-wrong', '当前密码不正确。The current password is wrong.', [
    { code: 'password.current-wrong', path: '/currentPassword', message: '当前密码不正确，请重新输入。The current password is wrong; type it again.' },
  ]);

export async function changePassword(services: Services, input: PasswordChangeInput): Promise<void> {
  const user = await getUser(services.db.knex, input.userId);
  if (!user) throw new Failure('auth.required', '请先登录。Sign in first.');
  // An account whose one-time password was used up at sign-in has no current password; the session is the proof.
  const isOneTimeUsed = user.passwordHash === null && user.mustChangePassword;
  if (!isOneTimeUsed && !(user.passwordHash && (await verifyPassword(input.currentPassword ?? '', user.passwordHash)))) throw wrongCurrent();
  const problems = await newPasswordProblems(services, { user, newPassword: input.newPassword });
  if (problems.length > 0) {
    throw new Failure('password.rejected', `新密码不符合 ${problems.length} 条规则，请按提示修改。The new password breaks ${problems.length} rule(s); see each problem.`, problems);
  }
  const at = services.now().toISOString();
  await setPassword(services.db.knex, { id: user.id, passwordHash: await hashPassword(input.newPassword), at, keep: PASSWORD_HISTORY });
  await destroyOtherSessions(services.db.knex, { userId: user.id, keepSid: input.sid });
}
