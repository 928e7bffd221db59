/**
 * PostgreSQL's side of backup and restore: `pg_dump --format=custom` of the configured schema,
 * taken inside a snapshot this process exports so the manifest's row counts and checksums describe
 * exactly the rows in the dump while the server keeps writing; `pg_restore` into an empty schema.
 */
import { spawn } from 'node:child_process';
import knexFactory, { type Knex } from 'knex';
import type { DatabaseContents } from './sqlite-backup.js';
import { summarizePostgres } from './table-summaries.js';

/** The schema a `postgres://` URL works in: `options=-c search_path=<schema>`, else `public`. */
export function schemaOfUrl(url: string): string {
  const options = new URL(url).searchParams.get('options') ?? '';
  return /search_path=([^\s,]+)/.exec(options)?.[1] ?? 'public';
}

/** Runs a PostgreSQL client tool; rejects with its own words (stderr) when it fails. */
function runTool(tool: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(tool, args, { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.once('error', (error) => reject(new Error(`${tool} could not start (${error.message}); install the PostgreSQL client tools.`)));
    child.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${tool} failed (exit ${code}): ${stderr.trim()}`))));
  });
}

function connect(url: string): Knex {
  return knexFactory({ client: 'pg', connection: url, pool: { min: 0, max: 1 } });
}

async function migrationsIn(tx: Knex | Knex.Transaction, schema: string): Promise<string[]> {
  const exists = await tx.raw(`select 1 from information_schema.tables where table_schema = ? and table_name = 'knex_migrations'`, [schema]);
  if (exists.rows.length === 0) return [];
  return (await tx('knex_migrations').orderBy('id').select('name')).map((row: { name: string }) => row.name);
}

/** Dumps the schema of `url` to `destination` and answers what the dump holds. */
export async function dumpPostgres(input: { url: string; destination: string }): Promise<DatabaseContents & { schema: string }> {
  const knex = connect(input.url);
  try {
    return await knex.transaction(
      async (tx) => {
        const schema = (await tx.raw('select current_schema() as schema')).rows[0]?.schema as string | null;
        if (!schema) throw new Error(`The schema "${schemaOfUrl(input.url)}" of DATABASE_URL does not exist; nothing to back up.`);
        const snapshot = (await tx.raw('select pg_export_snapshot() as id')).rows[0].id as string;
        await runTool('pg_dump', ['--format=custom', `--snapshot=${snapshot}`, `--schema=${schema}`, `--file=${input.destination}`, `--dbname=${input.url}`]);
        return { schema, tables: await summarizePostgres(tx), migrations: await migrationsIn(tx, schema) };
      },
      { isolationLevel: 'repeatable read' },
    );
  } finally {
    await knex.destroy();
  }
}

/** How many tables the schema of `url` holds (0: empty or missing). */
export async function postgresTableCount(url: string): Promise<number> {
  const knex = connect(url);
  try {
    const result = await knex.raw(`select count(*)::int as n from information_schema.tables where table_schema = ?`, [schemaOfUrl(url)]);
    return result.rows[0].n as number;
  } finally {
    await knex.destroy();
  }
}

/**
 * Replaces the schema of `url` by the dump's: the schema is dropped (the caller made sure it is
 * empty, or was told to force) and `pg_restore` recreates it with its tables, rows and triggers.
 */
export async function restorePostgres(input: { url: string; from: string }): Promise<void> {
  const knex = connect(input.url);
  try {
    await knex.raw('drop schema if exists ?? cascade', [schemaOfUrl(input.url)]);
  } finally {
    await knex.destroy();
  }
  await runTool('pg_restore', ['--no-owner', '--no-acl', '--exit-on-error', `--dbname=${input.url}`, input.from]);
}

/** What the restored schema holds. */
export async function inspectPostgres(url: string): Promise<DatabaseContents> {
  const knex = connect(url);
  try {
    return { tables: await summarizePostgres(knex), migrations: await migrationsIn(knex, schemaOfUrl(url)) };
  } finally {
    await knex.destroy();
  }
}
