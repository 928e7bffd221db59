/**
 * The case timeline: append-only events, numbered per case. There is deliberately no update
 * or delete here, and the database refuses both (see migration 0003).
 */
import { randomUUID } from 'node:crypto';
import type { Knex } from 'knex';
import type { CaseEvent } from '../engine/runtime/decision.js';
import { readInstant, readJson, writeInstant, writeJson } from './columns.js';
import { openSealedIn, sealPersonalIn } from './personal-data/sealing.js';

type Db = Knex | Knex.Transaction;

export interface StoredCaseEvent extends CaseEvent {
  id: string;
  caseId: string;
  /** 1, 2, 3 … per case, in the order events happened. */
  seq: number;
}

/**
 * Appends events after the case's last one. Call it in the transaction that updated the case:
 * the case row's version check serializes writers, and (case_id, seq) is unique besides.
 * `isNewCase` (the case was inserted in this transaction, so it has no events yet) numbers
 * them from 1 without reading.
 */
export async function appendEvents(db: Db, caseId: string, events: CaseEvent[], options: { isNewCase?: boolean } = {}): Promise<StoredCaseEvent[]> {
  if (events.length === 0) return [];
  const last = options.isNewCase ? undefined : await db('case_events').where({ case_id: caseId }).max('seq as seq').first();
  const first = Number(last?.seq ?? 0) + 1;
  const stored = events.map((event, index) => ({ ...event, id: randomUUID(), caseId, seq: first + index }));
  await db('case_events').insert(stored.map((e) => eventRow(db, e)));
  return stored;
}

/**
 * Appends events after the case's last one in a single statement: each row's `seq` is the
 * stored maximum plus its place, computed by the database (a statement does not see its own
 * rows, on SQLite because it reads the table it inserts into, on PostgreSQL by its snapshot).
 * The same guarantees as {@link appendEvents}, one round trip fewer; for callers that do not
 * need the numbers back.
 */
export async function appendEventsAfterLast(db: Db, caseId: string, events: CaseEvent[]): Promise<void> {
  if (events.length === 0) return;
  const rows = events.map((event, index) => eventRow(db, { ...event, id: randomUUID(), caseId, seq: index + 1 }));
  const values = rows.map(() => '(?, ?, (select coalesce(max(??), 0) from ?? where ?? = ?) + ?, ?, ?, ?, ?)').join(', ');
  const bindings = rows.flatMap((r) => [r.id, r.case_id, 'seq', 'case_events', 'case_id', caseId, r.seq, r.type, r.actor_id, r.data, r.at]);
  await db.raw(`insert into ?? (??, ??, ??, ??, ??, ??, ??) values ${values}`, ['case_events', ...EVENT_COLUMNS, ...bindings]);
}

const EVENT_COLUMNS = ['id', 'case_id', 'seq', 'type', 'actor_id', 'data', 'at'] as const;

function eventRow(db: Db, e: StoredCaseEvent) {
  return {
    id: e.id,
    case_id: e.caseId,
    seq: e.seq,
    type: e.type,
    actor_id: e.actorId,
    data: writeJson(sealPersonalIn(db, e.data)),
    at: writeInstant(e.at),
  };
}

/** A case's events in order. */
export async function listEvents(db: Db, caseId: string): Promise<StoredCaseEvent[]> {
  const rows = await db('case_events').where({ case_id: caseId }).orderBy('seq');
  return rows.map((row: Record<string, unknown>) => toEvent(db, row));
}

/** The events of one type across several cases, each case's in order. */
export async function listEventsOfType(db: Db, caseIds: string[], type: string): Promise<StoredCaseEvent[]> {
  if (caseIds.length === 0) return [];
  const rows = await db('case_events').whereIn('case_id', caseIds).andWhere({ type }).orderBy([{ column: 'case_id' }, { column: 'seq' }]);
  return rows.map((row: Record<string, unknown>) => toEvent(db, row));
}

function toEvent(db: Db, row: Record<string, unknown>): StoredCaseEvent {
  return {
    id: row.id as string,
    caseId: row.case_id as string,
    seq: Number(row.seq),
    type: row.type as string,
    actorId: (row.actor_id as string | null) ?? null,
    data: openSealedIn(db, readJson<Record<string, unknown>>(db, row.data)),
    at: readInstant(row.at) as string,
  };
}
