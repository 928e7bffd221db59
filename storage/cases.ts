/**
 * Cases (办件): the whole engine Case as JSON, plus the columns the inboxes filter and sort on.
 * Writes are guarded by an optimistic `version`.
 */
import { randomUUID } from 'node:crypto';
import type { Knex } from 'knex';
import type { Case, CaseStatus, Pins } from '../engine/runtime/case.js';
import type { CaseEvent } from '../engine/runtime/decision.js';
import { bulkInsert } from './bulk-insert.js';
import { dialectOf, likeIgnoringCase, readInstant, readJson, writeInstant, writeJson } from './columns.js';
import { nextDueAt, nextWarnAt } from '../engine/runtime/clocks.js';
import { isPersonalValue } from '../engine/forms/personal-values.js';
import { keyringOf, type PersonalDataKeyring } from './personal-data/keyring.js';
import { openSealedIn, sealPersonalWith } from './personal-data/sealing.js';
import { usersWithPersonalValue } from './users.js';
import { factColumns, type CaseFacts } from './statistics/case-facts.js';

type Db = Knex | Knex.Transaction;

/**
 * Derived columns the server computes from the case's workflow (the engine Case does not know
 * them): the inbox queue and the statistics facts. Absent leaves the stored value as it is.
 */
export interface CaseDerived {
  queue?: string | null;
  facts?: CaseFacts;
}

function columns(db: Db, kase: Case, version: number, derived: CaseDerived = {}) {
  return columnsWith(keyringOf(db), kase, version, derived);
}

function columnsWith(keyring: PersonalDataKeyring, kase: Case, version: number, derived: CaseDerived = {}) {
  // ID numbers and phones in the form data (and wherever else) are sealed in place.
  return caseColumns({ kase, version, body: writeJson(sealPersonalWith(keyring, { ...kase, version })), derived });
}

/**
 * A case row's columns but its id, with `body` the case JSON as stored (personal data already
 * sealed): what every write of a case stores, and what benchmarks copy.
 */
export function caseColumns(input: { kase: Case; version: number; body: string; derived?: CaseDerived }) {
  const { kase, version, body, derived = {} } = input;
  return {
    ...(derived.queue === undefined ? {} : { queue: derived.queue }),
    ...(derived.facts === undefined ? {} : factColumns(derived.facts)),
    platform_id: kase.platformId,
    number: kase.number,
    item_id: kase.pins.item.id,
    item_version: kase.pins.item.version,
    applicant_id: kase.applicantId,
    step: kase.step,
    status: kase.status,
    assignee_id: kase.assigneeId ?? null,
    due_at: writeInstant(nextDueAt(kase)),
    warn_at: writeInstant(nextWarnAt(kase)),
    channel: kase.channel ?? 'online',
    version,
    body,
    created_at: writeInstant(kase.createdAt),
    updated_at: writeInstant(kase.updatedAt),
  };
}

export async function insertCase(db: Db, kase: Case, derived: CaseDerived = {}): Promise<Case> {
  await db('cases').insert({ id: kase.id, ...columns(db, kase, 1, derived) });
  return { ...kase, version: 1 };
}

/** A new case for {@link insertCases}, with the events its timeline starts with (numbered 1, 2 …). */
export interface NewCase {
  kase: Case;
  derived?: CaseDerived;
  events?: CaseEvent[];
}

const CASE_COLUMNS = [
  'id', 'queue', 'platform_id', 'number', 'item_id', 'item_version', 'applicant_id', 'step', 'status', 'assignee_id', 'due_at', 'warn_at', 'channel', 'version', 'body', 'created_at', 'updated_at',
  // The statistics facts (null without them: derived when statistics are first asked for).
  'created_day', 'served_day', 'correction_rounds', 'is_late', 'handling_days', 'facts_version',
] as const;
const EVENT_COLUMNS = ['id', 'case_id', 'seq', 'type', 'actor_id', 'data', 'at'] as const;

/** The rows {@link insertCaseRows} writes: `cases` and `case_events` values in their column order. */
export interface NewCaseRows {
  cases: unknown[][];
  events: unknown[][];
}

/**
 * The rows of new cases at version 1 and of their first events, personal data sealed with
 * `keyring`: no database needed, so a bulk import builds them in worker threads while the main
 * thread writes the previous batch.
 */
export function newCaseRows(keyring: PersonalDataKeyring, cases: NewCase[]): NewCaseRows {
  const rows: NewCaseRows = { cases: [], events: [] };
  for (const { kase, derived, events } of cases) {
    const row: Record<string, unknown> = { id: kase.id, queue: derived?.queue ?? null, ...columnsWith(keyring, kase, 1, derived) };
    rows.cases.push(CASE_COLUMNS.map((name) => row[name] ?? null));
    (events ?? []).forEach((e, i) => rows.events.push([randomUUID(), kase.id, i + 1, e.type, e.actorId, writeJson(sealPersonalWith(keyring, e.data)), writeInstant(e.at)]));
  }
  return rows;
}

/** Writes rows made by {@link newCaseRows} through `bulkInsert` on the transaction's connection (prepared single-row INSERTs on SQLite, COPY on PostgreSQL). */
export async function insertCaseRows(tx: Knex.Transaction, rows: NewCaseRows): Promise<void> {
  await bulkInsert(tx, { table: 'cases', columns: CASE_COLUMNS, rows: rows.cases });
  await bulkInsert(tx, { table: 'case_events', columns: EVENT_COLUMNS, rows: rows.events });
}

/**
 * Stores many new cases at version 1, and their first events (imports, seeding). Personal data
 * is sealed as for every case. Call it inside a transaction; one call per few thousand cases
 * keeps each commit short.
 *
 * @example await db.transaction((tx) => insertCases(tx, [{ kase, derived: { queue: 'done' }, events }]));
 */
export async function insertCases(db: Db, cases: NewCase[]): Promise<void> {
  if (!db.isTransaction) return db.transaction((tx) => insertCases(tx, cases));
  await insertCaseRows(db as Knex.Transaction, newCaseRows(keyringOf(db), cases));
}

/** One case, or undefined. */
export async function getCase(db: Db, id: string): Promise<Case | undefined> {
  const row = await db('cases').select('body', 'version').where({ id }).first();
  return row ? toCase(db, row) : undefined;
}

/** The stored version of a case, or null when there is no such case. */
export async function getCaseVersion(db: Db, id: string): Promise<number | null> {
  const row = await db('cases').select('version').where({ id }).first();
  return row ? Number(row.version) : null;
}

/**
 * Replaces a case if it is still at `expectedVersion`, moving it to `expectedVersion + 1`.
 * Returns false when someone else changed it first. Given `before` (the case as read at that
 * version), the columns a case keeps from its creation (number, applicant, pinned item …) are
 * written only when they differ from it: the version guard proves the row still holds them,
 * and SQLite then leaves the indexes on them alone.
 */
export async function updateCase(db: Db, next: Case, expectedVersion: number, derived: CaseDerived = {}, before?: Case): Promise<boolean> {
  const values: Record<string, unknown> = columns(db, next, expectedVersion + 1, derived);
  if (before) {
    const stored = fixedColumns(before);
    for (const [name, value] of Object.entries(fixedColumns(next))) if (stored[name] === value) delete values[name];
  }
  const changed = await db('cases').where({ id: next.id, version: expectedVersion }).update(values);
  return changed === 1;
}

/** The columns {@link columns} copies from fields a case is created with. */
function fixedColumns(kase: Case): Record<string, unknown> {
  return {
    platform_id: kase.platformId,
    number: kase.number,
    item_id: kase.pins.item.id,
    item_version: kase.pins.item.version,
    applicant_id: kase.applicantId,
    channel: kase.channel ?? 'online',
    created_at: writeInstant(kase.createdAt),
  };
}

/** The case with this number, or undefined (numbers are unique across platforms). */
export async function getCaseByNumber(db: Db, number: string): Promise<Case | undefined> {
  const row = await db('cases').select('body', 'version').where({ number }).first();
  return row ? toCase(db, row) : undefined;
}

/** Sets a derived column without touching the case (its version stays): backfills only. */
export async function setCaseQueue(db: Db, change: { id: string; queue: string }): Promise<void> {
  await db('cases').where({ id: change.id }).update({ queue: change.queue });
}

/** Up to `limit` cases whose queue was never derived (stored before queues existed). */
export async function casesWithoutQueue(db: Db, limit: number): Promise<Case[]> {
  const rows = await db('cases').select('body', 'version').whereNull('queue').orderBy('id').limit(limit);
  return rows.map((row: Record<string, unknown>) => toCase(db, row));
}

/** Which cases: every condition given must hold. */
export interface CaseFilter {
  platformId: string;
  applicantId?: string;
  status?: CaseStatus;
  step?: string;
  assigneeId?: string;
  itemId?: string;
  /** The inbox queue the server derived (toAccept, returned, inProgress …). */
  queue?: string;
  /** Matches case numbers containing this text. */
  q?: string;
  /**
   * Matches a number containing `text`, an applicant whose name contains it, or one of `itemIds`;
   * a whole ID number or mobile phone also matches the applicant it belongs to (blind index).
   */
  search?: { text: string; itemIds: string[] };
  /** Only cases due at or before this instant (overdue then). */
  dueBy?: string;
  /** Only cases whose warning time passed by this instant and that are not due yet then (due soon). */
  warnedBy?: string;
}

export interface CaseQuery extends CaseFilter {
  /** `updated` (default): most recently changed first; `due`: earliest due first, only cases with a running clock. */
  order?: 'updated' | 'due';
  limit: number;
  /** The `next` cursor of the previous page. */
  after?: string;
}

export interface CasePage {
  cases: Case[];
  /** Pass as `after` for the next page; absent on the last page. */
  next?: string;
}

/** What a list shows of a case, read without its large (and partly sealed) body: its columns and the definitions it pins. */
export interface CaseListing {
  id: string;
  platformId: string;
  number: string;
  status: CaseStatus;
  step: string;
  channel: string;
  applicantId: string;
  assigneeId: string | null;
  /** The earliest due time and warning time of its running clocks (as the engine's nextDueAt / nextWarnAt). */
  dueAt: string | null;
  warnAt: string | null;
  version: number;
  createdAt: string;
  updatedAt: string;
  pins: Pins;
  /** The display names of the applicant and the assignee (null when there is none or no such user). */
  applicantName: string | null;
  assigneeName: string | null;
}

/** The columns a page reads: the whole case (`case`), or only what a list shows of it (`listing`). */
type ListColumns = 'case' | 'listing';

function selectedColumns(db: Db, columns: ListColumns, sortColumn: string): Array<string | Knex.Raw> {
  if (columns === 'case') return ['id', 'body', 'version', sortColumn];
  const pins = dialectOf(db) === 'postgres' ? db.raw(`body->'pins' as pins`) : db.raw(`json_extract(body, '$.pins') as pins`);
  return ['id', 'platform_id', 'number', 'status', 'step', 'channel', 'applicant_id', 'assignee_id', 'due_at', 'warn_at', 'version', 'created_at', 'updated_at', pins];
}

/**
 * The query a page of `listCases` (or, with `listing`, `listCaseListings`) runs: the filter,
 * the cursor's keyset condition, the order and one row more than the page (to tell whether
 * another follows). Exported so benchmarks and the index tests read the very SQL the inbox
 * sends (`.toSQL()`).
 */
export function listCasesQuery(db: Db, query: CaseQuery, columns: ListColumns = 'case'): Knex.QueryBuilder {
  const isDue = query.order === 'due';
  const sortColumn = isDue ? 'due_at' : 'updated_at';
  const builder = filtered(db, query).select(selectedColumns(db, columns, sortColumn));
  if (isDue) builder.whereNotNull('due_at');
  if (query.after) {
    const [sortValue, id] = decodeCursor(query.after);
    // (updated_at desc, id asc) or (due_at asc, id asc): rows strictly after the cursor. The
    // plain range on the sort column comes first so both planners seek to the cursor in the
    // index instead of walking every earlier page's entries (an OR alone is not a range).
    builder
      .where(sortColumn, isDue ? '>=' : '<=', sortValue)
      .andWhere((w) => w.where(sortColumn, isDue ? '>' : '<', sortValue).orWhere('id', '>', id));
  }
  const order = (table?: string) => [{ column: table ? `${table}.${sortColumn}` : sortColumn, order: isDue ? 'asc' : 'desc' }, { column: table ? `${table}.id` : 'id', order: 'asc' }];
  builder.orderBy(order()).limit(query.limit + 1);
  if (columns === 'case') return builder;
  // The people's names of just the page's rows, in the same statement (one round trip less):
  // looked up around the limited page, so a view that sorts many cases looks up only these.
  const nameOf = (column: string) => db.raw(`(select display_name from users where users.id = page.${column}) as ??`, [`${column.replace('_id', '')}_name`]);
  return db.select('page.*', nameOf('applicant_id'), nameOf('assignee_id')).from(builder.as('page')).orderBy(order('page'));
}

/** A page of rows and the cursor after its last row, when another page follows. */
async function pageOf<T>(db: Db, query: CaseQuery, columns: ListColumns, read: (row: Record<string, unknown>) => T): Promise<{ items: T[]; next?: string }> {
  const sortColumn = query.order === 'due' ? 'due_at' : 'updated_at';
  const rows: Array<Record<string, unknown>> = await listCasesQuery(db, query, columns);
  const page = rows.slice(0, query.limit);
  const last = page[page.length - 1];
  const hasMore = rows.length > query.limit && last !== undefined;
  return { items: page.map(read), ...(hasMore ? { next: encodeCursor(readInstant(last[sortColumn]) as string, last.id as string) } : {}) };
}

/** Lists cases, keyset-paged so pages stay stable while cases change. */
export async function listCases(db: Db, query: CaseQuery): Promise<CasePage> {
  const { items, next } = await pageOf(db, query, 'case', (row) => toCase(db, row));
  return { cases: items, ...(next ? { next } : {}) };
}

/**
 * Lists what an inbox shows of each case, keyset-paged like {@link listCases} (same filter,
 * order and cursors) but without reading, parsing and opening the case bodies (a page of the
 * desk costs a twentieth of the JSON), with the people's names in the same statement.
 */
export async function listCaseListings(db: Db, query: CaseQuery): Promise<{ listings: CaseListing[]; next?: string }> {
  const { items, next } = await pageOf(db, query, 'listing', (row) => ({
    id: row.id as string,
    platformId: row.platform_id as string,
    number: row.number as string,
    status: row.status as CaseStatus,
    step: row.step as string,
    channel: row.channel as string,
    applicantId: row.applicant_id as string,
    assigneeId: (row.assignee_id as string | null) ?? null,
    dueAt: readInstant(row.due_at),
    warnAt: readInstant(row.warn_at),
    version: Number(row.version),
    createdAt: readInstant(row.created_at) as string,
    updatedAt: readInstant(row.updated_at) as string,
    pins: readJson<Pins>(db, row.pins),
    applicantName: (row.applicant_name as string | null) ?? null,
    assigneeName: (row.assignee_name as string | null) ?? null,
  }));
  return { listings: items, ...(next ? { next } : {}) };
}

/** `%text%` for LIKE, with the wildcards in `text` escaped. */
function containing(text: string): string {
  return `%${text.replace(/[%_\\]/g, '\\$&')}%`;
}

/**
 * Case numbers are digits and upper-case letters (USCC, codes, date, sequence), so the typed
 * text is upper-cased and compared with a plain LIKE: on PostgreSQL that is several times
 * cheaper per row than ILIKE, and a search tests every number of the platform.
 */
function numberContaining(builder: Knex.QueryBuilder, text: string): void {
  builder.whereRaw(`number like ? escape '\\'`, [containing(text.toUpperCase())]);
}

/** The cases of `filter`, as every list and count selects them (storage/case-counts.ts counts them). */
export function filtered(db: Db, filter: CaseFilter): Knex.QueryBuilder {
  const builder = db('cases').where({ platform_id: filter.platformId });
  const equal = { applicant_id: filter.applicantId, status: filter.status, step: filter.step, assignee_id: filter.assigneeId, item_id: filter.itemId, queue: filter.queue };
  for (const [column, value] of Object.entries(equal)) if (value !== undefined) builder.where(column, value);
  if (filter.q) numberContaining(builder, filter.q);
  if (filter.search) {
    const { text, itemIds } = filter.search;
    const applicants = db('users').select('id').where({ platform_id: filter.platformId }).andWhereRaw(likeIgnoringCase(db, 'display_name'), [containing(text)]);
    builder.where((w) => {
      numberContaining(w, text);
      w.orWhereIn('applicant_id', applicants);
      if (isPersonalValue(text)) w.orWhereIn('applicant_id', usersWithPersonalValue(db, { platformId: filter.platformId, value: text }));
      if (itemIds.length > 0) w.orWhereIn('item_id', itemIds);
    });
  }
  if (filter.dueBy) builder.where('due_at', '<=', writeInstant(filter.dueBy));
  if (filter.warnedBy) builder.where('warn_at', '<=', writeInstant(filter.warnedBy)).andWhere('due_at', '>', writeInstant(filter.warnedBy));
  return builder;
}

function encodeCursor(sortValue: string, id: string): string {
  return Buffer.from(JSON.stringify([sortValue, id]), 'utf8').toString('base64url');
}

function decodeCursor(cursor: string): [string, string] {
  const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  if (!Array.isArray(value) || value.length !== 2 || !value.every((v) => typeof v === 'string')) {
    throw new RangeError('Invalid case list cursor; pass the `next` value of the previous page unchanged.');
  }
  return [writeInstant(value[0] as string), value[1] as string];
}

function toCase(db: Db, row: Record<string, unknown>): Case {
  return { ...openSealedIn(db, readJson<Case>(db, row.body)), version: Number(row.version) };
}
