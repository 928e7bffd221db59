/**
 * Benchmark 3 of issue 7, bulk import: a case register of `cases` lines through `ipsp
 * import-cases`' operation, and a service-list workbook of `listRows` rows through the list
 * import, each against direct prepared statements writing the same rows, on SQLite
 * (synchronous=FULL) and on PostgreSQL when it is reachable.
 */
import { benchPostgresUrl, postgresTarget, postgresUnreachable, sqliteTarget, type BenchTarget } from '../bench-targets.js';
import { benchCaseImport, type CaseImportResult } from './cases-bench.js';
import { benchListImport, type ListImportResult } from './list-bench.js';

/** Ours must reach this share of the direct statements' rows per second. */
export const IMPORT_SHARE_TARGET = 0.8;

export interface ImportOptions {
  /** Lines of the case register (default 1,000,000). */
  cases?: number;
  /** Rows of the list workbook asked for (default 10,000; the largest list allowed is measured when past the limits; 0 leaves the list out). */
  listRows?: number;
  /** Also PostgreSQL (default: when reachable). */
  isPostgresIncluded?: boolean;
  /** SQLite too (default true). */
  isSqliteIncluded?: boolean;
  log?: (line: string) => void;
  /** Called with the figures so far after each measurement (a long run keeps what it measured). */
  onMeasured?: (partial: ImportResult) => void;
}

export interface ImportResult {
  cases: CaseImportResult[];
  lists: ListImportResult[];
  /** Why PostgreSQL was left out, when it was. */
  postgresSkipped?: string;
}

/**
 * Runs both imports on every target.
 *
 * @example const result = await benchImport({ cases: 1000, listRows: 50 }); renderImport(result)
 */
export async function benchImport(options: ImportOptions = {}): Promise<ImportResult> {
  const log = options.log ?? (() => undefined);
  const targets: BenchTarget[] = options.isSqliteIncluded === false ? [] : [sqliteTarget('FULL')];
  const unreachable = options.isPostgresIncluded === false ? 'not asked for' : await postgresUnreachable(benchPostgresUrl);
  if (!unreachable) targets.push(postgresTarget(benchPostgresUrl));
  const result: ImportResult = { cases: [], lists: [], ...(unreachable ? { postgresSkipped: unreachable } : {}) };
  // The short list imports first, then the long case imports.
  for (const target of options.listRows === 0 ? [] : targets) {
    log(`import: ${target.label}, list workbook of ${options.listRows ?? 10_000} rows`);
    result.lists.push(await benchListImport(target, options.listRows ?? 10_000, log));
    options.onMeasured?.(result);
  }
  for (const target of targets) {
    log(`import: ${target.label}, ${options.cases ?? 1_000_000} cases`);
    result.cases.push(await benchCaseImport(target, options.cases ?? 1_000_000, log));
    options.onMeasured?.(result);
  }
  return result;
}
