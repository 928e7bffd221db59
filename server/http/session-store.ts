/**
 * An express-session store on our sessions table, so sessions survive restarts and are shared
 * by every server process on one database. Idle expiry runs on the server clock (`now`, which
 * tests move): each request moves `expires_at` to now + the session's idle minutes, and a
 * session found past it is deleted (docs/security.md "Sessions").
 */
import session from 'express-session';
import type { Database } from '../../storage/database.js';
import { destroySession, setSession, takeLiveSession, touchSession } from '../../storage/sessions.js';

type Callback = (error?: unknown) => void;

export class DatabaseSessionStore extends session.Store {
  /** Touches begun at a request's start, by its session object; each settles to its error, if any. */
  private readonly early = new WeakMap<object, Promise<unknown>>();

  constructor(
    private readonly db: Database,
    private readonly now: () => Date,
    /** Idle minutes of a session that does not name its own (set at sign-in by role). */
    private readonly defaultIdleMinutes: number,
  ) {
    super();
  }

  private expiry(data: session.SessionData): string {
    return new Date(this.now().getTime() + (data.idleMinutes ?? this.defaultIdleMinutes) * 60_000).toISOString();
  }

  override get(sid: string, callback: (error: unknown, data?: session.SessionData | null) => void): void {
    takeLiveSession(this.db.knex, { sid, now: this.now().toISOString() }).then(
      (record) => callback(null, record ? (record.data as unknown as session.SessionData) : null),
      (error: unknown) => callback(error),
    );
  }

  override set(sid: string, data: session.SessionData, callback?: Callback): void {
    const userId = (data as { userId?: string }).userId ?? null;
    setSession(this.db.knex, { sid, userId, data: JSON.parse(JSON.stringify(data)) as Record<string, unknown>, expiresAt: this.expiry(data) }).then(
      () => callback?.(),
      (error: unknown) => callback?.(error),
    );
  }

  override destroy(sid: string, callback?: Callback): void {
    destroySession(this.db.knex, sid).then(
      () => callback?.(),
      (error: unknown) => callback?.(error),
    );
  }

  /**
   * Starts moving a loaded session's expiry when its request starts, so the write runs beside
   * the request's own work (on PostgreSQL on another connection, its commit overlapping the
   * request's) instead of after the answer is ready. The touch express-session asks for at the
   * end then waits for this one rather than writing again. The idle period counts from the
   * request's start instead of its end: milliseconds sooner, never later.
   */
  touchEarly(sid: string, data: session.SessionData): void {
    this.early.set(data, touchSession(this.db.knex, { sid, expiresAt: this.expiry(data) }).then(() => undefined, (error: unknown) => error));
  }

  override touch(sid: string, data: session.SessionData, callback?: Callback): void {
    const early = this.early.get(data);
    if (early) {
      this.early.delete(data);
      void early.then((error) => callback?.(error ?? undefined));
      return;
    }
    touchSession(this.db.knex, { sid, expiresAt: this.expiry(data) }).then(
      () => callback?.(),
      (error: unknown) => callback?.(error),
    );
  }
}

declare module 'express-session' {
  interface SessionData {
    userId?: string;
    /** When the user signed in; sessions end this long after it, however active. */
    signedInAt?: string;
    /** Minutes without a request that end this session, by the user's roles at sign-in. */
    idleMinutes?: number;
  }
}
