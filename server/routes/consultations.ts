/** Consultations (服务咨询) and the public FAQ handbook (咨询问答手册). */
import { Type } from '@sinclair/typebox';
import { AnswerSchema, AskSchema, ConsultationSchema, FaqEntrySchema, PromoteSchema } from '../http/feedback-schemas.js';
import { actorOf, defineRoute } from '../http/route.js';
import { answerConsultationAs, askConsultation, consultationsFor, platformFaq, promoteToFaq, removeFaq } from '../operations/consultations.js';

const idOf = (params: unknown): string => (params as { id: string }).id;

export const consultationRoutes = [
  defineRoute({
    method: 'post',
    path: '/api/consultations',
    summary: 'Ask the platform a question, optionally about one service item',
    tag: 'consultations',
    access: ['applicant'],
    body: AskSchema,
    responses: { 201: ConsultationSchema },
    async handler(context) {
      return { status: 201, body: await askConsultation(context.services, actorOf(context), context.req.body as { itemId?: string; question: string }) };
    },
  }),
  defineRoute({
    method: 'get',
    path: '/api/consultations',
    summary: "Consultations: an applicant's own; staff see the platform's, newest first",
    tag: 'consultations',
    access: ['applicant', 'staff', 'platform-admin', 'auditor'],
    query: Type.Object({
      status: Type.Optional(Type.String({ description: 'open or answered' })),
      limit: Type.Optional(Type.String({ description: 'At most this many (default 100, up to 500)' })),
    }),
    responses: { 200: Type.Object({ consultations: Type.Array(ConsultationSchema) }) },
    async handler(context) {
      const q = context.req.query as { status?: string; limit?: string };
      const status = q.status === 'open' || q.status === 'answered' ? q.status : undefined;
      const limit = Number(q.limit);
      const consultations = await consultationsFor(context.services, actorOf(context), {
        ...(status ? { status } : {}),
        ...(Number.isInteger(limit) ? { limit } : {}),
      });
      return { body: { consultations } };
    },
  }),
  defineRoute({
    method: 'post',
    path: '/api/consultations/:id/answer',
    summary: 'Answer a consultation; the asker gets an in-app message',
    tag: 'consultations',
    access: ['staff'],
    body: AnswerSchema,
    responses: { 200: ConsultationSchema },
    async handler(context) {
      return { body: await answerConsultationAs(context.services, actorOf(context), idOf(context.req.params), context.req.body as { answer: string }) };
    },
  }),
  defineRoute({
    method: 'post',
    path: '/api/consultations/:id/faq',
    summary: 'Add an answered consultation to the FAQ handbook, in the wording given',
    tag: 'consultations',
    access: ['staff', 'platform-admin'],
    body: PromoteSchema,
    responses: { 201: FaqEntrySchema },
    async handler(context) {
      const body = context.req.body as { question?: string; answer?: string };
      return { status: 201, body: await promoteToFaq(context.services, actorOf(context), idOf(context.req.params), body) };
    },
  }),
  defineRoute({
    method: 'get',
    path: '/api/platforms/:platformId/faq',
    summary: "A platform's FAQ handbook (public), optionally of one service item",
    tag: 'catalog',
    access: 'public',
    query: Type.Object({ itemId: Type.Optional(Type.String({ description: 'Only the entries about this item' })) }),
    responses: { 200: Type.Object({ entries: Type.Array(FaqEntrySchema) }) },
    async handler({ req, services }) {
      const { itemId } = req.query as { itemId?: string };
      const entries = await platformFaq(services, (req.params as { platformId: string }).platformId, { ...(itemId ? { itemId } : {}) });
      return { body: { entries } };
    },
  }),
  defineRoute({
    method: 'delete',
    path: '/api/faq/:id',
    summary: 'Remove an entry from the FAQ handbook',
    tag: 'consultations',
    access: ['platform-admin'],
    responses: { 204: Type.Null() },
    async handler(context) {
      await removeFaq(context.services, actorOf(context), idOf(context.req.params));
      return { status: 204 };
    },
  }),
];
