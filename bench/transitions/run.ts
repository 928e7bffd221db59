/**
 * Section 2 alone: `npx tsx bench/transitions/run.ts` (SIZE cases, default 2000; TARGETS a
 * comma list of full,normal,pg, default all three). Prints the section's markdown to stdout.
 */
import { benchPostgresUrl, postgresTarget, postgresUnreachable, sqliteTarget, type BenchTarget } from '../bench-targets.js';
import { benchTransitions } from './transitions-bench.js';
import { transitionsSection } from './transitions-report.js';

const size = Number(process.env.SIZE ?? 2000);
const wanted = new Set((process.env.TARGETS ?? 'full,normal,pg').split(','));
const targets: BenchTarget[] = [];
if (wanted.has('full')) targets.push(sqliteTarget('FULL'));
if (wanted.has('normal')) targets.push(sqliteTarget('NORMAL'));
if (wanted.has('pg')) {
  const reason = await postgresUnreachable(benchPostgresUrl);
  if (reason === undefined) targets.push(postgresTarget(benchPostgresUrl));
  else console.error(`PostgreSQL not measured: ${reason}`);
}
const lines: string[] = [];
for (const [index, target] of targets.entries()) {
  const started = Date.now();
  console.error(`transitions on ${target.label}: ${size} cases × 3 implementations`);
  lines.push(...transitionsSection(await benchTransitions(target, size), index), '');
  console.error(`  done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}
console.log(lines.join('\n'));
