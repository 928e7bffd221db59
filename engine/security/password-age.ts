/**
 * How old a password may get: a warning from `warnDays`, a forced change from `maxAgeDays`
 * (MLPS practice: 83 and 90), and at once when the account must change it (a one-time
 * password). Pure: the caller passes the instants.
 */

export interface PasswordAgeRule {
  warnDays: number;
  /** 0 turns expiry off (the `asvs` profile). */
  maxAgeDays: number;
}

export interface PasswordState {
  /** `ok`, `warn` (change soon), or `expired` (every route but changing it and signing out answers 403). */
  state: 'ok' | 'warn' | 'expired';
  /** Why a change is required: the password aged out, or it was a one-time password. */
  reason: 'age' | 'one-time' | null;
  /** When the password expires; null when it never does. */
  expiresAt: string | null;
  /** Whole days left until `expiresAt` (0 on the last day and after); null when it never expires. */
  daysLeft: number | null;
}

const DAY_MS = 24 * 3600_000;

/**
 * The state of a password changed at `changedAt`, at `now`.
 *
 * @example
 * passwordState({ changedAt: '2026-01-01T00:00:00Z', now: '2026-03-26T00:00:00Z', mustChange: false }, { warnDays: 83, maxAgeDays: 90 })
 * // → { state: 'warn', reason: null, expiresAt: '2026-04-01T00:00:00.000Z', daysLeft: 6 }
 */
export function passwordState(password: { changedAt: string; now: string; mustChange: boolean }, rule: PasswordAgeRule): PasswordState {
  const changed = Date.parse(password.changedAt);
  const now = Date.parse(password.now);
  const expires = rule.maxAgeDays > 0 ? changed + rule.maxAgeDays * DAY_MS : null;
  const expiresAt = expires === null ? null : new Date(expires).toISOString();
  const daysLeft = expires === null ? null : Math.max(0, Math.ceil((expires - now) / DAY_MS));
  if (password.mustChange) return { state: 'expired', reason: 'one-time', expiresAt, daysLeft };
  if (expires !== null && now >= expires) return { state: 'expired', reason: 'age', expiresAt, daysLeft };
  const isWarned = expires !== null && now >= changed + rule.warnDays * DAY_MS;
  return { state: isWarned ? 'warn' : 'ok', reason: null, expiresAt, daysLeft };
}
