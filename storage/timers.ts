/**
 * Timers: a clock's warning or overdue moment, as rows the worker scans. Claims are leased and
 * firing is conditional, so several server processes never fire one timer twice.
 */
import { randomUUID } from 'node:crypto';
import type { Knex } from 'knex';
import type { TimerSpec } from '../engine/runtime/decision.js';
import { readInstant, writeInstant } from './columns.js';
import { claimRows, type ClaimRequest } from './claim.js';

type Db = Knex | Knex.Transaction;

export interface TimerRecord extends TimerSpec {
  id: string;
  platformId: string;
  caseId: string;
  firedAt: string | null;
}

/** Schedules a timer; scheduling the same (case, kind, clock, due time) again does nothing. */
export async function scheduleTimer(db: Db, timer: { platformId: string; caseId: string; spec: TimerSpec }): Promise<void> {
  await db('timers')
    .insert({
      id: randomUUID(),
      platform_id: timer.platformId,
      case_id: timer.caseId,
      kind: timer.spec.kind,
      clock: timer.spec.clock,
      due_at: writeInstant(timer.spec.dueAt),
    })
    .onConflict(['case_id', 'kind', 'clock', 'due_at'])
    .ignore();
}

/** Deletes a clock's timers that have not fired (pause, stop, or reschedule); returns how many. */
export async function cancelTimers(db: Db, caseId: string, clock: string): Promise<number> {
  return db('timers').where({ case_id: caseId, clock }).whereNull('fired_at').delete();
}

/** Claims due, unfired timers for one worker. */
export async function claimDueTimers(db: Db, request: ClaimRequest): Promise<TimerRecord[]> {
  const rows = await claimRows(db, {
    ...request,
    table: 'timers',
    orderBy: 'due_at',
    eligible: (q) => q.whereNull('fired_at').andWhere('due_at', '<=', writeInstant(request.now)),
  });
  return rows.map(toTimer);
}

/**
 * Marks a timer fired, only if nobody has yet. Exactly one caller ever gets true: do the
 * timer's work only then (in the same transaction as the work).
 */
export async function markTimerFired(db: Db, fired: { id: string; at: string }): Promise<boolean> {
  const changed = await db('timers').where({ id: fired.id }).whereNull('fired_at').update({ fired_at: writeInstant(fired.at) });
  return changed === 1;
}

/** A case's timers, by due time. */
export async function listTimers(db: Db, caseId: string): Promise<TimerRecord[]> {
  const rows = await db('timers').where({ case_id: caseId }).orderBy([{ column: 'due_at' }, { column: 'id' }]);
  return rows.map(toTimer);
}

function toTimer(row: Record<string, unknown>): TimerRecord {
  return {
    id: row.id as string,
    platformId: row.platform_id as string,
    caseId: row.case_id as string,
    kind: row.kind as TimerSpec['kind'],
    clock: row.clock as string,
    dueAt: readInstant(row.due_at) as string,
    firedAt: readInstant(row.fired_at),
  };
}
