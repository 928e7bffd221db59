/**
 * Bulk import of a case register: `ipsp import-cases`' operation on a generated NDJSON file (read,
 * every line checked, cases built, personal data sealed, written in transactions of 5,000) vs
 * the same rows written by direct prepared statements. The direct rows are copies of a sample
 * of what our import stored, so both write byte-alike rows into the same seeded schema.
 */
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { importCases } from '../../server/operations/import-cases.js';
import type { BenchTarget } from '../bench-targets.js';
import { openBenchServices } from '../transitions/engine-transitions.js';
import { directWriter, type SampleCase } from './direct-writers.js';
import { writeRegister } from './register-file.js';

export interface CaseImportResult {
  target: string;
  size: number;
  ours: { ms: number; rowsPerSecond: number; checkMs: number; writeMs: number; stored: number };
  direct: { ms: number; rowsPerSecond: number; stored: number };
  /** ours / direct, rows per second. */
  ratio: number;
}

const SAMPLE = 2000;
const BATCH = 5000;

/** Values as a driver takes them back: pg hands out Dates and parsed jsonb. */
function plain(row: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(row).map(([k, v]) => [k, v instanceof Date ? v.toISOString() : v !== null && typeof v === 'object' ? JSON.stringify(v) : v]),
  );
}

async function ourImport(target: BenchTarget, size: number, log: (line: string) => void) {
  const store = await target.open();
  try {
    const services = await openBenchServices(store);
    const file = join(store.scratchDir, 'register.ndjson');
    await writeRegister(file, size);
    const started = performance.now();
    let checkedAt = started;
    const result = await importCases(services, {
      platformId: 'mianyang',
      file,
      by: 'bench',
      batchSize: BATCH,
      onProgress: ({ phase, lines }) => {
        if (phase === 'checked') checkedAt = performance.now();
        if (lines % 100_000 === 0 || lines === size) log(`  import ${target.label}: ${phase} ${lines}/${size}`);
      },
    });
    const ms = performance.now() - started;
    const knex = store.db.knex;
    const cases = (await knex('cases').where('id', 'like', 'imp-%').orderBy('id').limit(SAMPLE)) as Array<Record<string, unknown>>;
    const events = (await knex('case_events').whereIn('case_id', cases.map((c) => c.id as string))) as Array<Record<string, unknown>>;
    const samples: SampleCase[] = cases.map((c) => ({ caseRow: plain(c), eventRows: events.filter((e) => e.case_id === c.id).map(plain) }));
    return { ms, checkMs: checkedAt - started, writeMs: performance.now() - checkedAt, stored: result.imported, samples };
  } finally {
    await store.dispose();
  }
}

async function directImport(target: BenchTarget, samples: SampleCase[], size: number, log: (line: string) => void) {
  const store = await target.open();
  try {
    await openBenchServices(store);
    await store.db.close();
    const writer = await directWriter(store.location);
    try {
      const started = performance.now();
      await writer.write({ samples, size, batch: BATCH, onBatch: (done) => (done % 100_000 === 0 || done === size) && log(`  direct ${target.label}: ${done}/${size}`) });
      const ms = performance.now() - started;
      const counted = await writer.count();
      if (counted.events !== counted.cases) throw new Error(`direct writer stored ${counted.cases} cases but ${counted.events} events`);
      return { ms, stored: counted.cases };
    } finally {
      await writer.close();
    }
  } finally {
    await store.dispose();
  }
}

/**
 * Imports `size` cases on `target` through our import, then writes the same rows directly.
 *
 * @example const r = await benchCaseImport(sqliteTarget('FULL'), 10_000); r.ratio // e.g. 0.8
 */
export async function benchCaseImport(target: BenchTarget, size: number, log: (line: string) => void = () => undefined): Promise<CaseImportResult> {
  const ours = await ourImport(target, size, log);
  const direct = await directImport(target, ours.samples, size, log);
  const perSecond = (ms: number) => (size * 1000) / ms;
  return {
    target: target.label,
    size,
    ours: { ms: ours.ms, rowsPerSecond: perSecond(ours.ms), checkMs: ours.checkMs, writeMs: ours.writeMs, stored: ours.stored },
    direct: { ms: direct.ms, rowsPerSecond: perSecond(direct.ms), stored: direct.stored },
    ratio: direct.ms > 0 ? direct.ms / ours.ms : 0,
  };
}
