/** Cases: start one, list, view, act, read the timeline and notices, download files. */
import { Type } from '@sinclair/typebox';
import type { Request } from 'express';
import { actorOf, defineRoute } from '../http/route.js';
import { ActSchema, CaseSummarySchema, CaseViewSchema, EventSchema, NoticeSchema, StartCaseSchema } from '../http/schemas.js';
import { jsonField } from '../http/uploads.js';
import { validateBody } from '../http/validate-body.js';
import { actOnCase, startCase, type ActInput, type StartCaseInput } from '../operations/cases.js';
import { caseNotices, caseTimeline, listCasesFor, readableFile, type CaseListQuery } from '../operations/case-queries.js';
import { viewCase } from '../operations/case-view.js';
import { visibleCase } from '../operations/case-access.js';

/** The body of a JSON or multipart request, validated against the route's schema either way. */
function bodyOf<T>(req: Request, schema: Parameters<typeof validateBody>[0], jsonFields: string[], numberFields: string[] = []): T {
  if (!req.is('multipart/form-data')) return req.body as T;
  const fields = (req.body ?? {}) as Record<string, unknown>;
  const body: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(fields)) {
    if (jsonFields.includes(name)) body[name] = jsonField(req, name);
    else if (numberFields.includes(name)) body[name] = Number(value);
    else body[name] = value;
  }
  for (const name of Object.keys(body)) if (body[name] === undefined) delete body[name];
  validateBody(schema, body);
  return body as T;
}

const multipartFields = { data: 'Form data as JSON', payload: 'Action payload as JSON', verdicts: 'Material verdicts as JSON', version: 'Case version you saw', item: 'Item id', action: 'Action to take at once' };

export const caseRoutes = [
  defineRoute({
    method: 'post',
    path: '/api/cases',
    summary: 'Apply: start a case with form data and material files (multipart), and submit it',
    tag: 'cases',
    access: ['applicant'],
    body: StartCaseSchema,
    multipart: { fields: { item: multipartFields.item, data: multipartFields.data, action: multipartFields.action }, files: 'materials[<key>]' },
    responses: { 201: CaseViewSchema },
    async handler(context) {
      const body = bodyOf<{ item: string; data: Record<string, unknown>; action?: string | null }>(context.req, StartCaseSchema, ['data', 'action']);
      const input: StartCaseInput = {
        itemId: body.item,
        data: body.data,
        ...(context.req.materialFiles ? { files: context.req.materialFiles } : {}),
        ...(body.action !== undefined ? { action: body.action } : {}),
      };
      const actor = actorOf(context);
      const kase = await startCase(context.services, actor, input);
      return { status: 201, body: await viewCase(context.services, actor, kase) };
    },
  }),
  defineRoute({
    method: 'get',
    path: '/api/cases',
    summary: "Cases of the caller's platform (an applicant's own only), keyset-paged",
    tag: 'cases',
    access: 'signedIn',
    query: Type.Object({
      status: Type.Optional(Type.String()),
      step: Type.Optional(Type.String()),
      mine: Type.Optional(Type.String({ description: '"true": only cases assigned to me' })),
      q: Type.Optional(Type.String({ description: 'Part of a case number' })),
      order: Type.Optional(Type.String({ description: 'updated (default) or due' })),
      limit: Type.Optional(Type.String()),
      after: Type.Optional(Type.String({ description: 'The next cursor of the previous page' })),
    }),
    responses: { 200: Type.Object({ cases: Type.Array(CaseSummarySchema), next: Type.Union([Type.String(), Type.Null()]) }) },
    async handler(context) {
      const q = context.req.query as Record<string, string | undefined>;
      const query: CaseListQuery = {
        ...(q.status ? { status: q.status as CaseListQuery['status'] & string } : {}),
        ...(q.step ? { step: q.step } : {}),
        ...(q.mine === 'true' ? { isMine: true } : {}),
        ...(q.q ? { q: q.q } : {}),
        ...(q.order === 'due' || q.order === 'updated' ? { order: q.order } : {}),
        ...(q.limit ? { limit: Number(q.limit) } : {}),
        ...(q.after ? { after: q.after } : {}),
      };
      return { body: await listCasesFor(context.services, actorOf(context), query) };
    },
  }),
  defineRoute({
    method: 'get',
    path: '/api/cases/:caseId',
    summary: 'A case: state, materials judged against the checklist, and the actions you may take',
    tag: 'cases',
    access: 'signedIn',
    responses: { 200: CaseViewSchema },
    async handler(context) {
      const actor = actorOf(context);
      const kase = await visibleCase(context.services, actor, (context.req.params as { caseId: string }).caseId);
      return { body: await viewCase(context.services, actor, kase) };
    },
  }),
  defineRoute({
    method: 'post',
    path: '/api/cases/:caseId/actions/:action',
    summary: 'Take an action (accept, return, supplement, progress, complete, reject, withdraw, evaluate …); JSON or multipart with files',
    tag: 'cases',
    access: 'signedIn',
    body: ActSchema,
    multipart: { fields: { version: multipartFields.version, payload: multipartFields.payload, verdicts: multipartFields.verdicts, data: multipartFields.data }, files: 'materials[<key>]' },
    responses: { 200: CaseViewSchema },
    async handler(context) {
      const { caseId, action } = context.req.params as { caseId: string; action: string };
      const body = bodyOf<Omit<ActInput, 'action' | 'files'>>(context.req, ActSchema, ['payload', 'verdicts', 'data'], ['version']);
      const actor = actorOf(context);
      const kase = await actOnCase(context.services, actor, caseId, {
        ...body,
        action,
        ...(context.req.materialFiles ? { files: context.req.materialFiles } : {}),
      });
      return { body: await viewCase(context.services, actor, kase) };
    },
  }),
  defineRoute({
    method: 'get',
    path: '/api/cases/:caseId/events',
    summary: 'The timeline: every event of the case, in order',
    tag: 'cases',
    access: 'signedIn',
    responses: { 200: Type.Object({ events: Type.Array(EventSchema) }) },
    async handler(context) {
      return { body: { events: await caseTimeline(context.services, actorOf(context), (context.req.params as { caseId: string }).caseId) } };
    },
  }),
  defineRoute({
    method: 'get',
    path: '/api/cases/:caseId/notices',
    summary: 'Notices of the case (receipt, one-time notice, result …) as rendered',
    tag: 'cases',
    access: 'signedIn',
    responses: { 200: Type.Object({ notices: Type.Array(NoticeSchema) }) },
    async handler(context) {
      return { body: { notices: await caseNotices(context.services, actorOf(context), (context.req.params as { caseId: string }).caseId) } };
    },
  }),
  defineRoute({
    method: 'get',
    path: '/api/files/:fileId',
    summary: 'Download a material file of a case you may see',
    tag: 'cases',
    access: 'signedIn',
    responses: { 200: { contentType: 'application/octet-stream', description: 'The file' } },
    async handler(context) {
      const { record, stream } = await readableFile(context.services, actorOf(context), (context.req.params as { fileId: string }).fileId);
      const res = context.res;
      res.setHeader('Content-Type', record.mediaType);
      res.setHeader('Content-Length', String(record.size));
      res.setHeader('X-Content-Type-Options', 'nosniff');
      res.setHeader('Content-Disposition', `attachment; filename*=UTF-8''${encodeURIComponent(record.originalName)}`);
      await new Promise<void>((resolve, reject) => {
        stream.on('error', reject).pipe(res).on('finish', resolve).on('error', reject);
      });
      return { isRaw: true };
    },
  }),
];
