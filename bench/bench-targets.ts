/**
 * Where the transition benchmarks run: a SQLite file in a temp folder (synchronous FULL or
 * NORMAL), or a fresh schema on PostgreSQL that is dropped afterwards. Each `open()` gives a
 * new, migrated, empty database, so every implementation measured starts from the same state.
 */
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import knexFactory from 'knex';
import { openDatabase, type Database } from '../storage/database.js';
import { PersonalDataKeyring } from '../storage/personal-data/keyring.js';

/** Benchmarks store ID numbers and phones sealed, as the server does. */
const keyring = PersonalDataKeyring.fromSecrets([randomBytes(32).toString('hex')]);

/** The PostgreSQL the benchmark uses when it can reach it (the tests' default). */
export const benchPostgresUrl = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

export type SqliteSynchronous = 'FULL' | 'NORMAL';

/** Where a store lives, for baselines that bypass knex and talk to the database directly. */
export type StoreLocation = { dialect: 'sqlite'; file: string; synchronous: SqliteSynchronous } | { dialect: 'postgres'; url: string; schema: string };

/** A fresh migrated database and a scratch folder (for uploaded files); `dispose` removes both. */
export interface BenchStore {
  db: Database;
  location: StoreLocation;
  scratchDir: string;
  dispose(): Promise<void>;
}

export interface BenchTarget {
  /** Short name used in the report, e.g. `SQLite synchronous=FULL`. */
  label: string;
  open(): Promise<BenchStore>;
}

/** A SQLite file in a new temp folder, WAL, with the given `synchronous`. */
export function sqliteTarget(synchronous: SqliteSynchronous): BenchTarget {
  return {
    label: `SQLite (file, WAL, synchronous=${synchronous})`,
    async open() {
      const scratchDir = await mkdtemp(join(tmpdir(), 'ipsp-bench-'));
      const file = join(scratchDir, 'bench.sqlite');
      const db = await openDatabase({ sqliteFile: file, synchronous, keyring });
      await db.migrate();
      let isOpen = true;
      return {
        db: closeOnce(db, () => (isOpen = false)),
        location: { dialect: 'sqlite', file, synchronous },
        scratchDir,
        async dispose() {
          if (isOpen) await db.close();
          await rm(scratchDir, { recursive: true, force: true });
        },
      };
    },
  };
}

/** A new schema `ipsp_bench_…` on `url`, dropped with everything in it on dispose. */
export function postgresTarget(url: string): BenchTarget {
  return {
    label: 'PostgreSQL (fresh schema)',
    async open() {
      const schema = `ipsp_bench_${randomBytes(6).toString('hex')}`;
      const admin = knexFactory({ client: 'pg', connection: url, pool: { min: 0, max: 1 } });
      await admin.raw('create schema ??', [schema]);
      const scratchDir = await mkdtemp(join(tmpdir(), 'ipsp-bench-'));
      const db = await openDatabase({ url, searchPath: schema, keyring });
      await db.migrate();
      let isOpen = true;
      return {
        db: closeOnce(db, () => (isOpen = false)),
        location: { dialect: 'postgres', url, schema },
        scratchDir,
        async dispose() {
          if (isOpen) await db.close();
          await admin.raw('drop schema ?? cascade', [schema]);
          await admin.destroy();
          await rm(scratchDir, { recursive: true, force: true });
        },
      };
    },
  };
}

/** The database, remembering when a baseline closed it early (to hand the file to another driver). */
function closeOnce(db: Database, onClose: () => void): Database {
  return {
    ...db,
    close: async () => {
      onClose();
      await db.close();
    },
  };
}

import { postgresUnreachable } from '../storage/postgres-probe.js';

export { postgresUnreachable };

/**
 * The databases a section's own entry measures, from TARGETS (a comma list of full, normal and
 * pg; `fallback` when unset). PostgreSQL is left out, with a line on stderr, when it does not answer.
 *
 * @example const targets = await targetsFromEnv('full,pg');
 */
export async function targetsFromEnv(fallback: string): Promise<BenchTarget[]> {
  const wanted = new Set((process.env.TARGETS ?? fallback).split(','));
  const targets: BenchTarget[] = [];
  if (wanted.has('full')) targets.push(sqliteTarget('FULL'));
  if (wanted.has('normal')) targets.push(sqliteTarget('NORMAL'));
  if (wanted.has('pg')) {
    const reason = await postgresUnreachable(benchPostgresUrl);
    if (reason === undefined) targets.push(postgresTarget(benchPostgresUrl));
    else console.error(`PostgreSQL not measured: ${reason}`);
  }
  return targets;
}
