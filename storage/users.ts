/** Users: staff, admins and applicants, each belonging to one platform. */
import type { Knex } from 'knex';
import type { Role } from '../engine/kinds/workflow.js';
import { readBoolean, readInstant, readJson, writeInstant, writeJson } from './columns.js';
import { blindIndexOf, openText, sealText } from './personal-data/sealing.js';

type Db = Knex | Knex.Transaction;

export interface UserRecord {
  id: string;
  platformId: string;
  username: string;
  displayName: string;
  passwordHash: string | null;
  roles: Role[];
  phone: string | null;
  email: string | null;
  isDemo: boolean;
  isDisabled: boolean;
  createdAt: string;
  lastLoginAt: string | null;
  /** Resident ID number of an applicant registered at the counter, when given. */
  idNumber: string | null;
  /** Wrong passwords in a row since the last successful sign-in or the last lock that ran out. */
  failedAttempts: number;
  /** The end of the current sign-in lock; null when never locked or unlocked by a sign-in. */
  lockedUntil: string | null;
  /** When the password was last set; its age counts from here. Null without a password. */
  passwordChangedAt: string | null;
  /** A one-time password: it must be changed before anything else. */
  mustChangePassword: boolean;
  /** When a one-time password stops working; null for ordinary passwords. */
  passwordExpiresAt: string | null;
}

export type NewUser = Omit<
  UserRecord,
  'isDemo' | 'isDisabled' | 'lastLoginAt' | 'phone' | 'email' | 'passwordHash' | 'idNumber' | 'failedAttempts' | 'lockedUntil' | 'passwordChangedAt' | 'mustChangePassword' | 'passwordExpiresAt'
> &
  Partial<Pick<UserRecord, 'isDemo' | 'isDisabled' | 'phone' | 'email' | 'passwordHash' | 'idNumber'>>;

/** Adds a user; the username is unique across the deployment. A password counts as set at `createdAt`. */
export async function insertUser(db: Db, user: NewUser): Promise<void> {
  await db('users').insert({
    id: user.id,
    platform_id: user.platformId,
    username: user.username,
    display_name: user.displayName,
    password_hash: user.passwordHash ?? null,
    roles: writeJson(user.roles),
    ...personalColumns(db, user),
    email: user.email ?? null,
    is_demo: user.isDemo ?? false,
    is_disabled: user.isDisabled ?? false,
    created_at: writeInstant(user.createdAt),
    password_changed_at: user.passwordHash ? writeInstant(user.createdAt) : null,
  });
  if (user.passwordHash) await db('password_history').insert({ user_id: user.id, password_hash: user.passwordHash, created_at: writeInstant(user.createdAt) });
}

/** The phone and ID number sealed, each with its blind index for lookups (migration 0017). */
function personalColumns(db: Db, user: { phone?: string | null; idNumber?: string | null }) {
  return {
    phone: sealText(db, user.phone),
    phone_index: blindIndexOf(db, user.phone),
    id_number: sealText(db, user.idNumber),
    id_number_index: blindIndexOf(db, user.idNumber),
  };
}

/**
 * An applicant account without a password on the platform (registered at the counter, never
 * signed in) with this phone and name: the same person coming back to the counter. Found by
 * the phone's blind index: the phone itself is stored encrypted.
 */
export async function findOfflineApplicant(db: Db, who: { platformId: string; phone: string; displayName: string }): Promise<UserRecord | undefined> {
  const rows = await db('users').where({ platform_id: who.platformId, phone_index: blindIndexOf(db, who.phone), display_name: who.displayName }).whereNull('password_hash').orderBy('id');
  return rows.map((row: Record<string, unknown>) => toUser(db, row)).find((user) => user.roles.includes('applicant'));
}

/** Ids of the platform's users whose phone or ID number is `value` (by blind index), for searches. */
export function usersWithPersonalValue(db: Db, input: { platformId: string; value: string }): Knex.QueryBuilder {
  const index = blindIndexOf(db, input.value);
  return db('users')
    .select('id')
    .where({ platform_id: input.platformId })
    .andWhere((w) => w.where({ phone_index: index }).orWhere({ id_number_index: index }));
}

/** Records an offline applicant's ID number. */
export async function setIdNumber(db: Db, change: { id: string; idNumber: string }): Promise<void> {
  await db('users').where({ id: change.id }).update({ id_number: sealText(db, change.idNumber), id_number_index: blindIndexOf(db, change.idNumber) });
}

/** Display names by user id; unknown ids are left out. */
export async function displayNames(db: Db, ids: string[]): Promise<Map<string, string>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const rows = await db('users').select('id', 'display_name').whereIn('id', unique);
  return new Map(rows.map((row: { id: string; display_name: string }) => [row.id, row.display_name]));
}

export async function getUser(db: Db, id: string): Promise<UserRecord | undefined> {
  const row = await db('users').where({ id }).first();
  return row ? toUser(db, row) : undefined;
}

export async function findUserByUsername(db: Db, username: string): Promise<UserRecord | undefined> {
  const row = await db('users').where({ username }).first();
  return row ? toUser(db, row) : undefined;
}

/** Enabled users of a platform, optionally only those holding `role`. */
export async function listUsers(db: Db, filter: { platformId: string; role?: Role }): Promise<UserRecord[]> {
  const rows = await db('users').where({ platform_id: filter.platformId, is_disabled: false }).orderBy('id');
  const users = rows.map((row: Record<string, unknown>) => toUser(db, row));
  return filter.role ? users.filter((u) => u.roles.includes(filter.role as Role)) : users;
}

/**
 * Records a successful login and clears the wrong-password count, unless the account is locked
 * at `at`: then nothing changes and the answer is false. One conditional UPDATE, so a lock that
 * a parallel wrong password engages just before wins over the right password.
 */
export async function recordLogin(db: Db, login: { id: string; at: string }): Promise<boolean> {
  const at = writeInstant(login.at);
  const count = await db('users')
    .where({ id: login.id })
    .andWhere((q) => q.whereNull('locked_until').orWhere('locked_until', '<=', at))
    .update({ last_login_at: at, failed_attempts: 0, locked_until: null });
  return count > 0;
}

/** The counter after a wrong password: how many in a row, and the lock it is under, if any. */
export interface WrongPasswordCount {
  failedAttempts: number;
  lockedUntil: string | null;
}

/**
 * Counts one wrong password for user `id` at `at` and engages a lock until `lockUntil` when the
 * count reaches `maxAttempts`. One UPDATE … RETURNING, no read-modify-write, so parallel attempts
 * on SQLite and PostgreSQL count exactly and only the attempt that reaches `maxAttempts` locks.
 * Attempts during a lock still count but do not extend it; the first wrong password after a lock
 * ran out starts a new count at 1. Undefined when there is no such user.
 */
export async function recordWrongPassword(db: Db, attempt: { id: string; at: string; maxAttempts: number; lockUntil: string }): Promise<WrongPasswordCount | undefined> {
  const at = writeInstant(attempt.at);
  const lockUntil = writeInstant(attempt.lockUntil);
  // SET expressions read the row as it was before this UPDATE, on both databases.
  const rows: Array<{ failed_attempts: number | string; locked_until: unknown }> = await db('users')
    .where({ id: attempt.id })
    .update({
      failed_attempts: db.raw('case when locked_until is not null and locked_until <= ? then 1 else failed_attempts + 1 end', [at]),
      locked_until: db.raw(
        // Flat on purpose: PostgreSQL types the parameters from the column in the first branch.
        `case when locked_until > ? then locked_until
              when locked_until is not null and 1 >= ? then ?
              when locked_until is not null then null
              when failed_attempts + 1 >= ? then ?
              else null end`,
        [at, attempt.maxAttempts, lockUntil, attempt.maxAttempts, lockUntil],
      ),
    })
    .returning(['failed_attempts', 'locked_until']);
  const row = rows[0];
  return row ? { failedAttempts: Number(row.failed_attempts), lockedUntil: readInstant(row.locked_until) } : undefined;
}

export async function setUserDisabled(db: Db, change: { id: string; isDisabled: boolean }): Promise<void> {
  await db('users').where({ id: change.id }).update({ is_disabled: change.isDisabled });
}

function toUser(db: Db, row: Record<string, unknown>): UserRecord {
  return {
    id: row.id as string,
    platformId: row.platform_id as string,
    username: row.username as string,
    displayName: row.display_name as string,
    passwordHash: (row.password_hash as string | null) ?? null,
    roles: readJson(db, row.roles),
    phone: openText(db, row.phone),
    email: (row.email as string | null) ?? null,
    isDemo: readBoolean(row.is_demo),
    isDisabled: readBoolean(row.is_disabled),
    createdAt: readInstant(row.created_at) as string,
    lastLoginAt: readInstant(row.last_login_at),
    idNumber: openText(db, row.id_number),
    failedAttempts: Number(row.failed_attempts ?? 0),
    lockedUntil: readInstant(row.locked_until),
    passwordChangedAt: readInstant(row.password_changed_at),
    mustChangePassword: readBoolean(row.must_change_password),
    passwordExpiresAt: readInstant(row.password_expires_at),
  };
}
