/**
 * Import of a service-list workbook (清单 Excel): a list of `rows` items published on 绵阳,
 * exported by our own export, every row's 服务内容 edited, then imported by
 * `importListWorkbook` (audit of the zip, exceljs parse, every cell read, every item and the
 * platform's drafts checked, drafts saved) vs exceljs parsing the same file plus direct prepared
 * statements writing the same draft rows. A list is capped (engine/load/check-limits.ts
 * MAX_PARTS entries; server/workbook/read-rows.ts MAX_ROWS rows): a larger workbook is first
 * imported to show how it is refused, then the largest allowed list is measured.
 */
import ExcelJS from 'exceljs';
import { performance } from 'node:perf_hooks';
import { MAX_PARTS } from '../../engine/load/check-limits.js';
import type { Actor } from '../../engine/runtime/case.js';
import { Failure } from '../../server/http/failure.js';
import { importDefinitions } from '../../server/operations/import-definitions.js';
import { recordKey, visibleDefinitions } from '../../server/operations/visible-definitions.js';
import type { Services } from '../../server/services.js';
import { exportListWorkbook } from '../../server/workbook/export-list.js';
import { importListWorkbook } from '../../server/workbook/import-list.js';
import type { BenchTarget } from '../bench-targets.js';
import { openBenchServices } from '../transitions/engine-transitions.js';
import { insertDirect } from './direct-writers.js';

const admin: Actor = { id: 'demo-admin', roles: ['platform-admin'], platformId: 'mianyang', name: '绵阳平台管理员' };
const LIST_ID = 'bench-import-list';
const CONTENT_HEADER = '服务内容';
const ID_HEADER = '事项标识';

export interface ListImportResult {
  target: string;
  /** Rows asked for. */
  requestedRows: number;
  /** How a workbook of `requestedRows` was answered when it is past the limits. */
  refusal?: { code: string; message: string; ms: number };
  /** Rows measured: the requested ones, or the largest list allowed. */
  rows: number;
  ours: { ms: number; rowsPerSecond: number; drafts: number };
  direct: { ms: number; rowsPerSecond: number; stored: number };
  ratio: number;
}

/** Publishes `rows` copies of 知识产权政策咨询 on 绵阳, each with its own id and codes, and a list of them. */
async function publishList(services: Services, rows: number): Promise<void> {
  const { records } = await visibleDefinitions(services, 'mianyang');
  const template = records.get(recordKey('ServiceItem', 'ip-policy-consulting'))?.body as unknown as Record<string, unknown> & { code: { basic: string; implementation: string }; title: string };
  const items = Array.from({ length: rows }, (_, i) => {
    const basic = `${template.code.basic.slice(0, 7)}${String(i).padStart(5, '0')}`;
    return { ...template, version: 1, id: `bench-item-${i}`, title: `${template.title}（${i + 1}）`, code: { basic, implementation: `${template.code.implementation.slice(0, 19)}${basic}` } };
  });
  const list = { kind: 'ServiceList', schemaVersion: 1, id: LIST_ID, title: '基准清单', listType: 'public', version: 1, entries: items.map((item) => ({ item: item.id })) };
  const files = [...items, list].map((doc) => ({ file: `bench/${doc.id}.json`, doc }));
  await importDefinitions(services, { platformId: 'mianyang', files, by: 'bench' });
}

/** The exported workbook with every row's 服务内容 changed, and `extraRows` more rows appended. */
async function editedWorkbook(content: Buffer, extraRows = 0): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(content as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0] as ExcelJS.Worksheet;
  const headers = (sheet.getRow(1).values as unknown[]).map((v) => String(v ?? ''));
  const contentColumn = headers.indexOf(CONTENT_HEADER);
  const idColumn = headers.indexOf(ID_HEADER);
  const last = sheet.actualRowCount;
  for (let r = 2; r <= last; r++) {
    const cell = sheet.getRow(r).getCell(contentColumn);
    cell.value = `${String(cell.value ?? '')}（第 ${r} 行修订）`;
  }
  for (let i = 0; i < extraRows; i++) sheet.addRow([]).getCell(idColumn).value = `bench-extra-${i}`;
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** exceljs parse of the file and each data row's item id, as a direct import would read it. */
async function idsInWorkbook(content: Buffer): Promise<string[]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(content as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0] as ExcelJS.Worksheet;
  const headers = (sheet.getRow(1).values as unknown[]).map((v) => String(v ?? ''));
  const idColumn = headers.indexOf(ID_HEADER);
  const ids: string[] = [];
  sheet.eachRow((row, n) => n > 1 && ids.push(row.getCell(idColumn).text));
  return ids;
}

async function refusalOf(services: Services, content: Buffer): Promise<ListImportResult['refusal']> {
  const started = performance.now();
  const error = await importListWorkbook(services, admin, { listId: LIST_ID, content }).then(() => undefined, (e: unknown) => e);
  if (!(error instanceof Failure)) throw new Error('a workbook past the list limits was imported');
  return { code: error.problems[0]?.code ?? error.code, message: error.problems[0]?.message ?? error.message, ms: performance.now() - started };
}

/**
 * Measures the import of a `requestedRows`-row list workbook on `target` (the largest allowed when that is past the limits).
 *
 * @example const r = await benchListImport(sqliteTarget('FULL'), 10_000); r.refusal?.code // 'workbook.too-many-rows'
 */
export async function benchListImport(target: BenchTarget, requestedRows: number, log: (line: string) => void = () => undefined): Promise<ListImportResult> {
  const rows = Math.min(requestedRows, MAX_PARTS);
  const store = await target.open();
  try {
    const services = await openBenchServices(store);
    await publishList(services, rows);
    log(`  list ${target.label}: ${rows} items published`);
    const exported = (await exportListWorkbook(services, admin, LIST_ID)).content;
    const refusal = requestedRows > rows ? await refusalOf(services, await editedWorkbook(exported, requestedRows - rows)) : undefined;
    const content = await editedWorkbook(exported);
    const started = performance.now();
    const imported = await importListWorkbook(services, admin, { listId: LIST_ID, content });
    const oursMs = performance.now() - started;
    log(`  list ${target.label}: imported ${imported.changed.length} drafts`);
    const knex = store.db.knex;
    const drafts = (await knex('definitions').where({ platform_id: 'mianyang', status: 'draft' })) as Array<Record<string, unknown>>;
    await knex('definitions').where({ platform_id: 'mianyang', status: 'draft' }).delete();
    await store.db.close();
    const plain = drafts.map((d) => Object.fromEntries(Object.entries(d).map(([k, v]) => [k, v instanceof Date ? v.toISOString() : v !== null && typeof v === 'object' ? JSON.stringify(v) : v])));
    const byId = new Map(plain.map((d) => [d.def_id as string, d]));
    const directStarted = performance.now();
    const wanted = (await idsInWorkbook(content)).map((id) => byId.get(id)).filter((d) => d !== undefined);
    await insertDirect(store.location, { table: 'definitions', rows: wanted });
    const directMs = performance.now() - directStarted;
    return {
      target: target.label,
      requestedRows,
      ...(refusal ? { refusal } : {}),
      rows,
      ours: { ms: oursMs, rowsPerSecond: (rows * 1000) / oursMs, drafts: imported.changed.length },
      direct: { ms: directMs, rowsPerSecond: (rows * 1000) / directMs, stored: wanted.length },
      ratio: directMs / oursMs,
    };
  } finally {
    await store.dispose();
  }
}
