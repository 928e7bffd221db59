/**
 * Sealing the personal data stored before it was encrypted (migration 0017): users' phones and
 * ID numbers, the ID numbers and phones inside case bodies and event payloads, drafts, and
 * notices in the outbox and the in-app inbox. Rows are read in pages and only rows holding a
 * plain value are written, so running it over sealed rows writes nothing and needs no key.
 */
import type { Knex } from 'knex';
import { personalPointers } from '../../engine/forms/personal-values.js';
import { dialectOf, readJson, writeJson } from '../columns.js';
import { StorageError } from '../errors.js';
import { hasKeyring, PersonalDataKeyring } from './keyring.js';
import { blindIndexOf, openText, sealEveryString, sealPersonalIn, sealText } from './sealing.js';

type Row = Record<string, unknown>;
/** What to write for a row, computed only once a key is known to be there. */
type Reseal = () => Row;

const PAGE = 500;
const isPlain = (value: unknown): value is string => typeof value === 'string' && !PersonalDataKeyring.isSealed(value);

interface TableWalk {
  table: string;
  keys: string[];
  columns: string[];
  /** The update of a row that holds a plain personal value; undefined for a row to leave. */
  reseal: (row: Row) => Reseal | undefined;
}

/**
 * Walks a table in key order (the keys never change here, so offsets stay stable) and writes
 * each row to reseal; `isCountOnly` writes nothing and counts them.
 */
async function resealTable(knex: Knex, walk: TableWalk, isCountOnly = false): Promise<number> {
  let written = 0;
  for (let offset = 0; ; offset += PAGE) {
    const rows: Row[] = await knex(walk.table).select(...walk.keys, ...walk.columns).orderBy(walk.keys).offset(offset).limit(PAGE);
    if (rows.length === 0) return written;
    for (const row of rows) {
      const reseal = walk.reseal(row);
      if (reseal === undefined) continue;
      written += 1;
      if (isCountOnly) continue;
      requireKey(knex, walk.table);
      await knex(walk.table)
        .where(Object.fromEntries(walk.keys.map((key) => [key, row[key]])))
        .update(reseal());
    }
  }
}

function requireKey(knex: Knex, table: string): void {
  if (hasKeyring(knex)) return;
  throw new StorageError(
    'personal-data.no-key',
    `Table "${table}" holds personal data stored before it was encrypted, and the migration has no key to encrypt it with. Run "ipsp migrate" (or start the server): it passes the deployment secret (IPSP_SECRET or its file).`,
  );
}

function user(knex: Knex, row: Row): Reseal | undefined {
  if (!isPlain(row.phone) && !isPlain(row.id_number)) return undefined;
  return () => ({
    phone: sealText(knex, row.phone as string | null),
    phone_index: blindIndexOf(knex, openText(knex, row.phone)),
    id_number: sealText(knex, row.id_number as string | null),
    id_number_index: blindIndexOf(knex, openText(knex, row.id_number)),
  });
}

function jsonBody(knex: Knex, column: string, row: Row): Reseal | undefined {
  const body = readJson<unknown>(knex, row[column]);
  if (personalPointers(body).length === 0) return undefined;
  return () => ({ [column]: writeJson(sealPersonalIn(knex, body)) });
}

function draft(knex: Knex, row: Row): Reseal | undefined {
  const body = readJson<{ data: unknown }>(knex, row.body);
  const isSealed = JSON.stringify(sealEveryProbe(body.data)) === JSON.stringify(body.data);
  if (isSealed) return undefined;
  return () => ({ body: writeJson({ ...body, data: sealEveryString(knex, body.data) }) });
}

/** Strings of `value` that are not sealed, blanked: equal to `value` only when all are sealed. */
function sealEveryProbe(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value ?? null), (_key, item: unknown) => (isPlain(item) ? null : item));
}

function texts(knex: Knex, columns: string[], row: Row): Reseal | undefined {
  const plain = columns.filter((column) => isPlain(row[column]));
  if (plain.length === 0) return undefined;
  return () => Object.fromEntries(plain.map((column) => [column, sealText(knex, row[column] as string)]));
}

/**
 * Runs `work` with the case-event triggers lifted (migration 0003 makes events append-only):
 * sealing a payload is the one rewrite of an event allowed, inside this migration's transaction.
 */
async function withEventsWritable(knex: Knex, work: () => Promise<number>): Promise<number> {
  if (dialectOf(knex) === 'postgres') {
    await knex.raw('ALTER TABLE case_events DISABLE TRIGGER case_events_append_only');
    const written = await work();
    await knex.raw('ALTER TABLE case_events ENABLE TRIGGER case_events_append_only');
    return written;
  }
  await knex.raw('DROP TRIGGER case_events_no_update');
  const written = await work();
  await knex.raw(`CREATE TRIGGER case_events_no_update BEFORE UPDATE ON case_events
      BEGIN SELECT RAISE(ABORT, 'case-event.append-only: case events cannot be changed or deleted'); END`);
  return written;
}

/** Seals every plain personal value of the database; returns how many rows were written. */
export async function sealExistingPersonalData(knex: Knex): Promise<number> {
  const walks: TableWalk[] = [
    { table: 'users', keys: ['id'], columns: ['phone', 'id_number'], reseal: (row) => user(knex, row) },
    { table: 'cases', keys: ['id'], columns: ['body'], reseal: (row) => jsonBody(knex, 'body', row) },
    { table: 'application_drafts', keys: ['user_id', 'platform_id', 'item_id'], columns: ['body'], reseal: (row) => draft(knex, row) },
    { table: 'outbox', keys: ['id'], columns: ['recipient_address', 'subject', 'body'], reseal: (row) => texts(knex, ['recipient_address', 'subject', 'body'], row) },
    { table: 'messages', keys: ['id'], columns: ['title', 'body'], reseal: (row) => texts(knex, ['title', 'body'], row) },
  ];
  let written = 0;
  for (const walk of walks) written += await resealTable(knex, walk);
  const events: TableWalk = { table: 'case_events', keys: ['id'], columns: ['data'], reseal: (row) => jsonBody(knex, 'data', row) };
  // Events are append-only: their triggers are lifted only when some payload holds a plain value.
  if ((await resealTable(knex, events, true)) > 0) written += await withEventsWritable(knex, () => resealTable(knex, events));
  return written;
}
