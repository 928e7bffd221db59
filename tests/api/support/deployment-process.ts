/**
 * A deployment as a user runs it: an `ipsp serve` process on a free port, with its own SQLite
 * file and file store in a folder, everything it writes to stdout and stderr kept.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { projectRoot } from '../../../server/paths.js';

export interface Deployment {
  url: string;
  process: ChildProcess;
  env: Record<string, string>;
  /** What the process wrote to stdout and stderr so far. */
  output(): string;
}

export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** The environment of a deployment kept in `dir` on `port` (SQLite unless DATABASE_URL is set after). */
export function envFor(dir: string, port: number): Record<string, string> {
  return { SQLITE_FILE: join(dir, 'ipsp.sqlite'), FILES_DIR: join(dir, 'files'), PORT: String(port), HOST: '127.0.0.1', DATABASE_URL: '', WORKER_INTERVAL_MS: '60000' };
}

/**
 * Starts `node <args>` (an entry point and `serve`) with `env` from the project root and waits
 * for it to say it is serving; e.g. `['--import', 'tsx', 'server/cli/main.ts', 'serve']`.
 */
export async function serveWith(args: string[], env: Record<string, string>): Promise<Deployment> {
  const child = spawn(process.execPath, args, { cwd: projectRoot, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  await new Promise<void>((resolve, reject) => {
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('ipsp is serving on')) resolve();
    });
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code, signal) => reject(new Error(`ipsp serve exited with ${code ?? signal}: ${output}`)));
  });
  return { url: `http://127.0.0.1:${env.PORT}`, process: child, env, output: () => output };
}

/** Starts `ipsp serve` (the sources, under tsx) with `env`. */
export function serve(env: Record<string, string>): Promise<Deployment> {
  return serveWith(['--import', 'tsx', 'server/cli/main.ts', 'serve'], env);
}

/** A deployment in `dir` on a free port, with `overrides` of its environment. */
export async function startDeployment(dir: string, overrides: Record<string, string> = {}): Promise<Deployment> {
  return serve({ ...envFor(dir, await freePort()), ...overrides });
}

/** Stops the process (SIGTERM) and waits for it to exit. */
export async function stopDeployment(deployment: Deployment | undefined): Promise<void> {
  if (!deployment || deployment.process.exitCode !== null) return;
  const exited = new Promise((resolve) => deployment.process.once('exit', resolve));
  deployment.process.kill('SIGTERM');
  await exited;
}
