/**
 * The cold-start part of the definitions section of docs/benchmarks.md: spawn → first answered
 * request of the server per database, beside the floor a bare Node HTTP server pays.
 */
import { formatCount, formatMs, formatRatio, row } from '../markdown.js';
import type { Timing } from '../stats.js';
import { firstRoute, pageRoute, type ColdStartResult } from './cold-start.js';

/**
 * The section's markdown lines.
 *
 * @example renderColdStart(await benchColdStart({ runs: 10, isPostgresIncluded: true })).join('\n')
 */
export function renderColdStart(result: ColdStartResult): string[] {
  const cpu = (t: Timing | undefined) => (t ? formatMs(t.medianMs) : '–');
  const line = (target: string, what: string, t: Timing, cpuTiming?: Timing) =>
    row([target, what, formatMs(t.medianMs), formatMs(t.p95Ms), formatRatio(t.medianMs, result.floor.medianMs), t === result.floor ? '–' : formatMs(t.medianMs - result.floor.medianMs), cpu(cpuTiming)]);
  return [
    '## Server cold start to the first answered request',
    '',
    `The \`ipsp\` command line bundled with esbuild (the sources of \`server/cli/main.ts\`, packages as imports), started as \`node main.mjs serve\` on a database that \`ipsp seed-demo\` already migrated and loaded (province library, 绵阳 demo). Each run spawns a new process on a free port and polls every 2 ms: the time from spawn to the first 200 of \`GET ${firstRoute}\` (the cheapest real route: public, it answers the anti-forgery token) and then, from the same spawn, to the first 200 of \`GET ${pageRoute}\` (the public catalog of 绵阳, ${formatCount(result.rows[0]?.pageBytes ?? 0)} bytes of JSON: the definitions are read, validated and resolved on this first use). The floor is \`node -e\` with a bare \`http.createServer\`, in the same runs. ${result.runs} runs each, interleaved run by run. *Server CPU ms* is the started process's own CPU time (user + system, from /proc, 10 ms ticks) when its last timed answer came: other load on the machine moves it much less than wall time.`,
    '',
    row(['database', 'first 200 of', 'median ms', 'p95 ms', '× floor', 'above floor, ms', 'server CPU ms']),
    row(['---', '---', '---:', '---:', '---:', '---:', '---:']),
    line('(floor)', 'bare `node -e` http server', result.floor, result.floorCpu),
    ...result.rows.flatMap((r) => [line(r.target, `\`${firstRoute}\``, r.firstAnswer), line('', `\`${pageRoute}\``, r.firstPage, r.firstPageCpu)]),
    ...(result.postgresSkipped ? ['', `PostgreSQL was not measured in this run: ${result.postgresSkipped}.`] : []),
    '',
    'There is no target for cold start in issue 7; the figures are for sizing restarts and rolling deploys. Up to the first answer the process loads its modules, opens and checks the database (migrations up to date, queues filled) and loads the calendars; the gap to the first catalog page is the first use of the definitions — Ajv compiling each kind\'s validators, then loading and resolving the platform\'s documents — which later requests find cached.',
  ];
}
