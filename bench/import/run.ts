/**
 * The bulk-import section alone: `npx tsx bench/import/run.ts` (IMPORT_CASES lines of the case
 * register, default 1,000,000; IMPORT_LIST_ROWS rows of the list workbook, default 10,000;
 * TARGETS a comma list of full,pg, default both; RESULT_JSON writes the raw figures there). Prints the section's
 * markdown to stdout, progress to stderr.
 */
import { writeFile } from 'node:fs/promises';
import { benchImport } from './import-bench.js';
import { renderImport } from './import-report.js';

const started = Date.now();
const result = await benchImport({
  cases: Number(process.env.IMPORT_CASES ?? 1_000_000),
  listRows: Number(process.env.IMPORT_LIST_ROWS ?? 10_000),
  isSqliteIncluded: (process.env.TARGETS ?? 'full,pg').split(',').includes('full'),
  isPostgresIncluded: (process.env.TARGETS ?? 'full,pg').split(',').includes('pg'),
  log: (line) => console.error(`${line}  (${((Date.now() - started) / 1000).toFixed(0)} s)`),
  onMeasured: (partial) => {
    if (process.env.RESULT_JSON) void writeFile(process.env.RESULT_JSON, JSON.stringify(partial, null, 2));
  },
});
if (process.env.RESULT_JSON) await writeFile(process.env.RESULT_JSON, JSON.stringify(result, null, 2));
console.log(renderImport(result).join('\n'));
