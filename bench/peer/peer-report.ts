/**
 * The peer section of docs/benchmarks.md: our persisted engine beside bpmn-engine in memory,
 * cases per second from the same blocks of one run, the ratio and the target's verdict.
 */
import { formatCount, formatMs, formatRatio, row } from '../markdown.js';
import { bpmnTasks } from './bpmn-flow.js';
import { flowItemId, flowSteps } from './five-step-flow.js';
import type { PeerResult, PeerRow } from './peer-bench.js';
import type { TargetCheck } from '../targets.js';

/** Whether a row meets issue 7's target: our engine faster per case than bpmn-engine. */
export function isPeerTargetMet(r: PeerRow): boolean {
  return r.ratio > 1;
}

function verdictOf(r: PeerRow): string {
  if (isPeerTargetMet(r)) return `met (${r.ratio.toFixed(2)}×)`;
  return `**missed**: ${(r.ratio * 100).toFixed(0)} % of bpmn-engine's rate, ${(100 / r.ratio - 100).toFixed(0)} % more time per case`;
}

function tableRows(r: PeerRow): string[] {
  return [
    row([r.target, 'ours (persisted)', r.ours.perSecond.toFixed(1), formatMs(r.ours.medianMs), formatMs(r.ours.p95Ms), formatMs(r.ours.p99Ms), formatMs(r.oursCpuMsPerCase), `${formatCount(r.oursClosed)} / ${formatCount(r.oursRun)} closed`]),
    row(['', 'bpmn-engine (memory)', r.bpmn.perSecond.toFixed(1), formatMs(r.bpmn.medianMs), formatMs(r.bpmn.p95Ms), formatMs(r.bpmn.p99Ms), formatMs(r.bpmnCpuMsPerCase), `${formatCount(r.bpmnCompleted)} / ${formatCount(r.bpmnRun)} completed`]),
    row(['', '**ours ÷ bpmn-engine**', `**${r.ratio.toFixed(2)}×**`, '', '', '', formatRatio(r.oursCpuMsPerCase, r.bpmnCpuMsPerCase), verdictOf(r)]),
  ];
}

/** Why a row missed, from its own figures: CPU in this process vs waiting (commits, round trips). */
function missReason(r: PeerRow): string {
  const perStep = r.statementsPerCase / flowSteps.length;
  // CPU milliseconds per case × cases per second = CPU share of the wall time, in percent ÷ 10.
  const ours = (r.oursCpuMsPerCase * r.ours.perSecond) / 10;
  const theirs = (r.bpmnCpuMsPerCase * r.bpmn.perSecond) / 10;
  const waits = r.target.startsWith('PostgreSQL') ? 'commits and round trips to the server' : 'commits (each synced to disk)';
  const wallNote =
    ours < theirs * 0.8
      ? `the difference is our waiting on ${waits}`
      : 'about the same, so this run\'s wall times were mostly waiting for a CPU on a busy machine and the CPU ratio is the figure to trust';
  const kinds = Object.entries(r.statements)
    .sort((a, b) => b[1] - a[1])
    .map(([kind, n]) => `${kind} ×${n}`)
    .join(', ');
  return `- ${r.target}: a case of ours sent ${r.statementsPerCase} SQL statements (${perStep.toFixed(0)} per step, BEGIN and COMMIT included: ${kinds}) and cost ${formatMs(r.oursCpuMsPerCase)} ms of this process's CPU against bpmn-engine's ${formatMs(r.bpmnCpuMsPerCase)} ms (${formatRatio(r.oursCpuMsPerCase, r.bpmnCpuMsPerCase)}); CPU was ${ours.toFixed(0)} % of our wall time against ${theirs.toFixed(0)} % of bpmn-engine's, which waits on nothing but the machine: ${wallNote}.`;
}

/** Why a miss happens and what would close it, from what a case costs on each side. */
function missNote(rows: PeerRow[]): string[] {
  const missed = rows.filter((r) => !isPeerTargetMet(r));
  if (missed.length === 0) return [];
  return [
    '',
    'Why the target is missed: each of our steps is a durable transaction — read the case, the applicant and the pinned bundle, `decide` (form and checklist validation, Handlebars notices, clocks), write the case, its event, its outbox and timer rows, commit — while bpmn-engine moves a JavaScript object and persists nothing.',
    '',
    ...missed.map(missReason),
    '',
    'So the gap is both CPU (our `decide` and the knex query building around each statement; the transitions section splits engine vs thin knex vs raw driver per transition) and I/O that an in-memory engine never pays. What would close it: fewer statements per step (the breakdown above shows which reads and writes repeat), prepared statements instead of knex building each query, and on PostgreSQL fewer round trips per transaction (one multi-row statement per table). Against bpmn-engine saving its state (`getState()`) to a database after every signal — what a real deployment of it needs — the comparison would be like for like.',
  ];
}

/**
 * The section's markdown lines.
 *
 * @example renderPeer(await benchPeer({ cases: 300, isPostgresIncluded: true })).join('\n')
 */
export function renderPeer(result: PeerResult): string[] {
  return [
    '## Peer: the five-step flow, our engine vs bpmn-engine',
    '',
    `${formatCount(result.cases)} cases per side and database. **Ours**: the shipped item 知识产权政策咨询 (\`${flowItemId}\`, workflow \`standard-service\`) through five human steps — ${flowSteps.join(' → ')} — crossing 服务咨询 → 申请受理 → 服务实施 → 结果反馈 → 质量监督 to \`closed\`; each step is one committed transaction through the operations the routes call (\`startCase\`, \`actOnCase\`). **bpmn-engine** (npm, in memory, nothing persisted): a start event, five user tasks (${bpmnTasks.join(', ')}) and an end event; per case a new \`Engine\` on the definition parsed once (\`sourceContext\`) with a silent \`Logger\`, \`execute({ listener })\` and \`api.signal()\` on each \`activity.wait\` until the end. The two run in alternating blocks of 25 cases after 10 untimed warm-up cases each. Target: ours faster per case (ratio above 1).`,
    '',
    row(['database', 'engine', 'cases/s', 'median ms', 'p95 ms', 'p99 ms', 'CPU ms / case', 'checked']),
    row(['---', '---', '---:', '---:', '---:', '---:', '---:', '---']),
    ...result.rows.flatMap(tableRows),
    ...(result.postgresSkipped ? ['', `PostgreSQL was not measured in this run: ${result.postgresSkipped}.`] : []),
    ...missNote(result.rows),
  ];
}

/** The peer target per database, for the summary table and chart: our cases per second over bpmn-engine's, at least 1×. */
export function peerTargets(result: PeerResult): TargetCheck[] {
  return result.rows.map((r) => ({ area: 'Peer', label: `five-step flow, ${r.target}: ours / bpmn-engine cases per second`, measured: r.ratio, target: 1, direction: 'atLeast', unit: '×' }));
}
