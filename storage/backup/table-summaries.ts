/**
 * What a backup's manifest says about each table: its row count and a SHA-256 over its rows.
 * Each row is written as canonical JSON (storage/canonical-json.ts) and hashed; the table's
 * checksum is the SHA-256 of those row digests sorted, so it names the same rows in any order
 * (as primary-key order would) without knowing each table's key on two dialects.
 */
import { createHash } from 'node:crypto';
import type BetterSqlite3 from 'better-sqlite3';
import type { Knex } from 'knex';
import { canonicalJson } from '../canonical-json.js';

export interface TableSummary {
  rows: number;
  sha256: string;
}

/** Table name → its summary, tables in name order. */
export type TableSummaries = Record<string, TableSummary>;

/** Dates, bytes and big integers as JSON can carry them, so equal rows hash equal. */
function jsonValue(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString();
  if (Buffer.isBuffer(value) || value instanceof Uint8Array) return { base64: Buffer.from(value).toString('base64') };
  if (typeof value === 'bigint') return value.toString();
  return value;
}

/** The summary of one table's rows. */
export function summarizeRows(rows: Array<Record<string, unknown>>): TableSummary {
  const digests = rows.map((row) => {
    const plain = Object.fromEntries(Object.entries(row).map(([column, value]) => [column, jsonValue(value)]));
    return createHash('sha256').update(canonicalJson(plain), 'utf8').digest('hex');
  });
  digests.sort();
  return { rows: rows.length, sha256: createHash('sha256').update(digests.join('\n'), 'utf8').digest('hex') };
}

/** Every table of a SQLite file opened with better-sqlite3 (a backup copy or a restored file). */
export function summarizeSqlite(db: BetterSqlite3.Database): TableSummaries {
  const tables = db.prepare(`select name from sqlite_master where type = 'table' and name not like 'sqlite_%' order by name`).pluck().all() as string[];
  return Object.fromEntries(tables.map((table) => [table, summarizeRows(db.prepare(`select * from "${table.replaceAll('"', '""')}"`).all() as Array<Record<string, unknown>>)]));
}

/** Every table of the PostgreSQL schema `current_schema()` names, read in `tx` (e.g. the snapshot pg_dump saw). */
export async function summarizePostgres(tx: Knex | Knex.Transaction): Promise<TableSummaries> {
  const listed = await tx.raw(`select table_name from information_schema.tables where table_schema = current_schema() and table_type = 'BASE TABLE' order by table_name`);
  const summaries: TableSummaries = {};
  for (const { table_name: table } of listed.rows as Array<{ table_name: string }>) summaries[table] = summarizeRows(await tx(table).select('*'));
  return summaries;
}
