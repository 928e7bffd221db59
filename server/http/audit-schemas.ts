/** Request and response shapes of the audit trail (GET /api/audit-records). */
import { Type } from '@sinclair/typebox';

const Nullable = <T extends ReturnType<typeof Type.String>>(schema: T) => Type.Union([schema, Type.Null()]);

export const AuditQuerySchema = Type.Object({
  from: Type.Optional(Type.String({ description: 'Records at or after this instant (ISO 8601 with offset)' })),
  to: Type.Optional(Type.String({ description: 'Records before this instant (ISO 8601 with offset)' })),
  userId: Type.Optional(Type.String({ description: 'Only the records of this user id' })),
  action: Type.Optional(Type.String({ description: 'Only this action: a route key such as "POST /api/cases/:caseId/actions/:action", or session.sign-in, session.sign-out' })),
  result: Type.Optional(Type.String({ description: 'success or failure' })),
  before: Type.Optional(Type.String({ description: 'The `next` of the previous page: records older than this sequence number' })),
  limit: Type.Optional(Type.String({ description: 'Records per page, 1 to 200 (default 50)' })),
});

export const AuditRecordSchema = Type.Object({
  seq: Type.Integer({ description: 'Place in the deployment-wide hash chain' }),
  at: Type.String({ description: 'UTC instant, ISO 8601 with offset' }),
  platformId: Nullable(Type.String()),
  userId: Nullable(Type.String({ description: 'Who acted; for a sign-in, the account the username named' })),
  roles: Type.Array(Type.String()),
  action: Type.String({ description: 'Route key ("METHOD /path") or named action (session.sign-in, session.sign-out)' }),
  objectId: Type.Record(Type.String(), Type.String(), { description: "The route's parameters: what the request aimed at" }),
  result: Type.Union([Type.Literal('success'), Type.Literal('failure')]),
  status: Type.Integer({ description: 'The HTTP status answered' }),
  sourceIp: Nullable(Type.String()),
  requestId: Type.String({ description: 'The X-Request-Id of the request' }),
  detail: Type.Record(Type.String(), Type.Unknown(), { description: 'Facts the handler added (no bodies, ID numbers, phones, passwords or tokens)' }),
  prevHash: Type.String(),
  hash: Type.String({ description: 'SHA-256 over prevHash and the canonical JSON of the record' }),
});

export const AuditPageSchema = Type.Object({
  records: Type.Array(AuditRecordSchema),
  next: Type.Union([Type.Integer(), Type.Null()], { description: 'Pass as `before` for the next (older) page; null on the last page' }),
});
