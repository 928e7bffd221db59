/**
 * Benchmark 1: reading, loading (shape + semantic checks) and resolving the shipped library —
 * the province templates, the demo city and the calendars — as `import` and the server do.
 */
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { entriesOf, loadDefinitions, resolveBundle } from '../../engine/load/index.js';
import { readDefinitionFiles } from '../../server/definition-files.js';
import { definitionsDir } from '../../server/paths.js';
import { summarize, type Timing } from '../stats.js';

/** The library folders measured, relative to definitions/. */
export const libraryFolders = ['province', 'demo', 'calendars'];

/** The platform every item is resolved on (the demo city, as the library test does). */
const platformId = 'mianyang';

export interface DefinitionsResult {
  runs: number;
  /** Documents read per run. */
  documents: number;
  /** Bundles resolved per run (one per service item). */
  bundles: number;
  read: Timing;
  load: Timing;
  resolve: Timing;
  /** read + load + resolve of one run. */
  total: Timing;
  /** The first run alone: Ajv compiles its validators then, later runs reuse them. */
  firstRunMs: number;
}

interface RunSample {
  documents: number;
  bundles: number;
  readMs: number;
  loadMs: number;
  resolveMs: number;
}

async function runOnce(): Promise<RunSample> {
  const t0 = performance.now();
  const { files, errors } = await readDefinitionFiles(libraryFolders.map((folder) => join(definitionsDir, folder)));
  if (errors.length > 0) throw new Error(errors.join('\n'));
  const t1 = performance.now();
  const loaded = loadDefinitions(files);
  if (!loaded.ok) throw new Error(`The library does not load: ${loaded.problems.map((p) => `${p.file} ${p.path}: ${p.message}`).join('\n')}`);
  const t2 = performance.now();
  const items = entriesOf(loaded.set, 'ServiceItem');
  for (const { definition } of items) {
    const bundle = resolveBundle(loaded.set, definition.id, platformId);
    if (!bundle.ok) throw new Error(`${definition.id} does not resolve on ${platformId}: ${bundle.problems.map((p) => p.message).join('; ')}`);
  }
  const t3 = performance.now();
  return { documents: files.length, bundles: items.length, readMs: t1 - t0, loadMs: t2 - t1, resolveMs: t3 - t2 };
}

/**
 * Reads, loads and resolves the whole library `runs` times; medians and p95 over the runs.
 *
 * @example const { total } = await benchDefinitions({ runs: 20 }); total.medianMs
 */
export async function benchDefinitions(input: { runs: number }): Promise<DefinitionsResult> {
  const samples: RunSample[] = [];
  for (let run = 0; run < input.runs; run++) samples.push(await runOnce());
  const first = samples[0];
  if (first === undefined) throw new RangeError('benchDefinitions needs at least one run.');
  const series = (pick: (s: RunSample) => number) => {
    const values = samples.map(pick);
    return summarize(values, values.reduce((sum, value) => sum + value, 0));
  };
  return {
    runs: samples.length,
    documents: first.documents,
    bundles: first.bundles,
    read: series((s) => s.readMs),
    load: series((s) => s.loadMs),
    resolve: series((s) => s.resolveMs),
    total: series((s) => s.readMs + s.loadMs + s.resolveMs),
    firstRunMs: first.readMs + first.loadMs + first.resolveMs,
  };
}
