/**
 * The export benchmark alone: `npx tsx bench/exports/run.ts` (EXPORT_SIZE cases, default
 * 100,000; TARGETS a comma list of normal,pg, default both). Prints the section's markdown to
 * stdout, progress to stderr.
 */
import { targetsFromEnv } from '../bench-targets.js';
import { benchExports, renderExports, type ExportBenchResult } from './export-bench.js';

const size = Number(process.env.EXPORT_SIZE ?? 100_000);
const targets = await targetsFromEnv('normal,pg');
const results: ExportBenchResult[] = [];
for (const target of targets) results.push(await benchExports(target, { size, log: (line) => console.error(line) }));
console.log(renderExports(results).join('\n'));
