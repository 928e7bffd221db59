/**
 * Applying by reference: upload one material file at a time (checked against the item's
 * checklist), keep application drafts to resume later, and the public progress lookup by case
 * number and verification code (信息公示专区).
 */
import { Type } from '@sinclair/typebox';
import { ApplicationDraftBodySchema, ApplicationDraftSchema, PublicProgressSchema, UploadedFileSchema } from '../http/applying-schemas.js';
import { Failure } from '../http/failure.js';
import { recordResponse } from '../http/idempotency.js';
import { actorOf, defineRoute } from '../http/route.js';
import { discardApplicationDraft, listMyApplicationDrafts, readApplicationDraft, saveApplicationDraft } from '../operations/application-drafts.js';
import { acceptUpload } from '../operations/material-uploads.js';
import { publicProgress } from '../operations/progress.js';

const itemIdOf = (params: unknown): string => (params as { itemId: string }).itemId;

/** A required text field of a multipart form, or a 400 naming it. */
function textField(body: unknown, name: string): string {
  const value = (body as Record<string, unknown> | undefined)?.[name];
  if (typeof value === 'string' && value.trim() !== '') return value.trim();
  throw new Failure('request.field-missing', `Send the field "${name}" with the file.`, [{ code: 'request.field-missing', path: `/${name}`, message: `"${name}" is required.` }]);
}

export const applicationRoutes = [
  defineRoute({
    method: 'post',
    path: '/api/uploads',
    summary: "Upload one material file for an item (checked against that material's types and size); name it later in fileRefs",
    tag: 'applying',
    access: 'signedIn',
    multipart: { fields: { itemId: 'The item applied for', materialKey: 'The material of its checklist (send both before the file)' }, files: 'file' },
    idempotency: 'optional',
    responses: { 201: UploadedFileSchema },
    async handler(context) {
      const file = context.req.uploadedFile;
      if (!file) throw new Failure('request.file-missing', 'Send the file in the multipart field "file".', [{ code: 'request.file-missing', path: '/file', message: 'No file was sent.' }]);
      const upload = { itemId: textField(context.req.body, 'itemId'), materialKey: textField(context.req.body, 'materialKey'), file };
      const now = context.services.now().toISOString();
      const body = await acceptUpload(context.services, actorOf(context), upload, (tx, uploaded) =>
        recordResponse(context.req, tx, { status: 201, body: uploaded, resourceId: uploaded.fileId, now }),
      );
      return { status: 201, body };
    },
  }),
  defineRoute({
    method: 'get',
    path: '/api/application-drafts',
    summary: 'My application drafts on this platform, most recently saved first',
    tag: 'applying',
    access: 'signedIn',
    responses: { 200: Type.Object({ drafts: Type.Array(Type.Intersect([ApplicationDraftSchema, Type.Object({ itemTitle: Type.Union([Type.String(), Type.Null()]) })])) }) },
    async handler(context) {
      return { body: { drafts: await listMyApplicationDrafts(context.services, actorOf(context)) } };
    },
  }),
  defineRoute({
    method: 'get',
    path: '/api/application-drafts/:itemId',
    summary: 'My application draft for an item, to resume it',
    tag: 'applying',
    access: 'signedIn',
    responses: { 200: ApplicationDraftSchema },
    async handler(context) {
      return { body: await readApplicationDraft(context.services, actorOf(context), itemIdOf(context.req.params)) };
    },
  }),
  defineRoute({
    method: 'put',
    path: '/api/application-drafts/:itemId',
    summary: 'Save my application draft for an item (form data and uploads named so far); replaces the previous one',
    tag: 'applying',
    access: 'signedIn',
    body: ApplicationDraftBodySchema,
    responses: { 200: ApplicationDraftSchema },
    async handler(context) {
      const body = context.req.body as { data: Record<string, unknown>; fileRefs?: Record<string, string[]> };
      const input = { itemId: itemIdOf(context.req.params), data: body.data, fileRefs: body.fileRefs ?? {} };
      return { body: await saveApplicationDraft(context.services, actorOf(context), input) };
    },
  }),
  defineRoute({
    method: 'delete',
    path: '/api/application-drafts/:itemId',
    summary: 'Discard my application draft for an item',
    tag: 'applying',
    access: 'signedIn',
    responses: { 204: Type.Null() },
    async handler(context) {
      await discardApplicationDraft(context.services, actorOf(context), itemIdOf(context.req.params));
      return { status: 204 };
    },
  }),
  defineRoute({
    method: 'get',
    path: '/api/progress',
    summary: 'Public progress lookup (信息公示专区) by case number and verification code: progress only, no personal data',
    tag: 'applying',
    access: 'public',
    query: Type.Object({ number: Type.String({ description: 'The case number' }), code: Type.String({ description: 'Its verification code (查询码)' }) }),
    responses: { 200: PublicProgressSchema },
    async handler(context) {
      const { number, code } = context.req.query as { number?: unknown; code?: unknown };
      if (typeof number !== 'string' || typeof code !== 'string' || number === '' || code === '') {
        throw new Failure('request.query', 'Give both the case number and the verification code: ?number=…&code=…', [
          { code: 'request.query', path: typeof number === 'string' && number !== '' ? '/code' : '/number', message: 'Required.' },
        ]);
      }
      return { body: await publicProgress(context.services, { number, code }) };
    },
  }),
];
