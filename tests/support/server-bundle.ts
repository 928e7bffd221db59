/**
 * The `ipsp` command line bundled once into one JavaScript file (esbuild, dependencies left as
 * imports), for tests that start the server process many times: under tsx every start compiles
 * each source file again (about 4 s of CPU), the bundle starts in about 1 s. Same source, same
 * entry point (`server/cli/main.ts`), same commands.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { build } from 'esbuild';
import { projectRoot } from '../../server/paths.js';
import type { Deployment } from '../api/support/deployment-process.js';

/** Inside node_modules, so the bundle resolves the project's packages and finds its package.json above. */
const bundleFile = join(projectRoot, 'node_modules', '.cache', 'ipsp-test-server', 'main.mjs');

/** Builds the bundle; answers its path. */
export async function bundleServer(): Promise<string> {
  await build({
    entryPoints: [join(projectRoot, 'server', 'cli', 'main.ts')],
    outfile: bundleFile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    logLevel: 'warning',
  });
  return bundleFile;
}

/** Starts `ipsp serve` from the bundle with `env` and waits for it to say it is serving. */
export async function serveBundle(bundle: string, env: Record<string, string>): Promise<Deployment> {
  const child = spawn(process.execPath, [bundle, 'serve'], { cwd: projectRoot, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
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
