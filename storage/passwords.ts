/**
 * Setting passwords and remembering the newest ones (goal C4), and using up a one-time
 * password (goal C7). The hashes come from the server; nothing here sees a password.
 */
import type { Knex } from 'knex';
import { writeInstant } from './columns.js';

type Db = Knex | Knex.Transaction;

/** A new password for user `id`: its hash, when it was set, and whether it is a one-time password that expires. */
export interface PasswordChange {
  id: string;
  passwordHash: string;
  at: string;
  /** A one-time password: must be changed at first use, stops working at `expiresAt`. */
  oneTime?: { expiresAt: string };
  /** How many hashes to keep in the history, the new one included. */
  keep: number;
}

/**
 * Sets the password and records it in the history, deleting history rows beyond the newest
 * `keep`, in one transaction. An ordinary password clears a pending one-time password; a
 * one-time password is not recorded.
 */
export async function setPassword(db: Knex, change: PasswordChange): Promise<void> {
  const at = writeInstant(change.at);
  await db.transaction(async (trx) => {
    await trx('users')
      .where({ id: change.id })
      .update({
        password_hash: change.passwordHash,
        password_changed_at: at,
        must_change_password: change.oneTime !== undefined,
        password_expires_at: change.oneTime ? writeInstant(change.oneTime.expiresAt) : null,
        failed_attempts: 0,
        locked_until: null,
      });
    // A one-time password stays out of the history: nothing of it may remain after its use (goal F7).
    if (change.oneTime) return;
    await trx('password_history').insert({ user_id: change.id, password_hash: change.passwordHash, created_at: at });
    const kept = trx('password_history').select('id').where({ user_id: change.id }).orderBy('id', 'desc').limit(change.keep);
    await trx('password_history').where({ user_id: change.id }).whereNotIn('id', kept).delete();
  });
}

/** The hashes of user `id`'s newest `count` passwords, newest first. */
export async function recentPasswordHashes(db: Db, query: { userId: string; count: number }): Promise<string[]> {
  const rows: Array<{ password_hash: string }> = await db('password_history').select('password_hash').where({ user_id: query.userId }).orderBy('id', 'desc').limit(query.count);
  return rows.map((row) => row.password_hash);
}

/**
 * Uses up a one-time password: deletes the hash when it is still `passwordHash` and still a
 * one-time password. One conditional UPDATE, so of two parallel sign-ins with it only one
 * gets true.
 */
export async function useOneTimePassword(db: Db, use: { id: string; passwordHash: string }): Promise<boolean> {
  const changed = await db('users').where({ id: use.id, password_hash: use.passwordHash, must_change_password: true }).update({ password_hash: null, password_expires_at: null });
  return changed === 1;
}
