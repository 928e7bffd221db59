/**
 * Benchmark 2/3, the engine side: a server's Services in-process (as `serve` builds them) on a
 * fresh database seeded with the province library and the demo city, then N cases of
 * 知识产权政策咨询 taken through start (create + submit + one-time notice), resubmit
 * (materials still missing: back to 补正材料 with a new notice) and withdraw, one transaction each.
 */
import { join } from 'node:path';
import type { Actor } from '../../engine/runtime/case.js';
import { seedDemo, silentReporter } from '../../server/cli/seed-demo.js';
import { loadConfig } from '../../server/config.js';
import { loadCalendars } from '../../server/definition-files.js';
import { actOnCase, startCase } from '../../server/operations/cases.js';
import { createServices, type Services } from '../../server/services.js';
import type { BenchStore } from '../bench-targets.js';
import { timeSeries, type Timing } from '../stats.js';
import { countStatements } from './statement-counter.js';
import { countRows, phases, samplePayload, shapeBetween, type Phase, type WritePlan } from './write-plan.js';
import { consultationData } from '../../tests/fixtures/form-data.js';

/** The item every benchmark case is of: a public item whose form needs no uploads to submit. */
export const benchItemId = 'ip-policy-consulting';


/** The demo applicant 张三 of 绵阳, as a session would present them. */
const applicant: Actor = { id: 'demo-zhangsan', roles: ['applicant'], platformId: 'mianyang', name: '张三' };

/** A Monday that is a working day in the shipped 2026 calendar; fixed so every run numbers cases alike. */
const benchNow = new Date('2026-09-21T01:00:00.000Z');

export interface EngineResult {
  timings: Record<Phase, Timing>;
  /** Statements sent per transition (mean over the series), reads and BEGIN/COMMIT included. */
  statements: Record<Phase, number>;
  /** What the engine wrote per transition, and sample payloads: the baselines' plan. */
  plan: WritePlan;
  casesWritten: number;
  casesWithdrawn: number;
}

/** Services over `store` as the server builds them, seeded like `make run`. */
export async function openBenchServices(store: BenchStore): Promise<Services> {
  const config = { ...loadConfig({}), filesDir: join(store.scratchDir, 'files') };
  const services = createServices({ db: store.db, config, calendars: await loadCalendars(), now: () => benchNow });
  await seedDemo(services, silentReporter);
  return services;
}

/**
 * Takes `size` cases through start, resubmit and withdraw; times each transition.
 *
 * @example const result = await benchEngineTransitions(store, 2000); result.timings.start.perSecond
 */
export async function benchEngineTransitions(store: BenchStore, size: number): Promise<EngineResult> {
  const services = await openBenchServices(store);
  const knex = store.db.knex;
  const cases: Array<{ id: string; version: number }> = [];
  const act = (action: string) => async (index: number) => {
    const kase = cases[index]!;
    const next = await actOnCase(services, applicant, kase.id, { action, version: kase.version });
    cases[index] = { id: next.id, version: next.version };
  };
  const runs: Record<Phase, (index: number) => Promise<unknown>> = {
    start: async () => {
      const kase = await startCase(services, applicant, { itemId: benchItemId, data: consultationData() });
      cases.push({ id: kase.id, version: kase.version });
    },
    resubmit: act('resubmit'),
    withdraw: act('withdraw'),
  };
  const timings = {} as Record<Phase, Timing>;
  const statements = {} as Record<Phase, number>;
  const shapes = {} as WritePlan['shapes'];
  for (const phase of phases) {
    const before = await countRows(knex);
    const counter = countStatements(knex);
    timings[phase] = await timeSeries(size, runs[phase]);
    statements[phase] = counter.count() / size;
    counter.stop();
    shapes[phase] = shapeBetween(before, await countRows(knex), size);
  }
  const first = cases[0];
  if (first === undefined) throw new RangeError('benchEngineTransitions needs a size of at least 1.');
  const counted = await knex('cases').where({ item_id: benchItemId }).select('status').count({ n: '*' }).groupBy('status');
  const byStatus = new Map(counted.map((row: Record<string, unknown>) => [String(row.status), Number(row.n)]));
  return {
    timings,
    statements,
    plan: { size, shapes, payload: await samplePayload(knex, first.id) },
    casesWritten: [...byStatus.values()].reduce((sum, n) => sum + n, 0),
    casesWithdrawn: byStatus.get('withdrawn') ?? 0,
  };
}
