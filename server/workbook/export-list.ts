/**
 * Export: a service list as the studio shows it, written as an Excel workbook with the seed's
 * columns, ready to be edited and imported back.
 */
import type { Actor } from '../../engine/runtime/case.js';
import { textOf } from '../../engine/text.js';
import { sanitizeFileName } from '../http/uploads.js';
import type { Services } from '../services.js';
import { sheetLayout, sheetNames } from './columns.js';
import { listRows } from './list-rows.js';
import { aboutKeys, writeListWorkbook } from './workbook.js';

export interface ExportedWorkbook {
  /** A file name for the download: the list's title, e.g. 四川省……增值服务清单.xlsx. */
  fileName: string;
  content: Buffer;
}

/**
 * The list `listId` as an .xlsx file: the platform's draft of the list and of each item when it
 * has one, else the version it sees published.
 *
 * @example const { fileName, content } = await exportListWorkbook(services, actor, 'province-value-added-list');
 */
export async function exportListWorkbook(services: Services, actor: Actor, listId: string): Promise<ExportedWorkbook> {
  const { list, listFingerprint, rows } = await listRows(services, actor, listId);
  const title = textOf(list.title);
  const now = services.now();
  const content = await writeListWorkbook({
    title,
    sheetName: sheetNames[list.listType],
    layout: sheetLayout(list.listType),
    rows,
    about: [
      [aboutKeys.listId, list.id],
      ['清单名称', title],
      [aboutKeys.listVersion, listFingerprint],
      ['导出时间', now.toISOString()],
    ],
    createdAt: now,
  });
  return { fileName: sanitizeFileName(`${title}.xlsx`), content };
}
