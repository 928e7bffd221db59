/** Feedback (投诉与建议): applicants complain or suggest, staff answer within 3 working days. */
import { Type } from '@sinclair/typebox';
import type { FeedbackStatus } from '../../storage/feedback.js';
import { FeedbackAnswerSchema, FeedbackBodySchema, FeedbackSchema } from '../http/feedback-schemas.js';
import { actorOf, defineRoute } from '../http/route.js';
import { answerFeedbackAs, feedbackFor, fileFeedback, type FileFeedbackInput } from '../operations/feedback.js';

const feedbackIdOf = (params: unknown): string => (params as { feedbackId: string }).feedbackId;

export const feedbackRoutes = [
  defineRoute({
    method: 'post',
    path: '/api/feedback',
    summary: "File a complaint or suggestion (an applicant's own, or at the counter on an applicant's behalf); due in 3 working days",
    tag: 'feedback',
    access: ['applicant', 'staff'],
    body: FeedbackBodySchema,
    responses: { 201: FeedbackSchema },
    async handler(context) {
      const filed = await fileFeedback(context.services, actorOf(context), context.req.body as FileFeedbackInput);
      context.res.locals.auditDetail = { feedbackId: filed.id, kind: filed.kind };
      return { status: 201, body: filed };
    },
  }),
  defineRoute({
    method: 'get',
    path: '/api/feedback',
    summary: "Feedback: an applicant's own, newest first; staff see the platform's inbox, open first and earliest due first",
    tag: 'feedback',
    access: ['applicant', 'staff', 'platform-admin', 'auditor'],
    query: Type.Object({
      status: Type.Optional(Type.String({ description: 'open or answered' })),
      limit: Type.Optional(Type.String({ description: 'At most this many (default 100, up to 500)' })),
    }),
    responses: { 200: Type.Object({ feedback: Type.Array(FeedbackSchema) }) },
    async handler(context) {
      const q = context.req.query as { status?: string; limit?: string };
      const status: FeedbackStatus | undefined = q.status === 'open' || q.status === 'answered' ? q.status : undefined;
      const limit = Number(q.limit);
      const feedback = await feedbackFor(context.services, actorOf(context), { ...(status ? { status } : {}), ...(Number.isInteger(limit) ? { limit } : {}) });
      return { body: { feedback } };
    },
  }),
  defineRoute({
    method: 'post',
    path: '/api/feedback/:feedbackId/answer',
    summary: 'Answer feedback; the applicant gets an in-app message',
    tag: 'feedback',
    access: ['staff', 'platform-admin'],
    body: FeedbackAnswerSchema,
    responses: { 200: FeedbackSchema },
    async handler(context) {
      const answered = await answerFeedbackAs(context.services, actorOf(context), feedbackIdOf(context.req.params), context.req.body as { answer: string });
      context.res.locals.auditDetail = { feedbackId: answered.id, isOverdue: answered.isOverdue };
      return { body: answered };
    },
  }),
];
