/**
 * The peer section alone: `npx tsx bench/peer/run.ts` (CASES per side and database, default
 * 200; PostgreSQL when TEST_DATABASE_URL or the tests' default answers). Prints markdown.
 */
import { benchPeer } from './peer-bench.js';
import { renderPeer } from './peer-report.js';

const cases = Number(process.env.CASES ?? 200);
const result = await benchPeer({ cases, isPostgresIncluded: true, log: (line) => console.error(line) });
console.log(renderPeer(result).join('\n'));
