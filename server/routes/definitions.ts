/** Definitions: validate, save drafts, publish, list and read — for platform and province admins. */
import { Type } from '@sinclair/typebox';
import { actorOf, defineRoute } from '../http/route.js';
import { DefinitionSummarySchema, ProblemItemSchema, PublishBodySchema, ValidateBodySchema } from '../http/schemas.js';
import {
  getDefinitionVersions,
  listDefinitionsFor,
  publishDefinitions,
  saveDefinitionDraft,
  validateDefinitions,
} from '../operations/manage-definitions.js';

const admins = ['platform-admin', 'province-admin'] as const;
const readers = ['platform-admin', 'province-admin', 'staff', 'auditor'] as const;

export const definitionRoutes = [
  defineRoute({
    method: 'post',
    path: '/api/definitions/validate',
    summary: 'Validate definitions together with those the platform has; saves nothing',
    tag: 'definitions',
    access: [...admins],
    body: ValidateBodySchema,
    responses: { 200: Type.Object({ isValid: Type.Boolean(), problems: Type.Array(ProblemItemSchema) }) },
    async handler(context) {
      const { definitions } = context.req.body as { definitions: unknown[] };
      const problems = await validateDefinitions(context.services, actorOf(context), definitions);
      return { body: { isValid: problems.length === 0, problems } };
    },
  }),
  defineRoute({
    method: 'get',
    path: '/api/definitions',
    summary: "The platform's own definitions and the published ones it inherits",
    tag: 'definitions',
    access: [...readers],
    query: Type.Object({ kind: Type.Optional(Type.String()), status: Type.Optional(Type.String()) }),
    responses: { 200: Type.Object({ definitions: Type.Array(DefinitionSummarySchema) }) },
    async handler(context) {
      const { kind, status } = context.req.query as { kind?: string; status?: 'draft' | 'published' | 'retired' };
      const definitions = await listDefinitionsFor(context.services, actorOf(context), { ...(kind ? { kind } : {}), ...(status ? { status } : {}) });
      return { body: { definitions } };
    },
  }),
  defineRoute({
    method: 'get',
    path: '/api/definitions/:kind/:id',
    summary: 'Every visible version of one definition, with its body',
    tag: 'definitions',
    access: [...readers],
    responses: { 200: Type.Object({ versions: Type.Array(Type.Intersect([DefinitionSummarySchema, Type.Object({ body: Type.Unknown() })])) }) },
    async handler(context) {
      const { kind, id } = context.req.params as { kind: string; id: string };
      return { body: { versions: await getDefinitionVersions(context.services, actorOf(context), { kind, id }) } };
    },
  }),
  defineRoute({
    method: 'put',
    path: '/api/definitions/:kind/:id',
    summary: 'Save a draft; returns the problems that would block publishing',
    tag: 'definitions',
    access: [...admins],
    body: Type.Object({ kind: Type.String(), id: Type.String() }, { additionalProperties: true }),
    responses: { 200: Type.Object({ draft: DefinitionSummarySchema, problems: Type.Array(ProblemItemSchema) }) },
    async handler(context) {
      const { kind, id } = context.req.params as { kind: string; id: string };
      const saved = await saveDefinitionDraft(context.services, actorOf(context), { kind, id, doc: context.req.body });
      return { body: saved };
    },
  }),
  defineRoute({
    method: 'post',
    path: '/api/definitions/publish',
    summary: 'Publish drafts as one set, all or nothing (default: every draft of the platform)',
    tag: 'definitions',
    access: [...admins],
    body: PublishBodySchema,
    responses: {
      200: Type.Object({ published: Type.Array(Type.Object({ kind: Type.String(), id: Type.String(), version: Type.Integer(), hash: Type.String() })) }),
    },
    async handler(context) {
      const { definitions } = context.req.body as { definitions?: Array<{ kind: string; id: string }> };
      return { body: { published: await publishDefinitions(context.services, actorOf(context), definitions) } };
    },
  }),
];
