/**
 * `npx tsx bench/forms/run.ts`: the forms benchmark alone (section 7 of docs/benchmarks.md),
 * printed as markdown. KEYSTROKES (default 200) and LOADS (default 3) scale it down.
 */
import { benchForms } from './forms-bench.js';
import { renderForms } from './forms-report.js';

const result = await benchForms({
  keystrokes: Number(process.env.KEYSTROKES ?? 200),
  loads: Number(process.env.LOADS ?? 3),
  log: (line) => console.error(line),
});
console.log(renderForms(result).join('\n'));
