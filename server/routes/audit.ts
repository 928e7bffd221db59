/** The audit trail, read by the platform's auditor (and the province admin for the province platform). */
import { AuditPageSchema, AuditQuerySchema } from '../http/audit-schemas.js';
import { actorOf, defineRoute } from '../http/route.js';
import { readAuditTrail, type AuditQuery } from '../operations/audit-trail.js';

export const auditRoutes = [
  defineRoute({
    method: 'get',
    path: '/api/audit-records',
    summary: "The audit trail of the caller's platform, newest first: filter by time, user, action and result; keyset pages",
    tag: 'audit',
    access: ['auditor', 'province-admin'],
    query: AuditQuerySchema,
    responses: { 200: AuditPageSchema },
    async handler(context) {
      return { body: await readAuditTrail(context.services, actorOf(context), context.req.query as AuditQuery) };
    },
  }),
];
