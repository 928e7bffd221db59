/**
 * Appeals against a review (申诉复核): staff file one on a bad evaluation of a case, admins of
 * the platform or above list and decide them.
 */
import { Type } from '@sinclair/typebox';
import type { AppealStatus } from '../../storage/evaluation-appeals.js';
import { AppealSchema, DecideAppealSchema, FileAppealSchema } from '../http/evaluation-schemas.js';
import { actorOf, defineRoute } from '../http/route.js';
import { appealsFor, fileAppeal } from '../operations/evaluation-appeals.js';
import { decideAppealAs, type AppealDecision } from '../operations/evaluation-appeals-decision.js';

const STATUSES = new Set<string>(['open', 'upheld', 'rejected']);

export const evaluationAppealRoutes = [
  defineRoute({
    method: 'post',
    path: '/api/cases/:caseId/evaluation-appeals',
    summary: 'Appeal one bad evaluation of the case as mistaken or malicious (申诉复核), within the platform appeal limit',
    tag: 'cases',
    access: ['staff', 'platform-admin'],
    body: FileAppealSchema,
    responses: { 201: AppealSchema },
    async handler(context) {
      const { caseId } = context.req.params as { caseId: string };
      const appeal = await fileAppeal(context.services, actorOf(context), caseId, context.req.body as { evaluationAt: string; reason: string });
      context.res.locals.auditDetail = { appealId: appeal.id, caseId: appeal.caseId, level: appeal.level };
      return { status: 201, body: appeal };
    },
  }),
  defineRoute({
    method: 'get',
    path: '/api/evaluation-appeals',
    summary: "Appeals against reviews: the platform's own, and for its admins those of the platforms below it; newest first",
    tag: 'inbox',
    access: ['staff', 'platform-admin', 'auditor'],
    query: Type.Object({
      status: Type.Optional(Type.String({ description: 'open, upheld or rejected' })),
      caseId: Type.Optional(Type.String({ description: 'Only the appeals against evaluations of this case' })),
    }),
    responses: { 200: Type.Object({ appeals: Type.Array(AppealSchema) }) },
    async handler(context) {
      const { status, caseId } = context.req.query as { status?: string; caseId?: string };
      const appeals = await appealsFor(context.services, actorOf(context), {
        ...(status && STATUSES.has(status) ? { status: status as AppealStatus } : {}),
        ...(caseId ? { caseId } : {}),
      });
      return { body: { appeals } };
    },
  }),
  defineRoute({
    method: 'post',
    path: '/api/evaluation-appeals/:appealId/decision',
    summary: 'Decide an appeal (final): upheld sets the review aside and ends its rectification, rejected lets it stand',
    tag: 'inbox',
    access: ['platform-admin'],
    body: DecideAppealSchema,
    responses: { 200: AppealSchema },
    async handler(context) {
      const { appealId } = context.req.params as { appealId: string };
      const body = context.req.body as { decision: AppealDecision; note?: string };
      const appeal = await decideAppealAs(context.services, actorOf(context), appealId, body);
      context.res.locals.auditDetail = { appealId: appeal.id, caseId: appeal.caseId, decision: appeal.status };
      return { body: appeal };
    },
  }),
];
