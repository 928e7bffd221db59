/** Definitions: validate, save drafts, publish, list and read — for platform and province admins. */
import { Type } from '@sinclair/typebox';
import { actorOf, defineRoute } from '../http/route.js';
import {
  DefinitionDiffSchema,
  DefinitionSummarySchema,
  ProblemItemSchema,
  PublishBodySchema,
  RollbackBodySchema,
  ValidateBodySchema,
} from '../http/schemas.js';
import { UpgradeBodySchema, UpgradePlanSchema, UpgradeResultSchema } from '../http/upgrade-schemas.js';
import { diffDefinitionVersions, parseVersionRef, rollbackDefinition } from '../operations/definition-history.js';
import {
  getDefinitionVersions,
  listDefinitionsFor,
  publishDefinitions,
  saveDefinitionDraft,
  validateDefinitions,
} from '../operations/manage-definitions.js';
import { upgradeItem, upgradePlanFor } from '../operations/upgrade-item.js';

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
    method: 'get',
    path: '/api/definitions/:kind/:id/diff',
    summary: 'What changed from one visible version of a definition to another (or to the draft)',
    tag: 'definitions',
    access: [...readers],
    query: Type.Object({
      from: Type.String({ description: 'A version number' }),
      to: Type.String({ description: 'A version number, or "draft" for the platform\'s draft' }),
      fromOwner: Type.Optional(Type.String({ description: 'The platform whose version `from` is, when the platform and an ancestor both have it; default the nearest' })),
      toOwner: Type.Optional(Type.String({ description: 'The platform whose version `to` is; default the nearest' })),
    }),
    responses: { 200: DefinitionDiffSchema },
    async handler(context) {
      const { kind, id } = context.req.params as { kind: string; id: string };
      const q = context.req.query as Record<string, unknown>;
      const from = parseVersionRef({ value: q.from, owner: q.fromOwner, name: 'from', mayBeDraft: false });
      const to = parseVersionRef({ value: q.to, owner: q.toOwner, name: 'to', mayBeDraft: true });
      return { body: await diffDefinitionVersions(context.services, actorOf(context), { kind, id, from, to }) };
    },
  }),
  defineRoute({
    method: 'post',
    path: '/api/definitions/:kind/:id/rollback',
    summary: "Make a visible version's body the platform's next draft; returns the problems that would block publishing",
    tag: 'definitions',
    access: [...admins],
    body: RollbackBodySchema,
    responses: { 200: Type.Object({ draft: DefinitionSummarySchema, problems: Type.Array(ProblemItemSchema) }) },
    async handler(context) {
      const { kind, id } = context.req.params as { kind: string; id: string };
      const to = context.req.body as { version: number; owner?: string };
      return { body: await rollbackDefinition(context.services, actorOf(context), { kind, id, to }) };
    },
  }),
  defineRoute({
    method: 'get',
    path: '/api/definitions/ServiceItem/:id/upgrade',
    summary: "Upgrade plan of the platform's localization of an inherited item: upstream changes, local overrides, conflicts, the merged item",
    tag: 'definitions',
    access: [...admins],
    responses: { 200: UpgradePlanSchema },
    async handler(context) {
      const { id } = context.req.params as { id: string };
      return { body: await upgradePlanFor(context.services, actorOf(context), id) };
    },
  }),
  defineRoute({
    method: 'post',
    path: '/api/definitions/ServiceItem/:id/upgrade',
    summary: "Save the upgrade's merged item as the platform's draft (publish it as any draft); a `to` that is not the latest is 409",
    tag: 'definitions',
    access: [...admins],
    body: UpgradeBodySchema,
    responses: { 200: UpgradeResultSchema },
    async handler(context) {
      const { id } = context.req.params as { id: string };
      const { to } = context.req.body as { to: number };
      return { body: await upgradeItem(context.services, actorOf(context), { id, to }) };
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
