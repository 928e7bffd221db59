/** Improvement measures (改进举措): tracked by the platform admin, published on the portal. */
import { Type } from '@sinclair/typebox';
import { MeasureBodySchema, MeasureSchema, MeasureStatusBodySchema, PublicMeasureSchema } from '../http/feedback-schemas.js';
import { actorOf, defineRoute } from '../http/route.js';
import { changeMeasureStatus, createMeasure, measuresFor, publicMeasures, type MeasureStatusInput, type NewMeasureInput } from '../operations/improvements.js';

export const improvementRoutes = [
  defineRoute({
    method: 'get',
    path: '/api/improvements',
    summary: "The platform's improvement measures with their history, most recently changed first",
    tag: 'feedback',
    access: ['platform-admin', 'staff', 'auditor'],
    responses: { 200: Type.Object({ measures: Type.Array(MeasureSchema) }) },
    async handler(context) {
      return { body: { measures: await measuresFor(context.services, actorOf(context)) } };
    },
  }),
  defineRoute({
    method: 'post',
    path: '/api/improvements',
    summary: 'Record an improvement measure (planned), optionally answering feedback and published at once',
    tag: 'feedback',
    access: ['platform-admin'],
    body: MeasureBodySchema,
    responses: { 201: MeasureSchema },
    async handler(context) {
      const measure = await createMeasure(context.services, actorOf(context), context.req.body as NewMeasureInput);
      context.res.locals.auditDetail = { measureId: measure.id, status: measure.status, isPublished: measure.isPublished, feedbackIds: measure.feedbackIds };
      return { status: 201, body: measure };
    },
  }),
  defineRoute({
    method: 'post',
    path: '/api/improvements/:measureId/status',
    summary: 'Change the status of an improvement measure, or publish / withdraw it (kept in its history)',
    tag: 'feedback',
    access: ['platform-admin'],
    body: MeasureStatusBodySchema,
    responses: { 200: MeasureSchema },
    async handler(context) {
      const { measureId } = context.req.params as { measureId: string };
      const measure = await changeMeasureStatus(context.services, actorOf(context), measureId, context.req.body as MeasureStatusInput);
      const last = measure.history.at(-1);
      context.res.locals.auditDetail = { measureId, from: last?.fromStatus ?? null, to: measure.status, isPublished: measure.isPublished };
      return { body: measure };
    },
  }),
  defineRoute({
    method: 'get',
    path: '/api/public/improvements',
    summary: "A platform's published improvement measures (改进举措公开, public): the measures' own words and dates only",
    tag: 'catalog',
    access: 'public',
    query: Type.Object({ platformId: Type.String({ description: 'The platform whose measures to list' }) }),
    responses: { 200: Type.Object({ measures: Type.Array(PublicMeasureSchema) }) },
    async handler({ req, services }) {
      const { platformId } = req.query as { platformId?: unknown };
      return { body: { measures: await publicMeasures(services, typeof platformId === 'string' ? platformId : '') } };
    },
  }),
];
