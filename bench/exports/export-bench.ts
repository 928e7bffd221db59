/**
 * The Excel export over a large platform (issue 8, Exports): on a database seeded with `size`
 * cases (the inbox benchmark's seeder), staff export every case through the operation the route
 * calls (`prepareCaseExport(...).write`) into a sink that counts bytes, while memory is sampled.
 * Beside it, in the same run, the baseline: the same keyset pages read through storage alone
 * (`listCases`, no titles, masking or workbook), so the ratio says what the workbook costs.
 * Target: the export's resident memory grows by at most EXPORT_MEMORY_TARGET_MB over the
 * process before it however many rows it writes (streamed, not held), and its rows per second
 * are within EXPORT_RATIO_TARGET of the bare page reads.
 */
import { Writable } from 'node:stream';
import type { Actor } from '../../engine/runtime/case.js';
import { EXPORT_PAGE_SIZE, prepareCaseExport } from '../../server/operations/exports/case-export.js';
import type { Services } from '../../server/services.js';
import { listCases } from '../../storage/cases.js';
import type { BenchTarget } from '../bench-targets.js';
import { seedInbox } from '../inbox/inbox-seed.js';
import { openBenchServices } from '../transitions/engine-transitions.js';

/** The export may take this many times the bare page reads' time. */
export const EXPORT_RATIO_TARGET = 4;
/** Resident memory the export may add, whatever the row count. */
export const EXPORT_MEMORY_TARGET_MB = 150;

export interface ExportRun {
  rows: number;
  bytes: number;
  ms: number;
  rowsPerSecond: number;
  /** Peak resident set and V8 heap above their values just before the run. */
  peakRssMb: number;
  peakHeapMb: number;
}

export interface ExportBenchResult {
  target: string;
  size: number;
  seedMs: number;
  exportRun: ExportRun;
  baseline: ExportRun;
}

const mb = (bytes: number) => bytes / 1024 / 1024;

/** Runs `work`, sampling memory every 20 ms; peaks are above the values at the start. */
async function measured(work: () => Promise<{ rows: number; bytes: number }>): Promise<ExportRun> {
  global.gc?.();
  const start = process.memoryUsage();
  let peakRss = start.rss;
  let peakHeap = start.heapUsed;
  const sample = setInterval(() => {
    const now = process.memoryUsage();
    peakRss = Math.max(peakRss, now.rss);
    peakHeap = Math.max(peakHeap, now.heapUsed);
  }, 20);
  const began = performance.now();
  try {
    const { rows, bytes } = await work();
    const ms = performance.now() - began;
    return { rows, bytes, ms, rowsPerSecond: (rows / ms) * 1000, peakRssMb: mb(peakRss - start.rss), peakHeapMb: mb(peakHeap - start.heapUsed) };
  } finally {
    clearInterval(sample);
  }
}

/** A sink that keeps nothing but the count, as a socket to a fast client would. */
function countingSink(): { output: Writable; bytes: () => number } {
  let bytes = 0;
  const output = new Writable({
    write(chunk: Buffer, _encoding, done) {
      bytes += chunk.length;
      done();
    },
  });
  return { output, bytes: () => bytes };
}

async function exportAll(services: Services, staff: Actor): Promise<{ rows: number; bytes: number }> {
  const sink = countingSink();
  const prepared = await prepareCaseExport(services, staff, { view: 'all' });
  const outcome = await prepared.write(sink.output);
  return { rows: outcome.rows, bytes: sink.bytes() };
}

/** The same keyset pages, read and parsed by storage, written nowhere. */
async function readAll(services: Services, platformId: string): Promise<{ rows: number; bytes: number }> {
  let rows = 0;
  let after: string | undefined;
  do {
    const page = await listCases(services.db.knex, { platformId, limit: EXPORT_PAGE_SIZE, ...(after ? { after } : {}) });
    rows += page.cases.length;
    after = page.next;
  } while (after !== undefined);
  return { rows, bytes: 0 };
}

/**
 * Seeds `size` cases on a fresh store of `target` and measures one export of them all and the bare reads.
 *
 * @example const result = await benchExports(sqliteTarget('NORMAL'), { size: 100_000 });
 */
export async function benchExports(target: BenchTarget, options: { size: number; log?: (line: string) => void }): Promise<ExportBenchResult> {
  const log = options.log ?? (() => undefined);
  const store = await target.open();
  try {
    const services = await openBenchServices(store);
    log(`exports: seeding ${options.size} cases on ${target.label}`);
    const seed = await seedInbox(services, options.size, log);
    const staff: Actor = { ...seed.staff, roles: ['staff'] };
    log('exports: baseline page reads');
    const baseline = await measured(() => readAll(services, staff.platformId));
    log('exports: the case export');
    const exportRun = await measured(() => exportAll(services, staff));
    log(`exports: ${exportRun.rows} rows, ${Math.round(exportRun.bytes / 1024)} KiB in ${Math.round(exportRun.ms)} ms`);
    return { target: target.label, size: options.size, seedMs: seed.seedMs, exportRun, baseline };
  } finally {
    await store.dispose();
  }
}

const fixed = (n: number, digits = 1) => n.toFixed(digits);

/** Markdown lines for docs/benchmarks.md: each figure beside its baseline, the ratio, the targets. */
export function renderExports(results: ExportBenchResult[]): string[] {
  const lines = [
    '### Excel export of cases',
    '',
    `Every case of a seeded platform exported through the operation the route calls (streamed into a counting sink), beside the same keyset pages of ${EXPORT_PAGE_SIZE} read by storage alone. Targets: export time ≤ ${EXPORT_RATIO_TARGET}× the bare reads; resident memory added ≤ ${EXPORT_MEMORY_TARGET_MB} MB whatever the size.`,
    '',
    '| database | cases | rows written | file | export | bare reads | ratio (target) | rows/s | RSS added (target) | heap added |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
  ];
  for (const r of results) {
    const ratio = r.exportRun.ms / r.baseline.ms;
    const ratioVerdict = ratio <= EXPORT_RATIO_TARGET ? 'met' : `missed by ${fixed(ratio - EXPORT_RATIO_TARGET)}×`;
    const memoryVerdict = r.exportRun.peakRssMb <= EXPORT_MEMORY_TARGET_MB ? 'met' : `missed by ${fixed(r.exportRun.peakRssMb - EXPORT_MEMORY_TARGET_MB)} MB`;
    lines.push(
      `| ${r.target} | ${r.size.toLocaleString('en-US')} | ${r.exportRun.rows.toLocaleString('en-US')} | ${fixed(mb(r.exportRun.bytes))} MB | ${fixed(r.exportRun.ms / 1000)} s | ${fixed(r.baseline.ms / 1000)} s | ${fixed(ratio)}× (≤ ${EXPORT_RATIO_TARGET}×, ${ratioVerdict}) | ${Math.round(r.exportRun.rowsPerSecond).toLocaleString('en-US')} | ${fixed(r.exportRun.peakRssMb)} MB (≤ ${EXPORT_MEMORY_TARGET_MB}, ${memoryVerdict}) | ${fixed(r.exportRun.peakHeapMb)} MB |`,
    );
  }
  return lines;
}
