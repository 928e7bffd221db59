/**
 * Writes one table as an .xlsx file onto a stream as its rows are read (exceljs'
 * streaming WorkbookWriter, inline strings): each row is committed to the zip as soon as it is
 * written, and reading waits while the zip or the output is behind (zip-backlog.ts), so a
 * 100,000-row export holds about a page of rows in memory, not the file. The data sheet has a bold, frozen, filterable header; a
 * 导出说明 sheet after it records who exported what filter, how many rows, and whether the
 * row limit cut the export short (known only at the end, hence the second sheet).
 */
import type { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import { aboutWords, type Bilingual, type ExportLang } from './export-labels.js';
import { zipCaughtUp } from './zip-backlog.js';

/** A cell: text, a number, an instant (ISO, shown in China time) or nothing. */
export type ExportCell = string | number | { instant: string } | null;

/** One column of an export: its header in both languages, width and how a row fills it. */
export interface ExportColumn<R> {
  header: Bilingual;
  /** Width in characters. */
  width: number;
  cell(row: R, lang: ExportLang): ExportCell;
}

export interface ExportSheet<R> {
  sheetName: Bilingual;
  columns: Array<ExportColumn<R>>;
  /** The rows, a page at a time. */
  pages: AsyncIterable<R[]>;
  /** At most this many rows are written; the 导出说明 sheet says when more matched. */
  limit: number;
  lang: ExportLang;
  /** Facts for 导出说明 before the row count, e.g. the platform and the filter. */
  about: Array<[Bilingual, string]>;
  createdAt: Date;
  /** Called after each page with the rows written so far (the CLI prints it; tests count pages). */
  onProgress?: (progress: { rows: number }) => void;
  /** True once the reader went away: writing stops at the next page. */
  isAborted?: () => boolean;
}

export interface ExportOutcome {
  rows: number;
  isTruncated: boolean;
  isAborted: boolean;
}

const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } };
const DATE_FORMAT = 'yyyy-mm-dd hh:mm';
/** China has one offset and no daylight saving; Excel cells have no zone, so they hold the wall-clock time there. */
const CHINA_OFFSET_MS = 8 * 3600_000;

function cellValue(value: ExportCell): ExcelJS.CellValue {
  if (value === null || typeof value !== 'object') return value;
  return new Date(Date.parse(value.instant) + CHINA_OFFSET_MS);
}

function addDataSheet<R>(workbook: ExcelJS.stream.xlsx.WorkbookWriter, input: ExportSheet<R>): ExcelJS.Worksheet {
  const sheet = workbook.addWorksheet(input.sheetName[input.lang], { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = input.columns.map((column) => ({ width: column.width }));
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: input.columns.length } };
  const header = sheet.addRow(input.columns.map((column) => column.header[input.lang]));
  header.font = { bold: true };
  header.fill = HEADER_FILL;
  header.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
  header.commit();
  return sheet;
}

/** Writes the rows; stops at the limit (reporting whether a further row existed) or when the reader left. */
async function writeRows<R>(output: Writable, sheet: ExcelJS.Worksheet, input: ExportSheet<R>): Promise<ExportOutcome> {
  let rows = 0;
  for await (const page of input.pages) {
    if (input.isAborted?.()) return { rows, isTruncated: false, isAborted: true };
    for (const row of page) {
      if (rows === input.limit) return { rows, isTruncated: true, isAborted: false };
      const values = input.columns.map((column) => column.cell(row, input.lang));
      const added = sheet.addRow(values.map(cellValue));
      values.forEach((value, i) => {
        if (value !== null && typeof value === 'object') added.getCell(i + 1).numFmt = DATE_FORMAT;
      });
      added.commit();
      rows += 1;
    }
    input.onProgress?.({ rows });
    // Back-pressure: read no further page while the zip or the reader is behind.
    await zipCaughtUp(sheet, output);
  }
  return { rows, isTruncated: false, isAborted: false };
}

function addAboutSheet<R>(workbook: ExcelJS.stream.xlsx.WorkbookWriter, input: ExportSheet<R>, outcome: ExportOutcome): void {
  const { lang } = input;
  const about = workbook.addWorksheet(aboutWords.sheet[lang]);
  about.columns = [{ width: 16, style: { font: { bold: true } } }, { width: 90, style: { alignment: { wrapText: true, vertical: 'top' } } }];
  const limit = input.limit.toLocaleString('en-US');
  const facts: Array<[Bilingual, string]> = [...input.about, [aboutWords.rows, String(outcome.rows)], [aboutWords.limit, limit]];
  const sentences = [(outcome.isTruncated ? aboutWords.truncated : aboutWords.complete)[lang].replace('{limit}', limit), aboutWords.masking[lang]];
  for (const [label, value] of facts) about.addRow([label[lang], value]).commit();
  for (const sentence of sentences) about.addRow(['', sentence]).commit();
  about.commit();
}

/**
 * Streams the export onto `output` (an HTTP response, a file) and ends it, unless the reader left first.
 *
 * @example const outcome = await writeExportSheet(res, { sheetName, columns, pages, limit: 100_000, lang: 'zh', about: [], createdAt: now });
 */
export async function writeExportSheet<R>(output: Writable, input: ExportSheet<R>): Promise<ExportOutcome> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: output, useStyles: true, useSharedStrings: false });
  workbook.creator = 'ipsp';
  workbook.created = input.createdAt;
  workbook.modified = input.createdAt;
  const sheet = addDataSheet(workbook, input);
  const outcome = await writeRows(output, sheet, input);
  // The reader left: there is nobody to finish the file for (the caller ends the answer).
  if (outcome.isAborted) return outcome;
  sheet.commit();
  addAboutSheet(workbook, input, outcome);
  await workbook.commit();
  return outcome;
}
