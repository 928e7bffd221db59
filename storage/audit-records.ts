/**
 * The audit trail: an append-only, hash-chained table. Each record's hash is the SHA-256 of the
 * previous record's hash and the canonical JSON of the record, so a changed, deleted, reordered
 * or inserted row breaks the chain (the verifier is server/operations/audit-verify.ts).
 *
 * Appends are serialized through the one-row chain head: PostgreSQL locks it `FOR UPDATE`,
 * SQLite's write transactions already hold the database's write lock (`BEGIN IMMEDIATE`). So
 * several server processes on one database extend one chain and never fork it.
 *
 * @example
 * await appendAuditRecord(db, { at, platformId, userId, roles, action: 'session.sign-in', objectId: {}, result: 'success', status: 200, sourceIp, requestId, detail: { username } });
 */
import { createHash } from 'node:crypto';
import type { Knex } from 'knex';
import { canonicalJson } from './canonical-json.js';
import { readInstant, readJson, writeInstant, writeJson } from './columns.js';
import type { Database } from './database.js';

type Db = Knex | Knex.Transaction;

/** What the application states about one audited request. */
export interface AuditEntry {
  /** UTC instant, ISO 8601 with offset (`Z`). */
  at: string;
  /** The platform of the user acting; null for callers without a session (and unknown usernames). */
  platformId: string | null;
  userId: string | null;
  roles: string[];
  /** A route key (`POST /api/cases/:caseId/actions/:action`) or a named action (`session.sign-in`). */
  action: string;
  /** The route's parameters: what the request aimed at. */
  objectId: Record<string, string>;
  result: 'success' | 'failure';
  /** The HTTP status answered. */
  status: number;
  sourceIp: string | null;
  requestId: string;
  /** What the handler added (`res.locals.auditDetail`): never bodies, ID numbers, phones, passwords or tokens. */
  detail: Record<string, unknown>;
}

/** A stored record: the entry, its place in the chain and the hashes linking it. */
export interface AuditRecord extends AuditEntry {
  seq: number;
  prevHash: string;
  hash: string;
}

/** The previous hash of the first record. */
export const GENESIS_HASH = '0'.repeat(64);

/**
 * The canonical JSON of a record without its hashes: exactly `canonicalJson` of the object of
 * those twelve members, written out with the top-level keys already in sorted order because the
 * verifier runs it a million times.
 */
export function auditBody(record: AuditEntry & { seq: number }): string {
  const text = JSON.stringify;
  return (
    `{"action":${text(record.action)},"at":${text(record.at)},"detail":${canonicalJson(record.detail)},"objectId":${canonicalJson(record.objectId)},` +
    `"platformId":${text(record.platformId)},"requestId":${text(record.requestId)},"result":${text(record.result)},"roles":${canonicalJson(record.roles)},` +
    `"seq":${text(record.seq)},"sourceIp":${text(record.sourceIp)},"status":${text(record.status)},"userId":${text(record.userId)}}`
  );
}

/** The hash of a record: SHA-256 over the previous hash, a newline, and the canonical JSON of everything else. */
export function auditHash(prevHash: string, record: AuditEntry & { seq: number }): string {
  return createHash('sha256').update(`${prevHash}\n${auditBody(record)}`, 'utf8').digest('hex');
}

/** The chain head: the last record's sequence number and hash (0 and the genesis hash when empty). */
export interface ChainHead {
  seq: number;
  hash: string;
}

export async function readChainHead(db: Db): Promise<ChainHead> {
  const row = await db('audit_chain_head').where({ id: 1 }).first();
  return { seq: Number(row.seq), hash: row.hash as string };
}

/**
 * Appends one record at the end of the chain and answers it stored. The instant is normalized
 * to milliseconds (what both databases keep), so the hash stays verifiable from the stored row.
 * PostgreSQL does it in one statement (one round trip instead of five); SQLite, where a
 * statement costs no round trip, in a transaction of three.
 */
export async function appendAuditRecord(db: Database, entry: AuditEntry): Promise<AuditRecord> {
  return db.dialect === 'postgres' ? appendInOneStatement(db.knex, entry) : appendInTransaction(db, entry);
}

async function appendInTransaction(db: Database, entry: AuditEntry): Promise<AuditRecord> {
  return db.transaction(async (tx) => {
    const row = await tx('audit_chain_head').where({ id: 1 }).first();
    const record = { ...entry, at: writeInstant(entry.at), seq: Number(row.seq) + 1, prevHash: row.hash as string };
    const hash = auditHash(record.prevHash, record);
    await tx('audit_records').insert(toRow({ ...record, hash }));
    await tx('audit_chain_head').where({ id: 1 }).update({ seq: record.seq, hash });
    return { ...record, hash };
  });
}

/** The text hashed for a record, split around its sequence number, which only the database knows until the head is locked. */
function bodyAroundSeq(record: AuditEntry): [string, string] {
  const body = auditBody({ ...record, seq: 0 });
  // The last `"seq":0,` is the record's own: members after it (sourceIp, status, userId) hold no raw quotes-and-colons.
  const at = body.lastIndexOf('"seq":0,');
  return [body.slice(0, at + '"seq":'.length), body.slice(at + '"seq":0'.length)];
}

/**
 * One statement: lock the head (`FOR UPDATE`; a concurrent append waits and then reads the head
 * it left), hash in the database with the same text the verifier hashes (SHA-256 over the
 * previous hash, a newline and the canonical JSON, UTF-8), insert the record, move the head.
 */
async function appendInOneStatement(knex: Knex, entry: AuditEntry): Promise<AuditRecord> {
  const record = { ...entry, at: writeInstant(entry.at) };
  const [before, after] = bodyAroundSeq(record);
  const result = await knex.raw(
    `with head as (select seq, hash from audit_chain_head where id = 1 for update),
      next as (
        select seq + 1 as seq, hash as prev_hash, encode(sha256(convert_to(hash || chr(10) || ? || (seq + 1)::text || ?, 'UTF8')), 'hex') as hash from head
      ),
      stored as (
        insert into audit_records (seq, at, platform_id, user_id, roles, action, object_id, result, status, source_ip, request_id, detail, prev_hash, hash)
        select next.seq, ?, ?, ?, ?::jsonb, ?, ?::jsonb, ?, ?, ?, ?, ?::jsonb, next.prev_hash, next.hash from next
        returning seq, prev_hash, hash
      )
    update audit_chain_head set seq = stored.seq, hash = stored.hash from stored where audit_chain_head.id = 1
    returning stored.seq, stored.prev_hash, stored.hash`,
    [before, after, record.at, record.platformId, record.userId, writeJson(record.roles), record.action, writeJson(record.objectId), record.result, record.status, record.sourceIp, record.requestId, writeJson(record.detail)],
  );
  const row = (result as { rows: Array<{ seq: string | number; prev_hash: string; hash: string }> }).rows[0];
  if (!row) throw new Error('audit record not appended: the chain head row is missing (migration 0015 creates it)');
  return { ...record, seq: Number(row.seq), prevHash: row.prev_hash, hash: row.hash };
}

function toRow(record: AuditRecord): Record<string, unknown> {
  return {
    seq: record.seq,
    at: record.at,
    platform_id: record.platformId,
    user_id: record.userId,
    roles: writeJson(record.roles),
    action: record.action,
    object_id: writeJson(record.objectId),
    result: record.result,
    status: record.status,
    source_ip: record.sourceIp,
    request_id: record.requestId,
    detail: writeJson(record.detail),
    prev_hash: record.prevHash,
    hash: record.hash,
  };
}

/** A stored row that no longer parses (its JSON was edited by hand): the verifier reports it. */
export class UnreadableAuditRow extends Error {
  constructor(readonly seq: number, cause: unknown) {
    super(`audit record ${seq} cannot be read: ${String(cause)}`);
  }
}

function toRecord(db: Db, row: Record<string, unknown>): AuditRecord {
  const seq = Number(row.seq);
  try {
    return {
      seq,
      at: readInstant(row.at) as string,
      platformId: (row.platform_id as string | null) ?? null,
      userId: (row.user_id as string | null) ?? null,
      roles: readJson(db, row.roles),
      action: row.action as string,
      objectId: readJson(db, row.object_id),
      result: row.result as AuditRecord['result'],
      status: Number(row.status),
      sourceIp: (row.source_ip as string | null) ?? null,
      requestId: row.request_id as string,
      detail: readJson(db, row.detail),
      prevHash: row.prev_hash as string,
      hash: row.hash as string,
    };
  } catch (error) {
    throw new UnreadableAuditRow(seq, error);
  }
}

/** Records after `afterSeq` in chain order, at most `limit`: the verifier's pages. Unreadable rows are returned as errors in place. */
export async function auditPage(db: Db, page: { afterSeq: number; limit: number }): Promise<Array<AuditRecord | UnreadableAuditRow>> {
  const rows = await db('audit_records').where('seq', '>', page.afterSeq).orderBy('seq').limit(page.limit);
  return rows.map((row: Record<string, unknown>) => {
    try {
      return toRecord(db, row);
    } catch (error) {
      return error as UnreadableAuditRow;
    }
  });
}

/** What a reader of the trail may narrow it to; pages run newest first, keyed by `beforeSeq`. */
export interface AuditFilter {
  platformIds: Array<string | null>;
  from?: string;
  to?: string;
  userId?: string;
  action?: string;
  result?: AuditRecord['result'];
  /** Only records older than this sequence number (the previous page's last). */
  beforeSeq?: number;
  limit: number;
}

/** Records of the given platforms matching the filter, newest first (keyset paging on `seq`). */
export async function listAuditRecords(db: Db, filter: AuditFilter): Promise<AuditRecord[]> {
  const platforms = filter.platformIds.filter((id): id is string => id !== null);
  const query = db('audit_records').where((q) => {
    q.whereIn('platform_id', platforms);
    if (filter.platformIds.includes(null)) q.orWhereNull('platform_id');
  });
  if (filter.from) query.andWhere('at', '>=', writeInstant(filter.from));
  if (filter.to) query.andWhere('at', '<', writeInstant(filter.to));
  if (filter.userId) query.andWhere('user_id', filter.userId);
  if (filter.action) query.andWhere('action', filter.action);
  if (filter.result) query.andWhere('result', filter.result);
  if (filter.beforeSeq !== undefined) query.andWhere('seq', '<', filter.beforeSeq);
  const rows = await query.orderBy('seq', 'desc').limit(filter.limit);
  return rows.map((row: Record<string, unknown>) => toRecord(db, row));
}

/** The records of one request (its `X-Request-Id`), oldest first. */
export async function auditRecordsOfRequest(db: Db, requestId: string): Promise<AuditRecord[]> {
  const rows = await db('audit_records').where({ request_id: requestId }).orderBy('seq');
  return rows.map((row: Record<string, unknown>) => toRecord(db, row));
}
