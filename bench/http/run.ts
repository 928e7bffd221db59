/**
 * The HTTP benchmarks alone: `npx tsx bench/http/run.ts` prints their markdown sections.
 * SIZE (default 200) cases per side and database; SCALE_SECONDS (default 5) of load per process
 * count; PROFILE_DIR, when set, gets a `--cpu-prof` profile of each measured server process.
 * PostgreSQL is measured when TEST_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/test) answers.
 */
import { benchPostgresUrl, postgresUnreachable } from '../bench-targets.js';
import { postgresHttpTarget, sqliteHttpTarget } from './deployments.js';
import { benchHttp } from './http-bench.js';
import { renderHttp, renderScaleOut } from './http-report.js';
import { benchScaleOut } from './scale-out.js';

const log = (line: string) => console.error(line);
const isPostgresReachable = !(await postgresUnreachable(benchPostgresUrl));
const targets = [sqliteHttpTarget('NORMAL'), sqliteHttpTarget('FULL'), ...(isPostgresReachable ? [postgresHttpTarget(benchPostgresUrl)] : [])];
const http = await benchHttp({ targets, size: Number(process.env.SIZE ?? 200), log, ...(process.env.PROFILE_DIR ? { profileDir: process.env.PROFILE_DIR } : {}) });
const lines = renderHttp(http);
if (isPostgresReachable) {
  const scaleOut = await benchScaleOut({ url: benchPostgresUrl, processCounts: [1, 2, 3, 4], clientsPerProcess: 8, durationMs: Number(process.env.SCALE_SECONDS ?? 5) * 1000, log });
  lines.push('', ...renderScaleOut(scaleOut));
}
console.log(lines.join('\n'));
