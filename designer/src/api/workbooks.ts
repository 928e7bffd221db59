/**
 * Service lists as Excel workbooks (server/routes/workbooks.ts): download with the seed's
 * columns, upload an edited copy back. An import that finds problems saves nothing and answers
 * them as an ApiError whose problems point at a row and column (`/rows/7/服务内容`).
 */
import { api, path, type Problem } from './client';
import type { Kind } from './definitions';

export interface WorkbookImport {
  /** The definitions saved as drafts. */
  changed: Array<{ kind: Kind; id: string }>;
  /** What would still block publishing the platform's drafts. */
  problems: Problem[];
}

/** Where a problem of an uploaded workbook is: Excel's row number and the column header. */
export interface CellRef {
  row?: number;
  column?: string;
}

export const workbooksApi = {
  /** The download address; an anchor with `download` fetches it with the session cookie. */
  url: (listId: string) => path`/api/lists/${listId}/workbook`,
  upload(listId: string, file: File): Promise<WorkbookImport> {
    const form = new FormData();
    form.append('workbook', file);
    return api.post<WorkbookImport>(path`/api/lists/${listId}/workbook`, form);
  },
};

/** "/rows/7/服务内容" → { row: 7, column: '服务内容' }; other pointers name no cell. */
export function cellOf(pointer: string): CellRef {
  const [first, row, column] = pointer
    .split('/')
    .slice(1)
    .map((token) => token.replace(/~1/g, '/').replace(/~0/g, '~'));
  if (first === 'columns') return { column: row };
  if (first !== 'rows' || row === undefined || !/^\d+$/.test(row)) return {};
  return column === undefined ? { row: Number(row) } : { row: Number(row), column };
}
