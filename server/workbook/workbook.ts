/**
 * Excel files of service lists, written and read with exceljs. Writing lays out the sheet the
 * columns describe (Chinese header row, frozen, filterable; wrapped cells; supplementary and id
 * columns shaded and explained in header notes; a 服务形式 drop-down) plus a 填写说明 sheet that
 * records which list and version the file came from. Reading gives back plain cell texts; what
 * they mean is columns.ts's business.
 */
import ExcelJS from 'exceljs';
import { cellText, channel } from './cell-formats.js';
import type { RowView, SheetLayout } from './columns.js';
import type { SheetRows } from './read-rows.js';

/** The 填写说明 sheet: key/value facts about the export, then how to edit. */
export const ABOUT_SHEET = '填写说明';
export const aboutKeys = { listId: '清单标识', listVersion: '清单导出版本' } as const;

const SUPPLEMENT_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE7E6E6' } };
const APPENDIX_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } };
const WRAP: Partial<ExcelJS.Alignment> = { wrapText: true, vertical: 'top' };
const CHANNEL_CHOICES = ['online', 'offline', 'both'] as const;
/** Blank rows below the data that still offer the 服务形式 drop-down, for rows added by hand. */
const SPARE_ROWS = 50;

const instructions = [
  '每行一个事项，行的顺序即清单顺序（序号导入时按行重排）；可移动、删除行，或新增一行并在“事项标识”填写平台可见的已有事项标识。',
  '浅蓝表头为标准附录所列的列；灰色表头为补充列，便于编辑事项要素。',
  '修改单元格即修改事项：导入后为每个改动的事项保存草稿，清单的增删和顺序变化保存为清单草稿，发布前可在设计器中查看。',
  '留空的单元格表示不修改该项；“备注”留空表示去掉备注。“材料要求”由材料清单生成，不能在此修改。',
  '有任何一处错误时不保存任何内容，错误会指明行号和列名。',
  '导入后若要继续修改，请重新导出，以免覆盖他人的修改。',
];

export interface ListSheet {
  title: string;
  sheetName: string;
  layout: SheetLayout;
  rows: RowView[];
  /** Key/value facts written to 填写说明, e.g. [['清单标识', 'province-public-list']]. */
  about: Array<[string, string]>;
  createdAt: Date;
}

function writeHeader(sheet: ExcelJS.Worksheet, layout: SheetLayout): void {
  const header = sheet.getRow(1);
  layout.columns.forEach((column, i) => {
    const cell = header.getCell(i + 1);
    const isSupplement = i >= layout.appendixCount && column.role !== 'fingerprint';
    cell.value = column.header;
    cell.font = { bold: true };
    cell.alignment = { ...WRAP, vertical: 'middle', horizontal: 'center' };
    cell.fill = isSupplement ? SUPPLEMENT_FILL : APPENDIX_FILL;
    const notes = [isSupplement && column.role === 'item' ? '补充列：标准附录未列出，便于编辑。' : '', column.hint ?? ''].filter(Boolean);
    if (notes.length > 0) cell.note = notes.join('\n');
  });
  header.commit();
}

function writeAbout(workbook: ExcelJS.Workbook, input: ListSheet): void {
  const about = workbook.addWorksheet(ABOUT_SHEET);
  about.columns = [{ width: 16 }, { width: 90 }];
  for (const [key, value] of input.about) about.addRow([key, value]);
  about.addRow([]);
  instructions.forEach((text, i) => about.addRow([i === 0 ? '填写说明' : '', text]));
  about.getColumn(1).font = { bold: true };
  about.getColumn(2).alignment = WRAP;
}

/** The list as an .xlsx file. */
export async function writeListWorkbook(input: ListSheet): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'ipsp';
  workbook.title = input.title;
  workbook.created = input.createdAt;
  workbook.modified = input.createdAt;
  const sheet = workbook.addWorksheet(input.sheetName, { views: [{ state: 'frozen', ySplit: 1 }] });
  const { columns } = input.layout;
  sheet.columns = columns.map((column) => ({ key: column.header, width: column.width, hidden: column.role === 'fingerprint' }));
  writeHeader(sheet, input.layout);
  for (const row of input.rows) {
    const added = sheet.addRow(columns.map((column) => column.show(row)));
    added.alignment = WRAP;
  }
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
  const channelIndex = columns.findIndex((c) => c.field === 'channel');
  if (channelIndex >= 0) {
    const choices = `"${CHANNEL_CHOICES.map((c) => channel.format(c)).join(',')}"`;
    for (let r = 2; r <= input.rows.length + 1 + SPARE_ROWS; r++) {
      // A warning, not a stop: short forms such as 网上办 are accepted on import.
      sheet.getRow(r).getCell(channelIndex + 1).dataValidation = { type: 'list', allowBlank: true, formulae: [choices], showErrorMessage: true, errorStyle: 'warning' };
    }
  }
  writeAbout(workbook, input);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** A cell's text whatever Excel or WPS stored: rich text, formulas, hyperlinks, numbers. */
function textOfCell(cell: ExcelJS.Cell): string {
  const value = cell.value;
  if (value === null || value === undefined) return '';
  if (typeof value === 'object' && 'richText' in value) return value.richText.map((part) => part.text).join('');
  return cell.text ?? '';
}

function rowTexts(row: ExcelJS.Row, width: number): string[] {
  return Array.from({ length: width }, (_, i) => textOfCell(row.getCell(i + 1)));
}

export interface ReadWorkbook {
  /** The first sheet whose header row has `idHeader`, else the first sheet. */
  sheet: SheetRows | undefined;
  /** The key/value facts of 填写说明, when the file still has it. */
  about: Map<string, string>;
}

/** Reads an .xlsx file; throws when it is not one (the caller maps that to a problem). */
export async function readListWorkbook(buffer: Buffer, idHeader: string): Promise<ReadWorkbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  const data = workbook.worksheets.filter((s) => s.name !== ABOUT_SHEET);
  const chosen = data.find((s) => rowTexts(s.getRow(1), s.columnCount).map(cellText).includes(idHeader)) ?? data[0];
  const about = new Map<string, string>();
  workbook.getWorksheet(ABOUT_SHEET)?.eachRow((row) => {
    const [key, value] = rowTexts(row, 2).map(cellText);
    if (key) about.set(key, value ?? '');
  });
  if (!chosen) return { sheet: undefined, about };
  const width = chosen.columnCount;
  const rows: SheetRows['rows'] = [];
  chosen.eachRow({ includeEmpty: false }, (row, number) => {
    if (number > 1) rows.push({ number, cells: rowTexts(row, width) });
  });
  return { sheet: { name: chosen.name, headers: rowTexts(chosen.getRow(1), width), rows }, about };
}
