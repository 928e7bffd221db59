/** Revealing a masked ID number or phone of a case, with a reason that the audit trail records. */
import { Type } from '@sinclair/typebox';
import { actorOf, defineRoute } from '../http/route.js';
import { revealCaseValue, type RevealRequest } from '../operations/reveal.js';

export const personalDataRoutes = [
  defineRoute({
    method: 'post',
    path: '/api/cases/:caseId/reveal',
    summary: 'See one masked ID number or phone of a case in full (staff of its platform), giving the reason; audited',
    tag: 'cases',
    auditAction: 'case.reveal',
    access: ['staff', 'platform-admin'],
    body: Type.Object(
      {
        path: Type.String({ minLength: 1, maxLength: 500, description: 'JSON Pointer of a masked value, from the case view\'s "masked" list (e.g. /data/agentIdNumber)' }),
        reason: Type.String({ maxLength: 500, description: 'Why the full value is needed (at least 2 characters); recorded in the audit trail' }),
      },
      { additionalProperties: false },
    ),
    responses: { 200: Type.Object({ path: Type.String(), value: Type.String({ description: 'The plain value' }) }) },
    async handler(context) {
      const request = context.req.body as RevealRequest;
      // The audit record (written by the router) says what was revealed and why, never the value.
      context.res.locals.auditDetail = { path: request.path, reason: request.reason };
      const revealed = await revealCaseValue(context.services, actorOf(context), (context.req.params as { caseId: string }).caseId, request);
      return { body: revealed };
    },
  }),
];
