/**
 * Section 2 of docs/benchmarks.md: engine, thin knex and raw driver per transition and database.
 */
import { formatMs, formatRatio, row } from '../markdown.js';
import type { ImplementationResult, TransitionsResult } from './transitions-bench.js';
import { phases, type Phase } from './write-plan.js';

const phaseTitles: Record<Phase, string> = {
  start: 'start (create + submit + 一次性告知)',
  resubmit: 'resubmit (back to 补正材料, new notice)',
  withdraw: 'withdraw (case closed)',
};


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

export function transitionsSection(result: TransitionsResult, index: number): string[] {
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

export function medianOf(result: TransitionsResult, name: ImplementationResult['name'], phase: Phase): number {
  return result.implementations.find((i) => i.name === name)?.timings[phase].medianMs ?? 0;
}

