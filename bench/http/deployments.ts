/**
 * Where the HTTP benchmarks run: a fresh database (a SQLite file with the chosen `synchronous`,
 * or a new PostgreSQL database dropped afterwards), seeded with `ipsp seed-demo`, and server
 * processes started on it from the esbuild bundle of `ipsp` exactly as `ipsp serve` runs.
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import knexFactory from 'knex';
import { projectRoot } from '../../server/paths.js';
import { openDatabase, type Database } from '../../storage/database.js';
import { envFor, freePort, serveWith, stopDeployment, type Deployment } from '../../tests/api/support/deployment-process.js';
import type { SqliteSynchronous } from '../bench-targets.js';

/** A database the HTTP benchmarks can put servers on. */
export type HttpTarget = { label: string; dialect: 'sqlite'; synchronous: SqliteSynchronous } | { label: string; dialect: 'postgres'; url: string };

/** SQLite in WAL mode with the given `synchronous` (the server's SQLITE_SYNCHRONOUS). */
export function sqliteHttpTarget(synchronous: SqliteSynchronous): HttpTarget {
  return { label: `SQLite (file, WAL, synchronous=${synchronous})`, dialect: 'sqlite', synchronous };
}

/** A new database on the PostgreSQL server of `url` for each run. */
export function postgresHttpTarget(url: string): HttpTarget {
  return { label: 'PostgreSQL (fresh database)', dialect: 'postgres', url };
}

/** A fresh, seeded database: the environment servers need for it, and a knex handle to read it. */
export interface HttpStore {
  dir: string;
  /** The environment of a server on this database, without PORT. */
  env: Record<string, string>;
  /** Opens the database from the benchmark process (migrated already by the seed). */
  open(): Promise<Database>;
  dispose(): Promise<void>;
}

/** Runs `node <bundle> <command>` with `env` to its end; throws with its output when it fails. */
export async function runCli(bundle: string, command: string, env: Record<string, string>): Promise<void> {
  const child = spawn(process.execPath, [bundle, command], { cwd: projectRoot, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  if (code !== 0) throw new Error(`ipsp ${command} exited with ${code}: ${output}`);
}

/** A seeded database kept to copy from: its folder (secret, files, SQLite file) and PostgreSQL database. */
interface Template {
  dir: string;
  /** The template database on PostgreSQL: the server's URL (to drop it) and its name. */
  pg?: { url: string; name: string };
}

/** Templates by target and bundle: seeding takes seconds, a copy a moment. */
const templates = new Map<string, Promise<Template>>();

function pgAdmin(url: string) {
  return knexFactory({ client: 'pg', connection: url, pool: { min: 0, max: 1 } });
}

function withDatabase(url: string, name: string): string {
  const next = new URL(url);
  next.pathname = `/${name}`;
  return next.toString();
}

/** The environment of a deployment in `dir` (without PORT): its secret file there, one session secret for all its processes. */
function baseEnv(dir: string): Record<string, string> {
  // Every process on one database shares the session secret (else a cookie signed by one is refused by the next).
  const env: Record<string, string> = { ...envFor(dir, 0), IPSP_SECRET_FILE: join(dir, 'ipsp.secret'), SESSION_SECRET: randomBytes(32).toString('hex'), NODE_ENV: 'development' };
  delete env.PORT;
  return env;
}

async function seededTemplate(target: HttpTarget, bundle: string): Promise<Template> {
  const dir = await mkdtemp(join(tmpdir(), 'ipsp-bench-http-template-'));
  if (target.dialect === 'sqlite') {
    await runCli(bundle, 'seed-demo', baseEnv(dir));
    return { dir };
  }
  const pgName = `ipsp_bench_http_tpl_${randomBytes(5).toString('hex')}`;
  const admin = pgAdmin(target.url);
  try {
    await admin.raw('create database ??', [pgName]);
  } finally {
    await admin.destroy();
  }
  await runCli(bundle, 'seed-demo', { ...baseEnv(dir), DATABASE_URL: withDatabase(target.url, pgName) });
  return { dir, pg: { url: target.url, name: pgName } };
}

/** Removes every template this process made (call when its benchmark ends). */
export async function disposeHttpTemplates(): Promise<void> {
  const made = await Promise.allSettled([...templates.values()]);
  templates.clear();
  for (const result of made) {
    if (result.status !== 'fulfilled') continue;
    const { dir, pg } = result.value;
    if (pg) {
      const admin = pgAdmin(pg.url);
      await admin.raw('drop database if exists ?? with (force)', [pg.name]).finally(() => admin.destroy());
    }
    await rm(dir, { recursive: true, force: true });
  }
}

/**
 * A fresh database on `target`, seeded like `make run` (`ipsp seed-demo`), with its secret and
 * files in a temp folder: a copy of a template seeded once per target and bundle.
 */
export async function openHttpStore(target: HttpTarget, bundle: string): Promise<HttpStore> {
  const key = `${target.dialect === 'sqlite' ? 'sqlite' : target.url} ${bundle}`;
  if (!templates.has(key)) templates.set(key, seededTemplate(target, bundle));
  const template = await (templates.get(key) as Promise<Template>);
  const dir = await mkdtemp(join(tmpdir(), 'ipsp-bench-http-'));
  await cp(template.dir, dir, { recursive: true });
  let env = baseEnv(dir);
  let dropDatabase = async (): Promise<void> => undefined;
  if (target.dialect === 'sqlite') {
    env = { ...env, SQLITE_SYNCHRONOUS: target.synchronous };
  } else {
    const name = `ipsp_bench_http_${randomBytes(5).toString('hex')}`;
    const admin = pgAdmin(target.url);
    await admin.raw('create database ?? template ??', [name, template.pg?.name ?? '']);
    env = { ...env, DATABASE_URL: withDatabase(target.url, name) };
    dropDatabase = async () => {
      await admin.raw('drop database if exists ?? with (force)', [name]);
      await admin.destroy();
    };
  }
  return {
    dir,
    env,
    open() {
      return target.dialect === 'sqlite' ? openDatabase({ sqliteFile: env.SQLITE_FILE as string, synchronous: target.synchronous }) : openDatabase({ url: env.DATABASE_URL as string });
    },
    async dispose() {
      await dropDatabase();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** Options of the server processes: extra node flags (e.g. `--cpu-prof`) and environment. */
export interface ServeOptions {
  nodeFlags?: string[];
  env?: Record<string, string>;
}

/** Starts `count` server processes of `entry` (a bundle taking `serve`, or a script) on `store`, each on its own port. */
export async function startProcesses(entry: string[], store: HttpStore, count: number, options: ServeOptions = {}): Promise<Deployment[]> {
  const started: Deployment[] = [];
  try {
    for (let i = 0; i < count; i++) {
      const port = await freePort();
      started.push(await serveWith([...(options.nodeFlags ?? []), ...entry], { ...store.env, ...options.env, PORT: String(port) }));
    }
    return started;
  } catch (error) {
    await stopProcesses(started);
    throw error;
  }
}

/** Stops every process (SIGTERM, which also writes a `--cpu-prof` profile) and waits for them. */
export async function stopProcesses(deployments: Deployment[]): Promise<void> {
  await Promise.all(deployments.map((deployment) => stopDeployment(deployment)));
}
