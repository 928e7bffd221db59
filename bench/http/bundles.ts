/**
 * The two server programs of the HTTP benchmarks, each bundled once by esbuild (dependencies
 * left as imports) so both start and run as plain JavaScript: `ipsp` from server/cli/main.ts,
 * exactly as tests/support/server-bundle.ts builds it, and the thin baseline.
 */
import { join } from 'node:path';
import { build } from 'esbuild';
import { projectRoot } from '../../server/paths.js';

export interface BenchBundles {
  /** `node <server> serve` is `ipsp serve`. */
  server: string;
  /** `node <thin>` is the thin express + knex baseline. */
  thin: string;
}

/** Inside node_modules, so the bundles resolve the project's packages and find its package.json above. */
const bundleDir = join(projectRoot, 'node_modules', '.cache', 'ipsp-bench-http');

async function bundle(entry: string, outfile: string): Promise<string> {
  await build({ entryPoints: [join(projectRoot, entry)], outfile, bundle: true, platform: 'node', format: 'esm', target: 'node20', packages: 'external', logLevel: 'warning' });
  return outfile;
}

/** Builds both bundles; answers their paths. */
export async function benchBundles(): Promise<BenchBundles> {
  return {
    server: await bundle('server/cli/main.ts', join(bundleDir, 'main.mjs')),
    thin: await bundle('bench/http/thin-server.ts', join(bundleDir, 'thin.mjs')),
  };
}
