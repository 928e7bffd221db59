/** The inbox section of docs/benchmarks.md, from the figures of bench/inbox.ts. */
import type { InboxMeasure, InboxResult } from './inbox.js';
import { formatMs, row } from '../markdown.js';


function table(measures: InboxMeasure[], what: string): string[] {
  return [
    row([what, 'matching cases', 'p50 ms', 'p95 ms']),
    row(['---', '---:', '---:', '---:']),
    ...measures.map((m) => row([m.label, m.matching.toLocaleString('en-US'), formatMs(m.timing.medianMs), formatMs(m.timing.p95Ms)])),
  ];
}

/** The slowest p95 of every read measured on one database. */
export function slowestP95(result: InboxResult): number {
  return Math.max(...[...result.views, ...result.byDue, ...result.searches, ...result.counts].map((m) => m.timing.p95Ms));
}

/** Section 3: the inbox over a large platform, one table set per database. */
export function inboxSection(results: InboxResult[]): string[] {
  const first = results[0];
  if (!first) return [];
  return [
    `## 3. The staff inbox over ${first.size.toLocaleString('en-US')} cases`,
    '',
    `One platform (绵阳) with ${first.size.toLocaleString('en-US')} cases of two items — 70 % finished, 15 % in progress, 8 % waiting for acceptance, 4 % returned for supplements, 3 % drafts — spread over 2,000 applicants, 20 staff and a year of updates, running clocks due from five days ago to ten days ahead. Template cases go through \`startCase\`/\`actOnCase\`; the rest are copies of them in multi-row inserts, then \`ANALYZE\` (\`VACUUM ANALYZE\` on PostgreSQL, as autovacuum would have done). A staff member reads through \`listCasesFor\` and \`countCasesFor\`, as \`GET /api/cases?view=…\` and \`GET /api/cases/counts\` do: a page is 20 summaries with item and step titles and people's names. ${first.runs} timed reads each, after one warm-up.`,
    '',
    ...results.flatMap((result) => [
      `### ${result.target}`,
      '',
      `Seeding took ${(result.seedMs / 1000).toFixed(1)} s. Slowest p95 of all reads: ${formatMs(slowestP95(result))} ms.`,
      '',
      ...table(result.views, 'first page of view'),
      '',
      ...table(result.byDue, 'first page by due date'),
      '',
      ...table(result.searches, 'search (number, applicant, item title)'),
      '',
      ...table(result.counts, 'counts (GET /api/cases/counts)'),
      '',
    ]),
  ];
}
