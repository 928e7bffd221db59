/**
 * The supervision statistics at scale, on its own (not part of `make bench`, whose 20 minutes
 * the seeding would not fit): `npx tsx bench/statistics/run.ts` (STATS_CASES cases, default
 * 1,000,000; TARGETS a comma list of full,pg, default both). For each database: seeds a network
 * of 50 platforms (bench/statistics/statistics-seed.ts), then times the `statistics` operation
 * as the API runs it — a city's month and the province's whole year — and each aggregation
 * query of the year on its own. Medians of 3 after one warm-up. Markdown on stdout, progress on stderr.
 */
import { performance } from 'node:perf_hooks';
import type { Actor } from '../../engine/runtime/case.js';
import { statistics } from '../../server/operations/statistics/statistics.js';
import { appliedFigures, servedFigures } from '../../storage/statistics/case-figures.js';
import { evaluationFigures, taskFigures } from '../../storage/statistics/follow-up-figures.js';
import type { FigureScope } from '../../storage/statistics/scope.js';
import { targetsFromEnv } from '../bench-targets.js';
import { formatCount, formatMs, row } from '../markdown.js';
import { openBenchServices } from '../transitions/engine-transitions.js';
import { seedStatistics } from './statistics-seed.js';

const size = Number(process.env.STATS_CASES ?? 1_000_000);
const started = Date.now();
const log = (line: string) => console.error(`${line}  (${((Date.now() - started) / 1000).toFixed(0)} s)`);
const province: Actor = { id: 'demo-province', roles: ['platform-admin'], platformId: 'sichuan-province', name: '省级管理员' };
const city: Actor = { id: 'demo-admin', roles: ['platform-admin'], platformId: 'mianyang', name: '绵阳管理员' };

async function median(run: () => Promise<unknown>): Promise<number> {
  await run();
  const times: number[] = [];
  for (let i = 0; i < 3; i++) {
    const start = performance.now();
    await run();
    times.push(performance.now() - start);
  }
  return times.sort((a, b) => a - b)[1] as number;
}

const lines: string[] = [
  `| database | cases | seeding s | a city's month (statistics) | the province's year (statistics) | year: applied | year: served | year: evaluations | year: tasks |`,
  '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
];
for (const target of await targetsFromEnv('full,pg')) {
  const store = await target.open();
  try {
    const services = await openBenchServices(store);
    const seedStart = performance.now();
    const { platforms } = await seedStatistics(store.db.knex, size, (line) => log(`${target.label}${line}`));
    const seedMs = performance.now() - seedStart;
    log(`${target.label}: ${formatCount(size)} cases on ${platforms} platforms seeded`);
    const knex = store.db.knex;
    const year = { from: '2026-01-01', to: '2026-12-31' };
    const platformIds = (await knex('platforms').select('id')).map((p: { id: string }) => p.id);
    const scope: FigureScope = { platformIds, fromDay: year.from, toDay: year.to, fromAt: '2025-12-31T16:00:00.000Z', untilAt: '2026-12-31T16:00:00.000Z' };
    const asOf = services.now().toISOString();
    const figures = [
      await median(() => statistics(services, city, { from: '2026-10-01', to: '2026-10-31' })),
      await median(() => statistics(services, province, year)),
      await median(() => appliedFigures(knex, scope, asOf)),
      await median(() => servedFigures(knex, scope)),
      await median(() => evaluationFigures(knex, scope)),
      await median(() => taskFigures(knex, scope, 'rectification')),
    ];
    lines.push(row([target.label, formatCount(size), (seedMs / 1000).toFixed(1), ...figures.map((ms) => `${formatMs(ms)} ms`)]));
  } finally {
    await store.dispose();
  }
}
console.log(lines.join('\n'));
