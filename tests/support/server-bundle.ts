/**
 * The `ipsp` command line bundled once into one JavaScript file (esbuild, dependencies left as
 * imports), for tests that start the server process many times: under tsx every start compiles
 * each source file again (about 4 s of CPU), the bundle starts in about 1 s. Same source, same
 * entry point (`server/cli/main.ts`), same commands.
 */
import { join } from 'node:path';
import { build } from 'esbuild';
import { projectRoot } from '../../server/paths.js';
import { serveWith, type Deployment } from '../api/support/deployment-process.js';

/** Inside node_modules, so the bundle resolves the project's packages and finds its package.json above. */
const bundleFile = join(projectRoot, 'node_modules', '.cache', 'ipsp-test-server', 'main.mjs');

/** Builds the bundle (into `outfile`, for a caller that must not share the tests' copy); answers its path. */
export async function bundleServer(outfile = bundleFile): Promise<string> {
  await build({
    entryPoints: [join(projectRoot, 'server', 'cli', 'main.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    logLevel: 'warning',
  });
  return outfile;
}

/** Starts `ipsp serve` from the bundle with `env` and waits for it to say it is serving. */
export function serveBundle(bundle: string, env: Record<string, string>): Promise<Deployment> {
  return serveWith([bundle, 'serve'], env);
}
