/**
 * An offline attacker of the audit trail: someone with the database's own credentials who
 * drops the append-only triggers and edits rows directly, as the verifier must catch.
 */
import type { Knex } from 'knex';
import { appendAuditRecord, auditHash, type AuditEntry } from '../../storage/audit-records.js';
import { dialectOf } from '../../storage/columns.js';
import type { Database } from '../../storage/database.js';

/** A plausible entry number `n`, at a distinct instant. */
export function sampleEntry(n: number, overrides: Partial<AuditEntry> = {}): AuditEntry {
  return {
    at: new Date(Date.UTC(2026, 8, 21, 1, 0, n)).toISOString(),
    platformId: n % 2 === 0 ? 'mianyang' : 'sichuan-province',
    userId: `user-${n % 3}`,
    roles: ['staff'],
    action: 'POST /api/cases/:caseId/actions/:action',
    objectId: { caseId: `case-${n}`, action: 'accept' },
    result: n % 5 === 0 ? 'failure' : 'success',
    status: n % 5 === 0 ? 409 : 200,
    sourceIp: '127.0.0.1',
    requestId: `request-${n}`,
    detail: { note: `第 ${n} 条`, n },
    ...overrides,
  };
}

/** Appends `count` sample records one after another. */
export async function appendSamples(db: Database, count: number): Promise<void> {
  for (let n = 1; n <= count; n += 1) await appendAuditRecord(db, sampleEntry(n));
}

/** Drops every trigger guarding the audit tables, as only the database owner could. */
export async function dropAuditTriggers(knex: Knex): Promise<void> {
  if (dialectOf(knex) === 'postgres') {
    await knex.raw('DROP TRIGGER audit_records_append_only ON audit_records');
    await knex.raw('DROP TRIGGER audit_records_no_truncate ON audit_records');
    await knex.raw('DROP TRIGGER audit_chain_head_forward ON audit_chain_head');
    await knex.raw('DROP TRIGGER audit_chain_head_no_truncate ON audit_chain_head');
    return;
  }
  for (const name of ['audit_records_no_update', 'audit_records_no_delete', 'audit_chain_head_no_delete', 'audit_chain_head_forward']) {
    await knex.raw(`DROP TRIGGER ${name}`);
  }
}

/** Changes one character of a string inside record `seq`'s detail, keeping it valid JSON. */
export async function flipDetailByte(knex: Knex, seq: number): Promise<void> {
  const row = await knex('audit_records').where({ seq }).first();
  const text = typeof row.detail === 'string' ? row.detail : JSON.stringify(row.detail);
  const flipped = text.replace('第', '弟');
  if (flipped === text) throw new Error(`record ${seq} has no 第 to flip`);
  await knex('audit_records').where({ seq }).update({ detail: flipped });
}

/** Swaps everything but the sequence numbers of records `a` and `b`. */
export async function swapContents(knex: Knex, a: number, b: number): Promise<void> {
  const [first, second] = await Promise.all([knex('audit_records').where({ seq: a }).first(), knex('audit_records').where({ seq: b }).first()]);
  const contents = (row: Record<string, unknown>) => {
    const { seq: _seq, ...rest } = row;
    return { ...rest, roles: json(rest.roles), object_id: json(rest.object_id), detail: json(rest.detail) };
  };
  await knex('audit_records').where({ seq: a }).update(contents(second));
  await knex('audit_records').where({ seq: b }).update(contents(first));
}

/** Re-serializes a JSON column value read back from either database. */
const json = (value: unknown): string => (typeof value === 'string' ? value : JSON.stringify(value));

/** Inserts a forged record `seq` after the last one, with the hash an attacker would compute; the head is not moved. */
export async function insertForged(knex: Knex, seq: number): Promise<void> {
  const last = await knex('audit_records').orderBy('seq', 'desc').first();
  const forged = { ...sampleEntry(seq, { detail: { note: '伪造' } }), seq };
  await knex('audit_records').insert({
    seq,
    at: forged.at,
    platform_id: forged.platformId,
    user_id: forged.userId,
    roles: JSON.stringify(forged.roles),
    action: forged.action,
    object_id: JSON.stringify(forged.objectId),
    result: forged.result,
    status: forged.status,
    source_ip: forged.sourceIp,
    request_id: forged.requestId,
    detail: JSON.stringify(forged.detail),
    prev_hash: last.hash,
    hash: auditHash(last.hash as string, forged),
  });
}
