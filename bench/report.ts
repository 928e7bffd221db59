/**
 * docs/benchmarks.md from one run's figures: the machine and date, the tables, and how to read
 * them. Ratios sit next to absolute figures because only ratios from the same run compare well.
 */
import type { BenchmarkResults } from './run-benchmarks.js';
import type { Timing } from './stats.js';
import type { ImplementationResult, TransitionsResult } from './transitions-bench.js';
import { phases, type Phase } from './write-plan.js';
import { inboxSection, slowestP95 } from './inbox-report.js';

const phaseTitles: Record<Phase, string> = {
  start: 'start (create + submit + 一次性告知)',
  resubmit: 'resubmit (back to 补正材料, new notice)',
  withdraw: 'withdraw (case closed)',
};

/** Milliseconds with the digits that mean something at this size. */
export function formatMs(ms: number): string {
  return ms < 1 ? ms.toFixed(3) : ms < 10 ? ms.toFixed(2) : ms.toFixed(1);
}

function formatRatio(value: number, base: number): string {
  return base > 0 ? `${(value / base).toFixed(1)}×` : '–';
}

function row(cells: string[]): string {
  return `| ${cells.join(' | ')} |`;
}

function definitionsSection(results: BenchmarkResults): string[] {
  const d = results.definitions;
  const share = (t: Timing) => (d.total.medianMs > 0 ? `${((t.medianMs * 100) / d.total.medianMs).toFixed(1)} %` : '–');
  const line = (name: string, t: Timing, note: string) => row([name, formatMs(t.medianMs), formatMs(t.p95Ms), note]);
  return [
    '## 1. Loading the definitions library',
    '',
    `Read, load (\`loadDefinitions\`: shape, then names and semantics) and resolve (\`resolveBundle\` of every service item on 绵阳) the whole shipped library — \`definitions/province\`, \`definitions/demo\`, \`definitions/calendars\`: ${d.documents} documents, ${d.bundles} bundles. ${d.runs} runs in one process.`,
    '',
    row(['phase', 'median ms', 'p95 ms', 'share of median total']),
    row(['---', '---:', '---:', '---:']),
    line('read files (JSON.parse)', d.read, share(d.read)),
    line('load (validate + resolve names)', d.load, share(d.load)),
    line('resolve every bundle', d.resolve, share(d.resolve)),
    line('**total**', d.total, ''),
    '',
    `The first run took ${formatMs(d.firstRunMs)} ms (${formatRatio(d.firstRunMs, d.total.medianMs)} the median): Ajv compiles the kinds' validators on first use and later runs reuse them, as a long-running server does.`,
  ];
}

function implementationRows(result: TransitionsResult, phase: Phase): string[] {
  const raw = result.implementations.find((i) => i.name === 'raw')?.timings[phase].medianMs ?? 0;
  return result.implementations.map((impl: ImplementationResult) => {
    const t = impl.timings[phase];
    return row([impl === result.implementations[0] ? phaseTitles[phase] : '', `${impl.name}: ${impl.label}`, formatMs(t.medianMs), formatMs(t.p95Ms), t.perSecond.toFixed(0), formatRatio(t.medianMs, raw)]);
  });
}

/** `engine : thin-knex : raw` of the medians, e.g. `6.2 : 1.4 : 1`. */
export function ratioLine(result: TransitionsResult, phase: Phase): string {
  const medians = result.implementations.map((i) => i.timings[phase].medianMs);
  const raw = medians[medians.length - 1] ?? 0;
  return medians.map((m) => (raw > 0 ? (m / raw).toFixed(1).replace(/\.0$/, '') : '–')).join(' : ');
}

function transitionsSection(result: TransitionsResult, index: number): string[] {
  const s = result.shapes;
  return [
    `### 2.${index + 1} ${result.target}`,
    '',
    row(['transition', 'implementation', 'median ms', 'p95 ms', 'per second', 'median vs raw']),
    row(['---', '---', '---:', '---:', '---:', '---:']),
    ...phases.flatMap((phase) => implementationRows(result, phase)),
    '',
    `engine : thin-knex : raw (medians) — ${phases.map((p) => `${p} **${ratioLine(result, p)}**`).join(', ')}.`,
    '',
    `Rows per transition besides the case row (inserted on start with the daily number counter, updated after): ${phases.map((p) => `${p} ${s[p].events} events + ${s[p].outbox} outbox`).join('; ')}. Cases written: ${result.implementations.map((i) => `${i.name} ${i.casesWritten} (${i.casesWithdrawn} withdrawn)`).join(', ')}.`,
  ];
}

function medianOf(result: TransitionsResult, name: ImplementationResult['name'], phase: Phase): number {
  return result.implementations.find((i) => i.name === name)?.timings[phase].medianMs ?? 0;
}

/** The few sentences the tables support, computed from them so they stay true on every run. */
function inShort(results: BenchmarkResults): string[] {
  const d = results.definitions;
  const overhead = (result: TransitionsResult) =>
    phases.map((p) => `${p} +${formatMs(medianOf(result, 'engine', p) - medianOf(result, 'thin-knex', p))}`).join(', ');
  const [full, normal] = results.transitions;
  const sync = full && normal ? medianOf(full, 'raw', 'start') - medianOf(normal, 'raw', 'start') : undefined;
  return [
    '## In short',
    '',
    `- The whole library reads, loads and resolves in ${formatMs(d.total.medianMs)} ms warm (median), ${formatMs(d.firstRunMs)} ms on the first run of a process.`,
    ...results.transitions.map(
      (r) => `- ${r.target}: the engine's own work (its reads, \`decide\` with form validation and notice rendering, an insert per outbox row) adds, per median transition, ${overhead(r)} ms to the same rows written with thin knex.`,
    ),
    ...(sync === undefined ? [] : [`- Syncing each commit (FULL over NORMAL) costs about ${formatMs(sync)} ms per raw start here.`]),
    ...results.inbox.map((r) => `- The staff inbox over ${r.size.toLocaleString('en-US')} cases on ${r.target}: every view's first page, search and the counts of all views answer within ${formatMs(slowestP95(r))} ms (slowest p95).`),
  ];
}

const howToRead = [
  '## How to read these figures',
  '',
  '- **One client, one run.** Every transition is awaited before the next starts, so *median* and *p95* are one client\'s latency and *per second* is that client\'s rate (count ÷ wall time of the series). They are not the database\'s throughput under concurrent writers.',
  '- **Noise.** On this kind of machine timings move by ±25% between runs. Compare the ratios, which come from the same run on the same machine, rather than absolute figures across runs or machines.',
  '- **engine** is the product path in-process, as a route calls it: `startCase` / `actOnCase` read the case, the applicant and the pinned bundle (cached), run `decide` (form validation with Ajv, checklist, workflow, Handlebars notices) and store the decision with `applyDecision` in one transaction — case row with its version check, append-only events (with a `max(seq)` read), one outbox row per recipient × channel.',
  '- **thin-knex** writes the same rows in one `db.transaction` with the knex query builder (multi-row inserts), no engine and no reads but the version guard. **raw** writes them with the driver\'s prepared statements: better-sqlite3, one statement per row in `BEGIN IMMEDIATE` (in-process, so rows cost no round trip), or `pg` named statements in `BEGIN … COMMIT`, one multi-row insert per table as thin knex sends them. Row counts per transition are the ones the engine wrote in this run, and the payloads (case JSON, event data, notice bodies) are copied from the engine\'s own rows, so the ratio is the cost of everything around the same writes.',
  '- **synchronous=FULL** (the product default) syncs the WAL on every commit; **NORMAL** may lose the last commits on power loss and shows how much of a transition is the disk. On a virtual disk the host may acknowledge a sync from its cache, which makes FULL look cheaper than on bare metal.',
  '- Each implementation runs on its own fresh database (a new SQLite file, or a new PostgreSQL schema dropped afterwards), so none inherits another\'s rows.',
];

/** The whole of docs/benchmarks.md. */
export function renderReport(results: BenchmarkResults): string {
  const m = results.machine;
  const lines = [
    '# Benchmarks',
    '',
    '<!-- Generated by `make bench` (bench/run.ts); edit bench/report.ts, not this file. -->',
    '',
    `Measured ${results.startedAt.slice(0, 16).replace('T', ' ')} UTC on ${m.cpus} CPUs (\`nproc\`, ${m.cpuModel}), ${m.memoryGB} GB, Node ${m.node}, ${m.os}. SQLite files in \`${m.tmpDir}\`. SIZE = ${results.size} cases per implementation and database. Regenerate with \`make bench\` (\`SIZE=20 INBOX_SIZE=500 make bench\` for a smoke run).`,
    '',
    ...inShort(results),
    '',
    ...definitionsSection(results),
    '',
    '## 2. Case transitions, engine vs baselines',
    '',
    `${results.size} cases of 知识产权政策咨询 (\`ip-policy-consulting\`) submitted by the demo applicant of 绵阳 without materials, so each lands in 补正材料 with a one-time notice; then each is resubmitted (still missing materials: back to 补正材料 with a new notice) and withdrawn. Services are built as the server builds them (\`openDatabase\`, \`migrate\`, \`loadCalendars\`, \`createServices\`, \`seedDemo\`).`,
    '',
    ...results.transitions.flatMap((result, index) => [...transitionsSection(result, index), '']),
    ...(results.postgresSkipped ? [`**PostgreSQL was not measured in this run:** ${results.postgresSkipped}.`, ''] : []),
    ...inboxSection(results.inbox),
    ...howToRead,
    '',
  ];
  return lines.join('\n');
}
