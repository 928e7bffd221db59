/**
 * The HTTP sections of docs/benchmarks.md: the real server against the thin express + knex
 * handler per transition and database, with the targets met or missed; and the throughput of
 * several server processes on one PostgreSQL.
 */
import { formatMs, row } from '../markdown.js';
import type { Timing } from '../stats.js';
import { phases, type Phase } from '../transitions/write-plan.js';
import type { HttpResult, HttpTargetResult } from './http-bench.js';
import type { ScaleOutResult } from './scale-out.js';

/** The server's throughput at least this share of the thin handler's, per transition. */
export const httpThroughputTargetPercent = 75;
/** The server's p99 at most this multiple of the thin handler's. */
export const httpP99TargetRatio = 1.5;

/** Per transition: throughput share and p99 multiple of the server against the thin handler. */
export interface HttpComparison {
  phase: Phase;
  throughputPercent: number;
  p99Ratio: number;
  isThroughputMet: boolean;
  isP99Met: boolean;
}

/** The targets of one database, phase by phase. */
export function compareHttp(result: HttpTargetResult): HttpComparison[] {
  return phases.map((phase) => {
    const server = result.server.timings[phase];
    const thin = result.thin.timings[phase];
    const throughputPercent = thin.perSecond > 0 ? (100 * server.perSecond) / thin.perSecond : 0;
    const p99Ratio = thin.p99Ms > 0 ? server.p99Ms / thin.p99Ms : 0;
    return { phase, throughputPercent, p99Ratio, isThroughputMet: throughputPercent >= httpThroughputTargetPercent, isP99Met: p99Ratio <= httpP99TargetRatio };
  });
}

const cells = (t: Timing) => [formatMs(t.medianMs), formatMs(t.p95Ms), formatMs(t.p99Ms), t.perSecond.toFixed(0)];

function verdict(c: HttpComparison): string {
  const share = c.isThroughputMet
    ? `throughput ${c.throughputPercent.toFixed(0)}% of thin (target ≥ ${httpThroughputTargetPercent}%): met`
    : `throughput ${c.throughputPercent.toFixed(0)}% of thin (target ≥ ${httpThroughputTargetPercent}%): **missed by ${(httpThroughputTargetPercent - c.throughputPercent).toFixed(0)} points**`;
  const p99 = c.isP99Met
    ? `p99 ${c.p99Ratio.toFixed(2)}× thin (target ≤ ${httpP99TargetRatio}×): met`
    : `p99 ${c.p99Ratio.toFixed(2)}× thin (target ≤ ${httpP99TargetRatio}×): **missed by ${(c.p99Ratio - httpP99TargetRatio).toFixed(2)}×**`;
  return `- ${c.phase}: ${share}; ${p99}.`;
}

function insertedText(rows: Record<string, number>): string {
  return Object.entries(rows).map(([table, n]) => `${n} ${table}`).join(', ');
}

function targetSection(result: HttpTargetResult, index: number, size: number): string[] {
  const comparisons = compareHttp(result);
  return [
    `### HTTP ${index + 1}. ${result.target}`,
    '',
    row(['transition', 'implementation', 'median ms', 'p95 ms', 'p99 ms', 'per second', 'per second vs thin', 'p99 vs thin']),
    row(['---', '---', '---:', '---:', '---:', '---:', '---:', '---:']),
    ...comparisons.flatMap((c) => [
      row([c.phase, 'ipsp serve', ...cells(result.server.timings[c.phase]), `${c.throughputPercent.toFixed(0)}%`, `${c.p99Ratio.toFixed(2)}×`]),
      row(['', 'thin express + knex', ...cells(result.thin.timings[c.phase]), '100%', '1.00×']),
    ]),
    '',
    ...comparisons.map(verdict),
    '',
    `Rows inserted per transition (server / thin): ${phases.map((p) => `${p}: ${insertedText(result.server.inserted[p])} / ${insertedText(result.thin.inserted[p])}`).join('; ')}. ` +
      `Cases withdrawn at the end: server ${result.server.casesWithdrawn}, thin ${result.thin.casesWithdrawn} of ${size}.`,
  ];
}

/** Why the server trails the thin handler where it does, and what would close the gap. */
const whyMissed = [
  '**Where a target is missed, why.** The server writes nothing the thin handler does not (the row counts above), so the gap is reads and CPU. ' +
    'The HTTP layer adds two reads per request — the session row and the signed-in user (a disabled or locked account stops at once) — and, on start, the Idempotency-Key lookup; ' +
    'CSRF, helmet, body parsing and routing are a few per cent of the server\'s CPU in a `--cpu-prof` profile (PROFILE_DIR=… npx tsx bench/http/run.ts). ' +
    'The rest is the engine path (engine/runtime, server/operations/cases.ts, storage/apply-decision.ts): its reads (the case, the acting user, the names for the case view) ' +
    'and its CPU (decide, form checks, rendering the notice, building the case view); compare section 2, the same path in-process. ' +
    '**What would close it:** fewer statements and less CPU on the engine path, and a prepared-statement cache in the SQLite client ' +
    '(knex prepares every statement anew; better-sqlite3\'s prepare alone is 6–8% of the server\'s CPU). On this 2-core machine, shared with PostgreSQL and the client, p99s are dominated by scheduling noise.',
];

/** Markdown lines of the HTTP transition benchmark. */
export function renderHttp(result: HttpResult): string[] {
  const isAnyMissed = result.targets.some((target) => compareHttp(target).some((c) => !c.isThroughputMet || !c.isP99Met));
  return [
    '## HTTP transitions: `ipsp serve` vs a thin express + knex handler',
    '',
    `A keep-alive client per side in the benchmark process, signed in as the demo applicant (CSRF cookie and header, session cookie); ${result.size} cases per side through start (POST /api/cases with an Idempotency-Key), resubmit and withdraw, ` +
      'one request in flight at a time, alternating between the two servers request by request so both meet the same machine (per second: one sequential client, 1000 / mean latency). ' +
      'Each side is its own process on its own fresh database seeded by `ipsp seed-demo`. The thin handler writes the rows the server wrote in the same run (counted table by table below) in the same transactions: ' +
      'case, events, outbox, case-number counter and Idempotency-Key record in one; the audit record on the hash chain through the product\'s own append (one statement on PostgreSQL, a transaction on SQLite); then the session expiry moved. ' +
      'It reads no session, checks no access, validates nothing but the version guard, and runs no engine; what the server spends beyond it is the price of those.',
    '',
    ...result.targets.flatMap((target, index) => [...targetSection(target, index, result.size), '']),
    ...(isAnyMissed ? [...whyMissed, ''] : []),
  ];
}

/** Where throughput stopped growing: the first process count that added less than 10% over the one before. */
export function plateauOf(result: ScaleOutResult): number | undefined {
  for (let i = 1; i < result.steps.length; i++) {
    const before = result.steps[i - 1]?.timing.perSecond ?? 0;
    const step = result.steps[i];
    if (step && step.timing.perSecond < before * 1.1) return result.steps[i - 1]?.processes;
  }
  return undefined;
}

/** Markdown lines of the scale-out benchmark. */
export function renderScaleOut(result: ScaleOutResult): string[] {
  const first = result.steps[0]?.timing.perSecond ?? 0;
  const plateau = plateauOf(result);
  return [
    '## Several server processes on one PostgreSQL',
    '',
    `${result.clientsPerProcess} concurrent clients per process, each looping start → resubmit → withdraw for ${(result.durationMs / 1000).toFixed(0)} s, every request to the next process in turn (as a round-robin reverse proxy would). ` +
      `This machine has ${result.cpuCores} CPU cores, shared by the server processes, PostgreSQL and the load client.`,
    '',
    row(['processes', 'clients', 'transitions per second', 'vs 1 process', 'median ms', 'p95 ms', 'p99 ms', 'cases finished']),
    row(['---:', '---:', '---:', '---:', '---:', '---:', '---:', '---:']),
    ...result.steps.map((s) =>
      row([String(s.processes), String(s.clients), s.timing.perSecond.toFixed(0), first > 0 ? `${(s.timing.perSecond / first).toFixed(2)}×` : '–', formatMs(s.timing.medianMs), formatMs(s.timing.p95Ms), formatMs(s.timing.p99Ms), String(s.casesFinished)]),
    ),
    '',
    plateau === undefined
      ? 'Throughput grew with every process added.'
      : `Throughput stops growing at ${plateau} process${plateau === 1 ? '' : 'es'}: with ${result.cpuCores} cores, the processes, PostgreSQL and the client compete for the same CPUs, so more processes add queueing, not work done.`,
    '',
    `Checked after the run: ${result.casesWithdrawn} of ${result.casesFinished} cases finished are withdrawn in the database; the audit chain ${result.isAuditChainIntact ? 'verifies' : '**does not verify**'} over ${result.auditRecordsVerified} records written by every process.`,
  ];
}
