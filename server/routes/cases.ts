/**
 * Cases: start one (an applicant, or counter staff for an applicant), list them by inbox view
 * with counts, view, act, reassign, read the timeline and notices, download files.
 */
import { setAttachmentHeaders } from '../http/attachment.js';
import { Type } from '@sinclair/typebox';
import type { Request, Response } from 'express';
import { listUsers } from '../../storage/users.js';
import { AssignBodySchema, CaseCountsSchema, StaffMemberSchema } from '../http/applying-schemas.js';
import { Failure } from '../http/failure.js';
import { recordResponse } from '../http/idempotency.js';
import { actorOf, defineRoute, type RouteContext, type RouteResult } from '../http/route.js';
import { ActSchema, CaseSummarySchema, CaseViewSchema, EventSchema, NoticeSchema, StartCaseSchema } from '../http/schemas.js';
import { jsonField } from '../http/uploads.js';
import { validateBody } from '../http/validate-body.js';
import { actOnCase, reassignCase, startCase, type ActInput, type InTransaction, type StartCaseInput } from '../operations/cases.js';
import { servicesWithin } from '../operations/services-within.js';
import { caseNotices, caseTimeline, readableFile } from '../operations/case-queries.js';
import { viewCase } from '../operations/case-view.js';
import { visibleCase } from '../operations/case-access.js';
import { countCasesFor, INBOX_VIEWS, listCasesFor, type CaseListQuery, type InboxView } from '../operations/inbox.js';

/**
 * Runs a case operation and builds the case view inside its transaction, where it is also
 * recorded under the request's Idempotency-Key: the case and its recorded answer commit together.
 */
async function respondWithin(context: RouteContext, status: number, run: (finish: InTransaction) => Promise<unknown>): Promise<RouteResult> {
  const actor = actorOf(context);
  let result: RouteResult = {};
  await run(async (tx, kase) => {
    const body = await viewCase(servicesWithin(context.services, tx), actor, kase);
    await recordResponse(context.req, tx, { status, body, resourceId: kase.id, now: context.services.now().toISOString() });
    result = { status, body };
  });
  return result;
}

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

function viewOf(value: string): InboxView {
  if ((INBOX_VIEWS as readonly string[]).includes(value)) return value as InboxView;
  throw new Failure('request.view', `Unknown inbox view "${value}"; use one of ${INBOX_VIEWS.join(', ')}.`, [
    { code: 'request.view', path: '/view', message: `Unknown inbox view "${value}".` },
  ]);
}

const multipartFields = {
  data: 'Form data as JSON',
  payload: 'Action payload as JSON',
  verdicts: 'Material verdicts as JSON',
  version: 'Case version you saw',
  item: 'Item id',
  action: 'Action to take at once',
  fileRefs: 'Earlier uploads by material key as JSON',
  applicant: 'Counter mode: the applicant as JSON',
  draftItemId: 'The application draft this submits',
  confirmations: 'Paths of confirmed soft rejects as JSON (["/data/…"])',
};

/**
 * The audit detail of a request that confirmed soft rejects: which paths and rules, never the
 * values (they may be personal data). Only confirmations that became review flags count.
 */
function auditConfirmations(res: Response, confirmations: string[] | undefined, result: RouteResult): void {
  const flags = (result.body as { reviewFlags?: Array<{ path: string; code: string }> } | undefined)?.reviewFlags ?? [];
  const confirmed = flags.filter((flag) => confirmations?.includes(flag.path));
  if (confirmed.length === 0) return;
  const detail = (res.locals.auditDetail ?? {}) as Record<string, unknown>;
  res.locals.auditDetail = { ...detail, confirmations: confirmed.map((flag) => ({ path: flag.path, code: flag.code })) };
}

type StartBody = {
  item: string;
  data: Record<string, unknown>;
  action?: string | null;
  fileRefs?: Record<string, string[]>;
  draftItemId?: string;
  applicant?: StartCaseInput['applicant'];
  confirmations?: string[];
};

const views = INBOX_VIEWS.join('|');

export const caseRoutes = [
  defineRoute({
    method: 'post',
    path: '/api/cases',
    summary: 'Apply: start a case with form data and material files (multipart files or fileRefs), and submit it; staff register one for an applicant (counter mode)',
    tag: 'cases',
    access: ['applicant', 'staff'],
    body: StartCaseSchema,
    multipart: {
      fields: {
        item: multipartFields.item,
        data: multipartFields.data,
        action: multipartFields.action,
        fileRefs: multipartFields.fileRefs,
        applicant: multipartFields.applicant,
        draftItemId: multipartFields.draftItemId,
        confirmations: multipartFields.confirmations,
      },
      files: 'materials[<key>]',
    },
    idempotency: 'required',
    responses: { 201: CaseViewSchema },
    async handler(context) {
      const body = bodyOf<StartBody>(context.req, StartCaseSchema, ['data', 'action', 'fileRefs', 'applicant', 'confirmations']);
      if (body.draftItemId !== undefined && body.draftItemId !== body.item) {
        throw new Failure('request.draft-item', `draftItemId "${body.draftItemId}" is not the item applied for ("${body.item}").`, [
          { code: 'request.draft-item', path: '/draftItemId', message: 'The draft submitted must be the draft of the item applied for.' },
        ]);
      }
      const input: StartCaseInput = {
        itemId: body.item,
        data: body.data,
        ...(context.req.materialFiles ? { files: context.req.materialFiles } : {}),
        ...(body.fileRefs ? { fileRefs: body.fileRefs } : {}),
        ...(body.applicant ? { applicant: body.applicant } : {}),
        ...(body.action !== undefined ? { action: body.action } : {}),
        ...(body.confirmations ? { confirmations: body.confirmations } : {}),
      };
      const result = await respondWithin(context, 201, (finish) => startCase(context.services, actorOf(context), input, finish));
      auditConfirmations(context.res, body.confirmations, result);
      return result;
    },
  }),
  defineRoute({
    method: 'get',
    path: '/api/cases',
    summary: "Cases of the caller's platform (an applicant's own only), keyset-paged",
    tag: 'cases',
    access: 'signedIn',
    query: Type.Object({
      view: Type.Optional(Type.String({ description: `Inbox view: ${views}` })),
      status: Type.Optional(Type.String()),
      step: Type.Optional(Type.String()),
      mine: Type.Optional(Type.String({ description: '"true": only cases assigned to me' })),
      q: Type.Optional(Type.String({ description: "Part of a case number, an applicant's name or an item's title" })),
      order: Type.Optional(Type.String({ description: 'updated (default) or due' })),
      limit: Type.Optional(Type.String()),
      after: Type.Optional(Type.String({ description: 'The next cursor of the previous page' })),
    }),
    responses: { 200: Type.Object({ cases: Type.Array(CaseSummarySchema), next: Type.Union([Type.String(), Type.Null()]) }) },
    async handler(context) {
      const q = context.req.query as Record<string, string | undefined>;
      const query: CaseListQuery = {
        ...(q.view ? { view: viewOf(q.view) } : {}),
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
    path: '/api/cases/counts',
    summary: "How many of the caller's cases each inbox view holds now",
    tag: 'cases',
    access: 'signedIn',
    query: Type.Object({ q: Type.Optional(Type.String({ description: 'Count only cases matching this search' })) }),
    responses: { 200: CaseCountsSchema },
    async handler(context) {
      const { q } = context.req.query as { q?: string };
      return { body: await countCasesFor(context.services, actorOf(context), q ? { q } : {}) };
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
    multipart: {
      fields: {
        version: multipartFields.version,
        payload: multipartFields.payload,
        verdicts: multipartFields.verdicts,
        data: multipartFields.data,
        fileRefs: multipartFields.fileRefs,
        confirmations: multipartFields.confirmations,
      },
      files: 'materials[<key>]',
    },
    idempotency: 'optional',
    responses: { 200: CaseViewSchema },
    async handler(context) {
      const { caseId, action } = context.req.params as { caseId: string; action: string };
      const body = bodyOf<Omit<ActInput, 'action' | 'files'>>(context.req, ActSchema, ['payload', 'verdicts', 'data', 'fileRefs', 'confirmations'], ['version']);
      const input = { ...body, action, ...(context.req.materialFiles ? { files: context.req.materialFiles } : {}) };
      const result = await respondWithin(context, 200, (finish) => actOnCase(context.services, actorOf(context), caseId, input, finish));
      auditConfirmations(context.res, body.confirmations, result);
      return result;
    },
  }),
  defineRoute({
    method: 'post',
    path: '/api/cases/:caseId/assignee',
    summary: 'Reassign (转办): hand an open case to another staff member of the platform, at the version you saw',
    tag: 'cases',
    access: ['staff', 'platform-admin'],
    body: AssignBodySchema,
    responses: { 200: CaseViewSchema },
    async handler(context) {
      const actor = actorOf(context);
      const kase = await reassignCase(context.services, actor, (context.req.params as { caseId: string }).caseId, context.req.body as { userId: string; version: number });
      return { body: await viewCase(context.services, actor, kase) };
    },
  }),
  defineRoute({
    method: 'get',
    path: '/api/staff',
    summary: "The platform's staff, for picking who takes a case over",
    tag: 'cases',
    access: ['staff', 'platform-admin'],
    responses: { 200: Type.Object({ staff: Type.Array(StaffMemberSchema) }) },
    async handler(context) {
      const users = await listUsers(context.services.db.knex, { platformId: actorOf(context).platformId, role: 'staff' });
      return { body: { staff: users.map((u) => ({ id: u.id, username: u.username, displayName: u.displayName, roles: u.roles })) } };
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
      setAttachmentHeaders(res, { fileName: record.originalName, mediaType: record.mediaType, size: record.size });
      await new Promise<void>((resolve, reject) => {
        stream.on('error', reject).pipe(res).on('finish', resolve).on('error', reject);
      });
      return { isRaw: true };
    },
  }),
];
