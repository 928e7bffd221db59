/**
 * Section 1 of docs/benchmarks.md: reading, loading and resolving the shipped library.
 */
import { formatMs, formatRatio, row } from '../markdown.js';
import type { Timing } from '../stats.js';
import type { DefinitionsResult } from './definitions-bench.js';

/** The definitions section, from the figures of one run. */
export function definitionsSection(d: DefinitionsResult): string[] {
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
