/**
 * `make bench`: runs every benchmark once and writes docs/benchmarks.md.
 * SIZE (default 2000) is the number of cases per implementation and database; SIZE=20 is a smoke run.
 * INBOX_SIZE (default 1000000) is the number of cases on the inbox benchmark's platform; 0 skips it.
 * PostgreSQL is measured when TEST_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/test) answers.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { projectRoot } from '../server/paths.js';
import { renderReport } from './report.js';
import { runBenchmarks } from './run-benchmarks.js';

const size = Number(process.env.SIZE ?? 2000);
const inboxSize = Number(process.env.INBOX_SIZE ?? 1_000_000);
const results = await runBenchmarks({ size, definitionRuns: 20, isPostgresIncluded: true, inboxSize, log: (line) => console.error(line) });
const target = join(projectRoot, 'docs', 'benchmarks.md');
await writeFile(target, renderReport(results));
console.log(`Wrote ${target}`);
