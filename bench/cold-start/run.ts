/**
 * The cold-start benchmark alone: `npx tsx bench/cold-start/run.ts` (RUNS starts per server,
 * default 10; PostgreSQL when TEST_DATABASE_URL or the tests' default answers). Prints markdown.
 */
import { benchColdStart } from './cold-start.js';
import { renderColdStart } from './cold-start-report.js';

const runs = Number(process.env.RUNS ?? 10);
const result = await benchColdStart({ runs, isPostgresIncluded: true, log: (line) => console.error(line) });
console.log(renderColdStart(result).join('\n'));
