/** The inbox section of docs/benchmarks.md, from the figures of bench/inbox/inbox.ts. */
import type { TargetCheck } from '../targets.js';
import { formatCount, formatMs, row } from '../markdown.js';
import { INBOX_RATIO_TARGET, type InboxMeasure, type InboxResult } from './inbox.js';

/** Ours ÷ direct at the median and at p95. */
export function ratiosOf(m: InboxMeasure): { median: number; p95: number } {
  return { median: m.ours.medianMs / Math.max(m.direct.medianMs, 1e-6), p95: m.ours.p95Ms / Math.max(m.direct.p95Ms, 1e-6) };
}

/** The worse of the two ratios. */
const worstRatio = (m: InboxMeasure) => Math.max(ratiosOf(m).median, ratiosOf(m).p95);

function verdict(ratio: number): string {
  return ratio <= INBOX_RATIO_TARGET ? `met (${(INBOX_RATIO_TARGET / ratio).toFixed(1)}× room)` : `**missed by ${((ratio / INBOX_RATIO_TARGET - 1) * 100).toFixed(0)} %**`;
}

function table(measures: InboxMeasure[]): string[] {
  return [
    row(['read', 'matching', 'runs', 'ours p50 ms', 'direct p50 ms', 'p50 ratio', 'ours p95 ms', 'direct p95 ms', 'p95 ratio', `target ≤ ${INBOX_RATIO_TARGET}×`]),
    row(['---', '---:', '---:', '---:', '---:', '---:', '---:', '---:', '---:', '---']),
    ...measures.map((m) => {
      const ratio = ratiosOf(m);
      return row([
        m.label,
        formatCount(m.matching),
        String(m.ours.count),
        formatMs(m.ours.medianMs),
        formatMs(m.direct.medianMs),
        `${ratio.median.toFixed(2)}×`,
        formatMs(m.ours.p95Ms),
        formatMs(m.direct.p95Ms),
        `${ratio.p95.toFixed(2)}×`,
        verdict(Math.max(ratio.median, ratio.p95)),
      ]);
    }),
  ];
}

/** The slowest p95 of every read measured on one database (ours). */
export function slowestP95(result: InboxResult): number {
  return Math.max(...result.reads.map((m) => m.ours.p95Ms));
}

/** First pages and deep pages (counts and searches with the first pages), each held to the 2.5× target by its worst ratio. */
export function inboxTargets(results: InboxResult[]): TargetCheck[] {
  return results.flatMap((result) => {
    const deep = result.reads.filter((m) => (m.page ?? 1) > 1);
    const first = result.reads.filter((m) => (m.page ?? 1) === 1);
    return [
      { label: 'first pages, searches and counts', measures: first },
      { label: 'deep pages', measures: deep },
    ]
      .filter((part) => part.measures.length > 0)
      .map((part) => ({
        area: 'Inbox',
        label: `${part.label}, ${result.target}: ours / direct driver (worst of p50, p95)`,
        measured: Math.max(...part.measures.map(worstRatio)),
        target: INBOX_RATIO_TARGET,
        direction: 'atMost' as const,
        unit: '×' as const,
      }));
  });
}

/** What the misses have in common, from the figures: the time ours adds per read. */
function missesLine(result: InboxResult): string {
  const missed = result.reads.filter((m) => worstRatio(m) > INBOX_RATIO_TARGET);
  if (missed.length === 0) return `Every read met the ${INBOX_RATIO_TARGET}× target.`;
  const added = missed.map((m) => m.ours.medianMs - m.direct.medianMs).sort((a, b) => a - b);
  return `${missed.length} of ${result.reads.length} reads missed the ${INBOX_RATIO_TARGET}× target; ours added ${formatMs(added[0]!)}–${formatMs(added[added.length - 1]!)} ms (median) over the bare statement: ${missed.map((m) => m.label).join('; ')}.`;
}

/** Section 3: the inbox over a large platform, one table per database. */
export function inboxSection(results: InboxResult[]): string[] {
  const first = results[0];
  if (!first) return [];
  return [
    `## 3. The staff inbox over ${formatCount(first.size)} cases`,
    '',
    `One platform (绵阳) with ${formatCount(first.size)} cases of two items — 70 % finished, 15 % in progress, 8 % waiting for acceptance, 4 % returned for supplements, 3 % drafts — spread over 2,000 applicants, 20 staff and a year of updates, running clocks due from five days ago to ten days ahead. Template cases go through \`startCase\`/\`actOnCase\`; the rest are copies of them written straight through the driver with the table's secondary indexes dropped and rebuilt afterwards (bench/inbox/bulk-cases.ts; one copy is checked column by column against \`insertCases\`), then \`ANALYZE\` (\`VACUUM ANALYZE\` on PostgreSQL). Freshly built indexes are denser than ones grown case by case, which flatters reads slightly.`,
    '',
    `A staff member reads every standard inbox read through \`listCasesFor\` and \`countCasesFor\`, as \`GET /api/cases?view=…\` and \`GET /api/cases/counts\` do (**ours**: 20 summaries with item and step titles and people's names, bodies opened), and the same SQL — knex's \`.toSQL()\` of the query our storage builds — through the bare driver (**direct**: a better-sqlite3 prepared statement, or a \`pg\` named statement), alternating, after one warm-up of each. Deep pages (${first.deepPages.join(' and ')}) start from the cursor \`next\` gives after the pages before them. Counts stop at ${formatCount(first.cap)} (\`SELECT count(*) FROM (SELECT 1 … LIMIT ${formatCount(first.cap + 1)})\`; the desk shows "${formatCount(first.cap)}+"). Slow reads get fewer runs (at least 5; the runs column). Target: ours ≤ ${INBOX_RATIO_TARGET}× direct, median and p95.`,
    '',
    ...results.flatMap((result) => [
      `### ${result.target}`,
      '',
      `Seeding took ${(result.seedMs / 1000).toFixed(1)} s. Slowest p95 of ours: ${formatMs(slowestP95(result))} ms. ${missesLine(result)}`,
      '',
      ...table(result.reads),
      '',
    ]),
  ];
}
