/**
 * `make bench`: runs every benchmark once and writes docs/benchmarks.md and its chart.
 * BENCH=smoke runs the tiny sizes of the smoke test. ONLY=transitions,http (section keys of
 * bench/sections.ts) runs some sections and prints their markdown without touching the report.
 * PostgreSQL is measured when TEST_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/test) answers.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { projectRoot } from '../server/paths.js';
import { fullSizes, smokeSizes } from './bench-sizes.js';
import { chartFileName, renderReport } from './report.js';
import { runBenchmarks } from './run-benchmarks.js';
import type { Section } from './sections.js';
import { targetsChart } from './targets-chart.js';

const only = process.env.ONLY ? (process.env.ONLY.split(',') as Array<Section['key']>) : undefined;
const results = await runBenchmarks({
  sizes: process.env.BENCH === 'smoke' ? smokeSizes : fullSizes,
  isPostgresIncluded: true,
  ...(only ? { only } : {}),
  log: (line) => console.error(line),
});
const report = renderReport(results);
if (only) {
  console.log(report);
} else {
  const docs = join(projectRoot, 'docs');
  await writeFile(join(docs, chartFileName), targetsChart(results.sections.flatMap((s) => s.targets)));
  await writeFile(join(docs, 'benchmarks.md'), report);
  console.log(`Wrote docs/benchmarks.md and docs/${chartFileName} in ${(results.elapsedMs / 60_000).toFixed(1)} min`);
}
