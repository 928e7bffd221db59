/** The bulk-import section of docs/benchmarks.md, from the figures of bench/import/import-bench.ts. */
import { MAX_PARTS } from '../../engine/load/check-limits.js';
import { MAX_ROWS } from '../../server/workbook/read-rows.js';
import { formatCount, row } from '../markdown.js';
import type { TargetCheck } from '../targets.js';
import type { CaseImportResult } from './cases-bench.js';
import { IMPORT_SHARE_TARGET, type ImportResult } from './import-bench.js';
import type { ListImportResult } from './list-bench.js';

const percent = (share: number) => `${(share * 100).toFixed(0)} %`;
const perSecond = (n: number) => formatCount(Math.round(n));
const seconds = (ms: number) => (ms / 1000).toFixed(1);

function verdict(share: number): string {
  return share >= IMPORT_SHARE_TARGET ? 'met' : `**missed by ${((IMPORT_SHARE_TARGET - share) * 100).toFixed(0)} points**`;
}

function casesTable(results: CaseImportResult[]): string[] {
  return [
    row(['database', 'cases', 'ours s (check + write)', 'ours rows/s', 'direct s', 'direct rows/s', 'ours / direct', `target ≥ ${percent(IMPORT_SHARE_TARGET)}`, 'write pass alone / direct']),
    row(['---', '---:', '---:', '---:', '---:', '---:', '---:', '---', '---:']),
    ...results.map((r) =>
      row([
        r.target,
        formatCount(r.size),
        `${seconds(r.ours.ms)} (${seconds(r.ours.checkMs)} + ${seconds(r.ours.writeMs)})`,
        perSecond(r.ours.rowsPerSecond),
        seconds(r.direct.ms),
        perSecond(r.direct.rowsPerSecond),
        percent(r.ratio),
        verdict(r.ratio),
        percent(r.direct.ms / r.ours.writeMs),
      ]),
    ),
  ];
}

function listTable(results: ListImportResult[]): string[] {
  return [
    row(['database', 'rows', 'ours ms', 'ours rows/s', 'direct ms', 'direct rows/s', 'ours / direct', `target ≥ ${percent(IMPORT_SHARE_TARGET)}`]),
    row(['---', '---:', '---:', '---:', '---:', '---:', '---:', '---']),
    ...results.map((r) =>
      row([r.target, formatCount(r.rows), r.ours.ms.toFixed(0), perSecond(r.ours.rowsPerSecond), r.direct.ms.toFixed(0), perSecond(r.direct.rowsPerSecond), percent(r.ratio), verdict(r.ratio)]),
    ),
  ];
}

function refusalLine(results: ListImportResult[]): string {
  const refused = results.find((r) => r.refusal);
  if (!refused?.refusal) return '';
  return (
    `A workbook of ${formatCount(refused.requestedRows)} rows is refused in ${(refused.refusal.ms / 1000).toFixed(1)} s with \`${refused.refusal.code}\` ("${refused.refusal.message}"), and nothing is saved. ` +
    `That is intended: a service list holds at most ${MAX_PARTS} entries (engine/load/check-limits.ts, the loader's limit on any definition's main collection) and a list sheet at most ${formatCount(MAX_ROWS)} rows; the province's shipped lists hold at most a dozen entries, and the limits keep one upload from costing minutes of checking. ` +
    `So the largest list allowed, ${MAX_PARTS} rows, is measured: every row's 服务内容 edited, so each row becomes a draft.`
  );
}

/** Where our time went, per database, from the measured passes. */
function splitLine(results: CaseImportResult[]): string {
  const parts = results.map((r) => `${r.target}: checking ${percent(r.ours.checkMs / r.ours.ms)} of our time, and the write pass alone reaches ${percent(r.direct.ms / r.ours.writeMs)} of direct`);
  return `Measured: ${parts.join('; ')}.`;
}

/** The section's markdown lines. */
export function renderImport(result: ImportResult): string[] {
  const first = result.cases[0];
  if (!first) return [];
  return [
    `## Bulk import: ${formatCount(first.size)} cases and a service-list workbook`,
    '',
    `**Cases.** A generated register (办件台账) of ${formatCount(first.size)} NDJSON lines (70 % completed consultations, 10 % each rejected, in progress and waiting for acceptance; 2,000 applicants) through \`importCases\`, the operation behind \`ipsp import-cases\` (**ours**): pass 1 reads and checks every line (shape, item and step, the item's form validation with the identity checks, dates, applicant, numbers unique in the file and the database), pass 2 reads it again, builds each case, seals its ID numbers and phones and writes it with one \`case.imported\` event, 5,000 cases per transaction (better-sqlite3 prepared single-row INSERTs on SQLite, COPY on PostgreSQL). Both passes run their per-line work in worker threads, one per core: pass 1 checks on every core, pass 2 builds each batch while the main thread writes the one before (decision 0043). **Direct**: copies of ${formatCount(2000)} case and event rows as our import stored them (own ids and numbers), written into the same seeded schema by better-sqlite3 prepared single-row INSERTs (SQLite) or \`pg\` named multi-row INSERTs of 470 rows (PostgreSQL), also 5,000 cases per transaction. Rows/s counts cases. The last column sets pass 2 alone (reading again, building, sealing, writing; no checks) against direct.`,
    '',
    ...casesTable(result.cases),
    '',
    ...(result.cases.every((r) => r.ratio >= IMPORT_SHARE_TARGET) ? [`Met on every database. ${splitLine(result.cases)}`] : []),
    ...(result.cases.every((r) => r.ratio >= IMPORT_SHARE_TARGET) ? [] : [`**Why the target is missed, and what would close it.** Direct writes rows that are already built; ours turns text into checked, sealed rows. ${splitLine(result.cases)} Per line, pass 1 runs the item's form through Ajv twice (the form's own validation, then the identity locator that finds every ID number and USCC to apply the soft-reject policy, with field labels); pass 2 walks each case to seal personal values (AES-256-GCM per ID number and phone, a fresh IV each) and serializes it. On 2 cores that work and the writes share the machine: on SQLite the main thread's writes keep one core and a single worker builds; on PostgreSQL the server takes its share of both cores. What would close more of it: fewer allocations per case (the sealed deep copy, then its JSON), a validator that computes the local date once per day rather than per call, and more cores — with 4, pass 1 and the builds would no longer compete with the writes. Ours and direct run one after the other, so a change in the machine's other load between them moves the ratio (other work shares these 2 cores while the benchmark runs).`]),
    '',
    ...(result.lists.length === 0 ? ['The service-list workbook was not measured in this run (IMPORT_LIST_ROWS=0).', ''] : listSection(result)),
    ...(result.postgresSkipped ? [`PostgreSQL was not measured: ${result.postgresSkipped}.`, ''] : []),
  ];
}

/** The service-list workbook's part of the section. */
function listSection(result: ImportResult): string[] {
  return [
    `**Service-list workbook.** ${refusalLine(result.lists)} **Ours**: \`importListWorkbook\` (zip audit, exceljs parse, every cell read back, the changed items and the platform's drafts resolved once, drafts saved in one transaction). **Direct**: exceljs parses the same file, each row's item id picks the draft row our import stored, and prepared statements insert them in one transaction.`,
    '',
    ...listTable(result.lists),
    '',
    `The list import's time is the exceljs parse (which direct pays too) and, above all, resolving the platform's whole definition set with the ${MAX_PARTS} changed items (the loader's validate-then-resolve over the province library, the city's own definitions and the ${MAX_PARTS} items, as saving one draft in the studio does): that check is what makes an imported list publishable, and direct skips it. Closing the gap would mean resolving only what the changed items touch; an import of a list this size took ${seconds(Math.max(...result.lists.map((r) => r.ours.ms)))} s at most here, a one-off admin action, so it was left as is. Saving drafts used to re-resolve the whole platform after every row (${MAX_PARTS} full resolutions for this list); it now saves all drafts in one transaction and checks once.`,
    '',
  ];
}

/** The import targets, for the summary table and chart. */
export function importTargets(result: ImportResult): TargetCheck[] {
  const check = (label: string, share: number): TargetCheck => ({ area: 'Import', label, measured: share * 100, target: IMPORT_SHARE_TARGET * 100, direction: 'atLeast', unit: '%' });
  return [
    ...result.cases.map((r) => check(`${formatCount(r.size)} cases, ${r.target}: ours / direct rows per second`, r.ratio)),
    ...result.lists.map((r) => check(`list workbook of ${formatCount(r.rows)} rows, ${r.target}: ours / direct rows per second`, r.ratio)),
  ];
}
