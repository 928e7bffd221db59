/** Service lists as Excel workbooks: export with the seed's columns, edit, import back as drafts. */
import { Type } from '@sinclair/typebox';
import { setAttachmentHeaders } from '../http/attachment.js';
import { actorOf, defineRoute } from '../http/route.js';
import { ProblemItemSchema } from '../http/schemas.js';
import { exportListWorkbook } from '../workbook/export-list.js';
import { importListWorkbook } from '../workbook/import-list.js';

const admins = ['platform-admin', 'province-admin'] as const;
const readers = ['platform-admin', 'province-admin', 'staff', 'auditor'] as const;

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
/** A list of a few hundred rows is tens of kilobytes; this leaves room for pictures pasted in by hand. */
const MAX_WORKBOOK_MB = 5;

export const workbookRoutes = [
  defineRoute({
    method: 'get',
    path: '/api/lists/:listId/workbook',
    summary:
      "A service list as an Excel workbook (.xlsx) with its appendix's columns, as the studio shows it: the platform's draft of the list and of each item when it has one, else the version it sees published",
    tag: 'workbooks',
    access: [...readers],
    responses: { 200: { contentType: XLSX, description: 'The workbook; Content-Disposition names it after the list (UTF-8).' } },
    async handler(context) {
      const { listId } = context.req.params as { listId: string };
      const { fileName, content } = await exportListWorkbook(context.services, actorOf(context), listId);
      setAttachmentHeaders(context.res, { fileName, mediaType: XLSX, size: content.length });
      context.res.end(content);
      return { isRaw: true };
    },
  }),
  defineRoute({
    method: 'post',
    path: '/api/lists/:listId/workbook',
    summary:
      'Import an edited list workbook: saves a draft of each item whose cells changed and of the list when rows were added, removed or moved; any problem saves nothing',
    tag: 'workbooks',
    access: [...admins],
    multipart: {
      fields: {},
      files: 'workbook',
      inMemory: { maxMB: MAX_WORKBOOK_MB, description: `The .xlsx file, at most ${MAX_WORKBOOK_MB} MB, as exported by GET and then edited.` },
    },
    responses: {
      200: Type.Object({
        changed: Type.Array(Type.Object({ kind: Type.String(), id: Type.String() })),
        problems: Type.Array(ProblemItemSchema, { description: "What would block publishing the platform's drafts now (as PUT /api/definitions reports)." }),
      }),
    },
    async handler(context) {
      const { listId } = context.req.params as { listId: string };
      return { body: await importListWorkbook(context.services, actorOf(context), { listId, content: context.req.file?.buffer }) };
    },
  }),
];
