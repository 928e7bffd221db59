/**
 * Benchmark 4: the staff inbox over a large platform. On a fresh database seeded with `size`
 * cases (bench/inbox-seed.ts), staff read each inbox view's first page (20 summaries, as the
 * desk asks for them), the views by due date, three searches and the counts of every view —
 * through the same operations the routes call (`listCasesFor`, `countCasesFor`), in-process.
 */
import type { InboxView } from '../../server/operations/inbox.js';
import { countCasesFor, INBOX_VIEWS, listCasesFor, type CaseListQuery } from '../../server/operations/inbox.js';
import type { BenchTarget } from '../bench-targets.js';
import { openBenchServices } from '../transitions/engine-transitions.js';
import { seedInbox } from './inbox-seed.js';
import { timeSeries, type Timing } from '../stats.js';

/** One measured read: what it asked and how many cases matched it. */
export interface InboxMeasure {
  label: string;
  /** Cases the view or search holds (from the counts), or the count of counts. */
  matching: number;
  timing: Timing;
}

export interface InboxResult {
  target: string;
  size: number;
  seedMs: number;
  runs: number;
  /** First page of each view, most recently changed first. */
  views: InboxMeasure[];
  /** First page by due date (earliest first). */
  byDue: InboxMeasure[];
  searches: InboxMeasure[];
  counts: InboxMeasure[];
}

/**
 * Seeds `size` cases on a fresh database of `target` and times the inbox reads `runs` times each
 * (after one untimed warm-up read).
 *
 * @example const result = await benchInbox(sqliteTarget('FULL'), { size: 1000, runs: 5 });
 */
export async function benchInbox(target: BenchTarget, options: { size: number; runs: number; log?: (line: string) => void }): Promise<InboxResult> {
  const store = await target.open();
  try {
    const services = await openBenchServices(store);
    const seed = await seedInbox(services, options.size, options.log);
    const actor = seed.staff;
    const counted = await countCasesFor(services, actor, {});
    const time = async (label: string, matching: number, read: () => Promise<unknown>): Promise<InboxMeasure> => {
      await read();
      return { label, matching, timing: await timeSeries(options.runs, read) };
    };
    const page = (query: CaseListQuery) => () => listCasesFor(services, actor, { ...query, limit: 20 });
    const views: InboxMeasure[] = [];
    for (const view of INBOX_VIEWS) views.push(await time(view, counted[view], page({ view })));
    const byDue: InboxMeasure[] = [];
    for (const view of ['toAccept', 'overdue', 'all'] as InboxView[]) byDue.push(await time(`${view}, order=due`, counted[view], page({ view, order: 'due' })));
    const searches: InboxMeasure[] = [];
    for (const [what, q] of Object.entries(seed.searches)) {
      const matching = (await countCasesFor(services, actor, { q })).all;
      searches.push(await time(`all, q=${q} (${what})`, matching, page({ view: 'all', q })));
    }
    const counts = [
      await time('counts of the 7 views', INBOX_VIEWS.length, () => countCasesFor(services, actor, {})),
      await time(`counts of the 7 views, q=${seed.searches.item}`, INBOX_VIEWS.length, () => countCasesFor(services, actor, { q: seed.searches.item })),
    ];
    return { target: target.label, size: options.size, seedMs: seed.seedMs, runs: options.runs, views, byDue, searches, counts };
  } finally {
    await store.dispose();
  }
}
