/**
 * After a case: the reply to an applicant's evaluation (好差评 回复), and follow-up tasks such as
 * the rectification of a bad review (差评整改) with their follow-up visits (回访) and closing.
 */
import { Type } from '@sinclair/typebox';
import type { TaskStatus, VisitOutcome } from '../../storage/tasks.js';
import { CloseTaskSchema, EvaluationReplySchema, TaskSchema, VisitBodySchema } from '../http/feedback-schemas.js';
import { actorOf, defineRoute } from '../http/route.js';
import { CaseViewSchema } from '../http/schemas.js';
import { viewCase } from '../operations/case-view.js';
import { replyToEvaluation } from '../operations/evaluation-reply.js';
import { addVisit, closeTaskAs, tasksFor } from '../operations/tasks.js';

const taskIdOf = (params: unknown): string => (params as { taskId: string }).taskId;

export const followUpRoutes = [
  defineRoute({
    method: 'post',
    path: '/api/cases/:caseId/evaluation-reply',
    summary: "Reply to the applicant's latest evaluation of the case (recorded on its timeline)",
    tag: 'cases',
    access: ['staff'],
    body: EvaluationReplySchema,
    responses: { 200: CaseViewSchema },
    async handler(context) {
      const actor = actorOf(context);
      const { caseId } = context.req.params as { caseId: string };
      const kase = await replyToEvaluation(context.services, actor, caseId, context.req.body as { text: string; version: number });
      return { body: await viewCase(context.services, actor, kase) };
    },
  }),
  defineRoute({
    method: 'get',
    path: '/api/tasks',
    summary: "The platform's follow-up tasks (rectification of bad reviews …) with their visits, earliest due first",
    tag: 'inbox',
    access: ['staff', 'platform-admin', 'auditor'],
    query: Type.Object({
      status: Type.Optional(Type.String({ description: 'open or done' })),
      caseId: Type.Optional(Type.String({ description: 'Only the tasks of this case' })),
    }),
    responses: { 200: Type.Object({ tasks: Type.Array(TaskSchema) }) },
    async handler(context) {
      const q = context.req.query as { status?: string; caseId?: string };
      const tasks = await tasksFor(context.services, actorOf(context), {
        ...(q.status === 'open' || q.status === 'done' ? { status: q.status as TaskStatus } : {}),
        ...(q.caseId ? { caseId: q.caseId } : {}),
      });
      return { body: { tasks } };
    },
  }),
  defineRoute({
    method: 'post',
    path: '/api/tasks/:taskId/visits',
    summary: 'Record a follow-up visit (回访) on a task',
    tag: 'inbox',
    access: ['staff', 'platform-admin'],
    body: VisitBodySchema,
    responses: { 201: TaskSchema },
    async handler(context) {
      const body = context.req.body as { note: string; outcome: VisitOutcome };
      return { status: 201, body: await addVisit(context.services, actorOf(context), taskIdOf(context.req.params), body) };
    },
  }),
  defineRoute({
    method: 'post',
    path: '/api/tasks/:taskId/close',
    summary: 'Close a task with its result; a rectification needs a follow-up visit first',
    tag: 'inbox',
    access: ['staff', 'platform-admin'],
    body: CloseTaskSchema,
    responses: { 200: TaskSchema },
    async handler(context) {
      return { body: await closeTaskAs(context.services, actorOf(context), taskIdOf(context.req.params), context.req.body as { result: string }) };
    },
  }),
];
