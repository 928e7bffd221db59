/**
 * The few places where SQLite and PostgreSQL differ in how a value is stored: JSON (text vs
 * jsonb), instants (ISO text vs timestamptz) and booleans (0/1 vs boolean). Repositories read
 * and write plain values through these helpers and never branch on the dialect themselves.
 */
import type { Knex } from 'knex';

export type Dialect = 'sqlite' | 'postgres';

/** The dialect behind a knex instance or transaction. */
export function dialectOf(db: Knex | Knex.Transaction): Dialect {
  return (db.client as { dialect?: string }).dialect === 'postgresql' ? 'postgres' : 'sqlite';
}

/** Adds a JSON column: `jsonb` on PostgreSQL, `text` on SQLite. */
export function jsonColumn(table: Knex.CreateTableBuilder, name: string, dialect: Dialect): Knex.ColumnBuilder {
  return dialect === 'postgres' ? table.jsonb(name) : table.text(name);
}

/** Adds an instant column: `timestamptz` on PostgreSQL, ISO 8601 UTC text on SQLite. */
export function instantColumn(table: Knex.CreateTableBuilder, name: string, dialect: Dialect): Knex.ColumnBuilder {
  return dialect === 'postgres' ? table.timestamp(name, { useTz: true, precision: 3 }) : table.string(name, 32);
}

/**
 * Serializes a value for a JSON column. Always a string: the pg driver would turn a JS array
 * into a PostgreSQL array, not JSON.
 */
export function writeJson(value: unknown): string {
  return JSON.stringify(value ?? null);
}

/** Reads a JSON column: pg hands back parsed jsonb, SQLite hands back text. */
export function readJson<T>(db: Knex | Knex.Transaction, value: unknown): T {
  if (dialectOf(db) === 'postgres' || typeof value !== 'string') return value as T;
  return JSON.parse(value) as T;
}

/**
 * Normalizes an instant to `YYYY-MM-DDTHH:mm:ss.sssZ`, so text comparison on SQLite is
 * chronological and PostgreSQL gets an unambiguous literal.
 */
export function writeInstant(value: string | Date): string;
export function writeInstant(value: string | Date | null | undefined): string | null;
export function writeInstant(value: string | Date | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  const date = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(date.getTime())) throw new RangeError(`Not an instant: ${String(value)}`);
  return date.toISOString();
}

/** Reads an instant column back as ISO 8601 UTC text (pg returns Date objects). */
export function readInstant(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  return value instanceof Date ? value.toISOString() : writeInstant(String(value));
}

/** Reads a boolean column (SQLite stores 0/1). */
export function readBoolean(value: unknown): boolean {
  return value === true || value === 1 || value === '1';
}

/**
 * A case-insensitive `column LIKE ?` with backslash escapes, for a raw where: SQLite's LIKE
 * already ignores ASCII case, PostgreSQL needs ILIKE. Neither wraps the column in a function,
 * so a scan can test it straight from an index that holds the column.
 */
export function likeIgnoringCase(db: Knex | Knex.Transaction, column: string): string {
  return `${column} ${dialectOf(db) === 'postgres' ? 'ilike' : 'like'} ? escape '\\'`;
}

/** Adds `ms` milliseconds to an instant. */
export function addMs(instant: string, ms: number): string {
  return new Date(new Date(instant).getTime() + ms).toISOString();
}
