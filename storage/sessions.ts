/** Login sessions (the rows behind an express-session store). */
import type { Knex } from 'knex';
import { readInstant, readJson, writeInstant, writeJson } from './columns.js';

type Db = Knex | Knex.Transaction;

export interface SessionRecord {
  sid: string;
  userId: string | null;
  data: Record<string, unknown>;
  expiresAt: string;
}

/** The session if it exists and has not expired at `now`. */
export async function getSession(db: Db, query: { sid: string; now: string }): Promise<SessionRecord | undefined> {
  const row = await db('sessions')
    .where({ sid: query.sid })
    .andWhere('expires_at', '>', writeInstant(query.now))
    .first();
  if (!row) return undefined;
  return {
    sid: row.sid,
    userId: row.user_id ?? null,
    data: readJson(db, row.data),
    expiresAt: readInstant(row.expires_at) as string,
  };
}

/** Creates or replaces a session. */
export async function setSession(db: Db, session: SessionRecord): Promise<void> {
  const row = {
    sid: session.sid,
    user_id: session.userId,
    data: writeJson(session.data),
    expires_at: writeInstant(session.expiresAt),
  };
  await db('sessions').insert(row).onConflict('sid').merge(['user_id', 'data', 'expires_at']);
}

/** Deletes a session (logout): the row goes, not just its expiry. */
export async function destroySession(db: Db, sid: string): Promise<void> {
  await db('sessions').where({ sid }).delete();
}

/** Deletes every session of a user but `keepSid` (after a password change, other devices sign in again). */
export async function destroyOtherSessions(db: Db, query: { userId: string; keepSid: string }): Promise<number> {
  return db('sessions').where({ user_id: query.userId }).whereNot({ sid: query.keepSid }).delete();
}

/**
 * The session if it is live at `now`. An expired one is deleted on the way (goal F7: nothing
 * of an ended session stays behind), not only hidden until the next purge.
 */
export async function takeLiveSession(db: Db, query: { sid: string; now: string }): Promise<SessionRecord | undefined> {
  const live = await getSession(db, query);
  if (!live) await db('sessions').where({ sid: query.sid }).andWhere('expires_at', '<=', writeInstant(query.now)).delete();
  return live;
}

/** Extends a session's expiry; returns false when there is no such session. */
export async function touchSession(db: Db, touch: { sid: string; expiresAt: string }): Promise<boolean> {
  const changed = await db('sessions').where({ sid: touch.sid }).update({ expires_at: writeInstant(touch.expiresAt) });
  return changed === 1;
}

/** Deletes every session expired at `now`; returns how many. */
export async function purgeExpiredSessions(db: Db, now: string): Promise<number> {
  return db('sessions').where('expires_at', '<=', writeInstant(now)).delete();
}
