/**
 * Section 2 alone: `npx tsx bench/transitions/run.ts` (SIZE cases, default 2000; TARGETS a
 * comma list of full,normal,pg, default all three). Prints the section's markdown to stdout.
 */
import { targetsFromEnv } from '../bench-targets.js';
import { benchTransitions } from './transitions-bench.js';
import { transitionsSection } from './transitions-report.js';

const size = Number(process.env.SIZE ?? 2000);
const targets = await targetsFromEnv('full,normal,pg');
const lines: string[] = [];
for (const [index, target] of targets.entries()) {
  const started = Date.now();
  console.error(`transitions on ${target.label}: ${size} cases × 3 implementations`);
  lines.push(...transitionsSection(await benchTransitions(target, size), index), '');
  console.error(`  done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}
console.log(lines.join('\n'));
