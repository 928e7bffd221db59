/**
 * Excel exports of cases and evaluations, personal data masked. Each is a named action of the
 * audit trail (who exported which filter, how many rows), GET though it is: it takes personal
 * data out of the system. The file streams as it is read; the query is checked first, so a
 * wrong one is a problem answer, not a broken download.
 */
import { Type } from '@sinclair/typebox';
import type { Response } from 'express';
import { setAttachmentHeaders } from '../http/attachment.js';
import { actorOf, defineRoute, type RouteContext } from '../http/route.js';
import { prepareCaseExport, type PreparedExport } from '../operations/exports/case-export.js';
import { prepareEvaluationExport } from '../operations/exports/evaluation-export.js';
import { EXPORT_ROW_LIMIT, type ExportQueryText } from '../operations/exports/export-query.js';

const readers = ['staff', 'platform-admin', 'province-admin', 'auditor'] as const;
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const xlsxAnswer = { contentType: XLSX, description: 'The workbook, streamed (no Content-Length); its 导出说明 sheet gives the filter, the row count and whether the row limit cut it short.' };

const text = (description: string) => Type.Optional(Type.String({ description }));
const common = {
  item: text('Only cases of this service item (id)'),
  from: text('From this date (YYYY-MM-DD, China), included'),
  to: text('To this date (YYYY-MM-DD, China), included'),
  lang: text('zh (default) or en: the headers and labels'),
  limit: text(`At most this many rows (1 to ${EXPORT_ROW_LIMIT}, the default)`),
};

/** Streams a prepared export as the answer, recording its filter and row count for the audit trail. */
async function stream(context: RouteContext, prepared: PreparedExport): Promise<{ isRaw: true }> {
  const res: Response = context.res;
  const detail: Record<string, unknown> = { filter: prepared.filter, rows: 0, isTruncated: false };
  res.locals.auditDetail = detail;
  let isClosed = false;
  res.once('close', () => {
    isClosed = !res.writableFinished;
  });
  setAttachmentHeaders(res, { fileName: prepared.fileName, mediaType: XLSX });
  try {
    const outcome = await prepared.write(res, { onProgress: ({ rows }) => (detail['rows'] = rows), isAborted: () => isClosed });
    Object.assign(detail, { rows: outcome.rows, isTruncated: outcome.isTruncated, isAborted: outcome.isAborted });
    // An abandoned download is still recorded: ending the answer writes its audit record.
    if (outcome.isAborted) res.end();
  } catch (error) {
    if (!res.headersSent) throw error;
    // Half a file went out: record the failure, then break the connection so the download fails visibly.
    console.error('[export] failed while streaming', error);
    detail['error'] = String((error as Error)?.message ?? error);
    res.end();
    res.destroy();
  }
  return { isRaw: true };
}

export const exportRoutes = [
  defineRoute({
    method: 'get',
    path: '/api/exports/cases.xlsx',
    summary:
      "The caller's cases as an Excel workbook, filtered like the inbox (view, status, step, mine, q) and by item and application date; ID numbers and phones masked; audited",
    tag: 'exports',
    auditAction: 'export.cases',
    access: [...readers],
    query: Type.Object({
      view: text('Inbox view: toAccept, inProgress, dueSoon, overdue, returned, mine, all'),
      status: text('open, completed, rejected or withdrawn'),
      step: text('Only cases at this workflow step'),
      mine: text('"true": only cases assigned to me'),
      q: text("Part of a case number, an applicant's name or an item's title"),
      ...common,
    }),
    responses: { 200: xlsxAnswer },
    async handler(context) {
      return stream(context, await prepareCaseExport(context.services, actorOf(context), context.req.query as ExportQueryText));
    },
  }),
  defineRoute({
    method: 'get',
    path: '/api/exports/evaluations.xlsx',
    summary: "The evaluations (好差评) on the caller's platform's cases as an Excel workbook, by item, date and level, with replies and rectification; audited",
    tag: 'exports',
    auditAction: 'export.evaluations',
    access: [...readers],
    query: Type.Object({ level: text('1 (非常不满意) to 5 (非常满意)'), ...common }),
    responses: { 200: xlsxAnswer },
    async handler(context) {
      return stream(context, await prepareEvaluationExport(context.services, actorOf(context), context.req.query as ExportQueryText));
    },
  }),
];
