/**
 * Turns a sheet's rows back into a list's entries and its items' new bodies. A row finds its
 * item by the 事项标识 cell; a cell that still reads as exported, or is blank, leaves its field
 * as it is, so only edited cells are parsed. Every problem of every row is collected, each
 * naming its row and column (`/rows/3/服务形式`, Excel's row number). Pure.
 */
import { isDeepStrictEqual } from 'node:util';
import type { ServiceItem } from '../../engine/kinds/service-item.js';
import { pointer, type Problem } from '../../engine/problem.js';
import { didYouMean } from '../../engine/suggest.js';
import { cellText } from './cell-formats.js';
import type { Column, ListEntry, RowView, SheetLayout } from './columns.js';

/** A sheet as read: its name, header texts, and each non-header row's cell texts in header order. */
export interface SheetRows {
  name: string;
  headers: string[];
  rows: Array<{ number: number; cells: string[] }>;
}

/** What the studio shows now, as the export wrote it. */
export interface CurrentRows {
  entries: ListEntry[];
  /** Every item the platform can see, by id, with the facts its row shows. */
  items: Map<string, Omit<RowView, 'seq' | 'entry'>>;
}

export interface ReadRows {
  entries: ListEntry[];
  /** The Excel row of each entry. */
  entryRows: number[];
  /** Items whose cells changed them: the new body and the Excel row it came from. */
  changed: Array<{ item: ServiceItem; row: number }>;
  problems: Problem[];
}

/** Data rows of a list are few; a sheet past this is not a list. */
export const MAX_ROWS = 2000;

interface RowContext {
  sheet: SheetRows;
  number: number;
  cells: string[];
  at: Map<Column, number>;
  problems: Problem[];
}

const cellOf = (context: RowContext, column: Column): string | undefined => {
  const index = context.at.get(column);
  return index === undefined ? undefined : cellText(context.cells[index] ?? '');
};

/** A problem at one cell (or, without `header`, one row) of the sheet. */
export function rowProblem(input: { sheet: string; row: number; header?: string; code: string; message: string; suggestion?: string }): Problem {
  const where = input.header === undefined ? `Row ${input.row}` : `Row ${input.row}, ${input.header}`;
  return {
    code: input.code,
    path: input.header === undefined ? pointer('rows', input.row) : pointer('rows', input.row, input.header),
    file: input.sheet,
    message: `${where}: ${input.message}`,
    ...(input.suggestion ? { suggestion: input.suggestion } : {}),
  };
}

function problemAt(context: { sheet: SheetRows; problems: Problem[] }, row: number, header: string, code: string, message: string, suggestion?: string): void {
  context.problems.push(rowProblem({ sheet: context.sheet.name, row, header, code, message, ...(suggestion ? { suggestion } : {}) }));
}

/** The item with every edited cell of the row applied. */
function applyCells(context: RowContext, current: RowView, columns: Column[]): ServiceItem {
  let item = current.item as ServiceItem;
  for (const column of columns) {
    if (column.role !== 'item') continue;
    const text = cellOf(context, column);
    if (text === undefined || text === '' || text === cellText(column.show(current))) continue;
    if (!column.read) {
      problemAt(context, context.number, column.header, 'workbook.cell-read-only', `this column is read-only here (${column.hint ?? 'it is drawn from other definitions'}); clear the cell or restore its text.`);
      continue;
    }
    const parsed = column.read(text, item);
    if ('value' in parsed) item = parsed.value;
    else problemAt(context, context.number, column.header, 'workbook.cell-invalid', parsed.error, parsed.suggestion);
  }
  return item;
}

/** Where each of the layout's columns is in the sheet; a column the sheet lacks is left alone. */
function locate(sheet: SheetRows, layout: SheetLayout): Map<Column, number> {
  const at = new Map<Column, number>();
  const headers = sheet.headers.map(cellText);
  for (const column of layout.columns) {
    const index = headers.indexOf(column.header);
    if (index >= 0) at.set(column, index);
  }
  return at;
}

export function readRows(input: { sheet: SheetRows; layout: SheetLayout; current: CurrentRows }): ReadRows {
  const { sheet, layout, current } = input;
  const problems: Problem[] = [];
  const at = locate(sheet, layout);
  const idColumn = layout.columns.find((c) => c.role === 'id') as Column;
  if (!at.has(idColumn)) {
    const message = `Sheet "${sheet.name}" has no ${idColumn.header} column; export the list again and edit that workbook.`;
    return { entries: [], entryRows: [], changed: [], problems: [{ code: 'workbook.column-missing', path: pointer('columns', idColumn.header), file: sheet.name, message }] };
  }
  if (sheet.rows.length > MAX_ROWS) {
    const message = `Sheet "${sheet.name}" has ${sheet.rows.length} rows; a list holds at most ${MAX_ROWS}.`;
    return { entries: [], entryRows: [], changed: [], problems: [{ code: 'workbook.too-many-rows', path: '/rows', file: sheet.name, message }] };
  }
  const noteColumn = layout.columns.find((c) => c.role === 'note') as Column;
  const fingerprintColumn = layout.columns.find((c) => c.role === 'fingerprint') as Column;
  const notes = new Map(current.entries.map((e) => [e.item, e.note]));
  const entries: ListEntry[] = [];
  const entryRows: number[] = [];
  const changed: ReadRows['changed'] = [];
  const seen = new Set<string>();
  for (const { number, cells } of sheet.rows) {
    if (cells.every((c) => cellText(c) === '')) continue;
    const context: RowContext = { sheet, number, cells, at, problems };
    const id = cellOf(context, idColumn) ?? '';
    const found = current.items.get(id);
    if (id === '') {
      problemAt(context, number, idColumn.header, 'workbook.row-without-id', 'the row names no item; fill in the id of an item the platform has (new items are created in the studio).');
      continue;
    }
    if (seen.has(id)) {
      problemAt(context, number, idColumn.header, 'workbook.row-duplicate', `item "${id}" is already listed in an earlier row; a list names each item once.`);
      continue;
    }
    seen.add(id);
    if (!found?.item) {
      const hint = didYouMean(id, current.items.keys());
      problemAt(context, number, idColumn.header, 'workbook.item-unknown', `there is no service item "${id}" on this platform.${hint.text}`, hint.suggestion);
      continue;
    }
    const view: RowView = { ...found, seq: entries.length + 1, entry: { item: id } };
    const item = applyCells(context, view, layout.columns);
    const isChanged = !isDeepStrictEqual(item, found.item);
    const exported = cellOf(context, fingerprintColumn);
    if (isChanged && exported && exported !== found.fingerprint) {
      problemAt(context, number, idColumn.header, 'workbook.item-changed-since-export', `item "${id}" was changed by someone else after this workbook was exported; export the list again and redo this row's edits.`);
    }
    if (isChanged) changed.push({ item, row: number });
    const note = at.has(noteColumn) ? cellOf(context, noteColumn) : notes.get(id);
    entries.push(note ? { item: id, note } : { item: id });
    entryRows.push(number);
  }
  return { entries, entryRows, changed, problems };
}
