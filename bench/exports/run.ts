/**
 * The export benchmark alone: `npx tsx bench/exports/run.ts` (EXPORT_SIZE cases, default
 * 100,000; TARGETS a comma list of normal,pg, default both). Prints the section's markdown to
 * stdout, progress to stderr.
 */
import { benchPostgresUrl, postgresTarget, postgresUnreachable, sqliteTarget, type BenchTarget } from '../bench-targets.js';
import { benchExports, renderExports, type ExportBenchResult } from './export-bench.js';

const size = Number(process.env.EXPORT_SIZE ?? 100_000);
const wanted = new Set((process.env.TARGETS ?? 'normal,pg').split(','));
const targets: BenchTarget[] = [];
if (wanted.has('normal')) targets.push(sqliteTarget('NORMAL'));
if (wanted.has('pg')) {
  const reason = await postgresUnreachable(benchPostgresUrl);
  if (reason === undefined) targets.push(postgresTarget(benchPostgresUrl));
  else console.error(`PostgreSQL not measured: ${reason}`);
}
const results: ExportBenchResult[] = [];
for (const target of targets) results.push(await benchExports(target, { size, log: (line) => console.error(line) }));
console.log(renderExports(results).join('\n'));
