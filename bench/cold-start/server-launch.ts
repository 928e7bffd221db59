/**
 * Launching what the cold-start benchmark times: the `ipsp` command line as one esbuild bundle
 * (the sources of `server/cli/main.ts`, packages left as imports, as tests/support/server-bundle.ts
 * builds it), on a deployment folder whose database is already migrated and seeded; and a bare
 * `node -e` HTTP server, the floor any Node process pays to answer at all.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import knexFactory from 'knex';
import { projectRoot } from '../../server/paths.js';
import { envFor } from '../../tests/api/support/deployment-process.js';
import { bundleServer } from '../../tests/support/server-bundle.js';

/** Beside the tests' bundle, not on it: a test run building at the same time cannot race the bench. */
const bundleFile = join(projectRoot, 'node_modules', '.cache', 'ipsp-bench-server', 'main.mjs');

/** Builds the bundle once per benchmark run; answers its path. */
export function bundleServerForBench(): Promise<string> {
  return bundleServer(bundleFile);
}

/** A deployment's environment (port filled in per run) and how to remove what it left. */
export interface Deployment {
  label: string;
  env: Record<string, string>;
  dispose(): Promise<void>;
}

/** Runs `node <args>` with `env` to its end; throws with its output unless it exits 0. */
export async function runNode(args: string[], env: Record<string, string>): Promise<void> {
  const child = spawn(process.execPath, args, { cwd: projectRoot, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  if (code !== 0) throw new Error(`node ${args.join(' ')} exited with ${code}: ${output}`);
}

/** A SQLite deployment in a new folder, migrated and seeded (province library, 绵阳 demo) by `ipsp seed-demo`. */
export async function sqliteDeployment(bundle: string): Promise<Deployment> {
  const dir = await mkdtemp(join(tmpdir(), 'ipsp-cold-'));
  const env = envFor(dir, 0);
  await runNode([bundle, 'seed-demo'], env);
  return { label: 'SQLite (file, WAL, synchronous=FULL)', env, dispose: () => rm(dir, { recursive: true, force: true }) };
}

/** `url` working in `schema` (libpq takes the search path from `options`; a `+` for the space would be literal). */
function inSchema(url: string, schema: string): string {
  return `${url}${new URL(url).search ? '&' : '?'}options=${encodeURIComponent(`-c search_path=${schema}`)}`;
}

/** A PostgreSQL deployment in a fresh schema, seeded like the SQLite one; dispose drops the schema. */
export async function postgresDeployment(bundle: string, url: string): Promise<Deployment> {
  const schema = `ipsp_cold_${randomBytes(6).toString('hex')}`;
  const admin = knexFactory({ client: 'pg', connection: url, pool: { min: 0, max: 1 } });
  await admin.raw('create schema ??', [schema]);
  const dir = await mkdtemp(join(tmpdir(), 'ipsp-cold-'));
  const env = { ...envFor(dir, 0), DATABASE_URL: inSchema(url, schema) };
  const dispose = async () => {
    await admin.raw('drop schema ?? cascade', [schema]);
    await admin.destroy();
    await rm(dir, { recursive: true, force: true });
  };
  try {
    await runNode([bundle, 'seed-demo'], env);
  } catch (error) {
    await dispose();
    throw error;
  }
  return { label: 'PostgreSQL (fresh schema)', env, dispose };
}

/** The floor: a Node process that answers 200 to anything, nothing loaded. */
export const bareServerArgs = ['-e', "require('node:http').createServer((q, s) => s.end('ok')).listen(Number(process.env.PORT), '127.0.0.1')"];

/** Starts `node <args>` with `env`; output is drained so a chatty server never blocks on its pipe. */
export function launch(args: string[], env: Record<string, string>): ChildProcess {
  const child = spawn(process.execPath, args, { cwd: projectRoot, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout?.resume();
  child.stderr?.resume();
  return child;
}

/**
 * CPU milliseconds (user + system) the process has used so far, from /proc on Linux (clock ticks
 * of 10 ms); undefined elsewhere. Less moved by other load on the machine than wall time.
 */
export async function cpuMsOf(pid: number | undefined): Promise<number | undefined> {
  if (pid === undefined || process.platform !== 'linux') return undefined;
  try {
    const stat = await readFile(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name (which may hold spaces, so split after its closing parenthesis).
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ticks = Number(fields[11]) + Number(fields[12]);
    return Number.isFinite(ticks) ? ticks * 10 : undefined;
  } catch {
    return undefined;
  }
}

/** Stops a launched process (SIGTERM, then SIGKILL after 5 s) and waits for it to exit. */
export async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
  await exited;
  clearTimeout(timer);
}
