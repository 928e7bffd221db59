/**
 * Section 3 alone: `npx tsx bench/inbox/run.ts` (INBOX_SIZE cases, default 1,000,000; RUNS
 * timed reads per measurement, default 30; TARGETS a comma list of full,pg, default both).
 * Prints the section's markdown to stdout, progress to stderr.
 */
import { targetsFromEnv } from '../bench-targets.js';
import { benchInbox, type InboxResult } from './inbox.js';
import { inboxSection } from './inbox-report.js';

const size = Number(process.env.INBOX_SIZE ?? 1_000_000);
const runs = Number(process.env.RUNS ?? 30);
const targets = await targetsFromEnv('full,pg');
const results: InboxResult[] = [];
for (const target of targets) {
  const started = Date.now();
  console.error(`inbox on ${target.label}: ${size} cases`);
  results.push(await benchInbox(target, { size, runs, log: (line) => console.error(line) }));
  console.error(`  done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}
if (process.env.RESULT_JSON) {
  const { writeFile } = await import('node:fs/promises');
  await writeFile(process.env.RESULT_JSON, JSON.stringify(results, null, 2));
}
console.log(inboxSection(results).join('\n'));
