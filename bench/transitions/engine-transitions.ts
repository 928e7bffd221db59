/**
 * Benchmark 2/3, the engine side: a server's Services in-process (as `serve` builds them) on a
 * fresh database seeded with the province library and the demo city; cases of 知识产权政策咨询
 * taken through start (create + submit + one-time notice), resubmit (materials still missing:
 * back to 补正材料 with a new notice) and withdraw, one transaction each. The warm-up cases give
 * the plan the baselines write; the measured ones run interleaved with them (transitions-bench.ts).
 */
import { join } from 'node:path';
import type { Actor } from '../../engine/runtime/case.js';
import { seedDemo, silentReporter } from '../../server/cli/seed-demo.js';
import { loadConfig } from '../../server/config.js';
import { loadCalendars } from '../../server/definition-files.js';
import { actOnCase, startCase } from '../../server/operations/cases.js';
import { createServices, type Services } from '../../server/services.js';
import type { BenchStore } from '../bench-targets.js';
import { countRows, phases, samplePayload, shapeBetween, type Phase, type WritePlan } from './write-plan.js';
import { consultationData } from '../../tests/fixtures/form-data.js';

/** The item every benchmark case is of: a public item whose form needs no uploads to submit. */
export const benchItemId = 'ip-policy-consulting';


/** The demo applicant 张三 of 绵阳, as a session would present them. */
const applicant: Actor = { id: 'demo-zhangsan', roles: ['applicant'], platformId: 'mianyang', name: '张三' };

/** A Monday that is a working day in the shipped 2026 calendar; fixed so every run numbers cases alike. */
const benchNow = new Date('2026-09-21T01:00:00.000Z');

/** The engine's side of an interleaved run: its plan from the warm-up, then one transition at a time. */
export interface EngineSide {
  /** What the engine wrote per transition in its warm-up, and sample payloads: the baselines' plan. */
  plan: WritePlan;
  /** Takes measured case `index` through `phase` (cases start in index order). */
  run(phase: Phase, index: number): Promise<void>;
  /** Measured cases in the database and how many ended withdrawn (warm-up cases left out). */
  countCases(): Promise<{ written: number; withdrawn: number }>;
}

/** Services over `store` as the server builds them, seeded like `make run`. */
export async function openBenchServices(store: BenchStore): Promise<Services> {
  const config = { ...loadConfig({}), filesDir: join(store.scratchDir, 'files') };
  const services = createServices({ db: store.db, config, calendars: await loadCalendars(), now: () => benchNow });
  await seedDemo(services, silentReporter);
  return services;
}

type CaseRef = { id: string; version: number };

/** start, resubmit and withdraw on `cases` (a case's slot is its index), as the API's operations run them. */
function transitionsOn(services: Services, cases: CaseRef[]): Record<Phase, (index: number) => Promise<void>> {
  const act = (action: string) => async (index: number) => {
    const kase = cases[index]!;
    const next = await actOnCase(services, applicant, kase.id, { action, version: kase.version });
    cases[index] = { id: next.id, version: next.version };
  };
  return {
    start: async (index) => {
      const kase = await startCase(services, applicant, { itemId: benchItemId, data: consultationData() });
      cases[index] = { id: kase.id, version: kase.version };
    },
    resubmit: act('resubmit'),
    withdraw: act('withdraw'),
  };
}

/**
 * Opens the engine side on `store`: takes `warmUp` cases (at least 1) through every phase,
 * counting the rows each transition wrote, which become the plan the baselines copy.
 *
 * @example const engine = await openEngineSide(store, 20); await engine.run('start', 0);
 */
export async function openEngineSide(store: BenchStore, warmUp: number): Promise<EngineSide> {
  if (warmUp < 1) throw new RangeError('openEngineSide needs at least one warm-up case to copy rows from.');
  const services = await openBenchServices(store);
  const knex = store.db.knex;
  const warm: CaseRef[] = [];
  const warmRuns = transitionsOn(services, warm);
  const shapes = {} as WritePlan['shapes'];
  for (const phase of phases) {
    const before = await countRows(knex);
    for (let index = 0; index < warmUp; index++) await warmRuns[phase](index);
    shapes[phase] = shapeBetween(before, await countRows(knex), warmUp);
  }
  const plan: WritePlan = { size: warmUp, shapes, payload: await samplePayload(knex, warm[0]!.id) };
  const measured = transitionsOn(services, []);
  return {
    plan,
    run: (phase, index) => measured[phase](index),
    async countCases() {
      const counted = await knex('cases').where({ item_id: benchItemId }).select('status').count({ n: '*' }).groupBy('status');
      const byStatus = new Map(counted.map((row: Record<string, unknown>) => [String(row.status), Number(row.n)]));
      const written = [...byStatus.values()].reduce((sum, n) => sum + n, 0);
      return { written: written - warmUp, withdrawn: (byStatus.get('withdrawn') ?? 0) - warmUp };
    },
  };
}
