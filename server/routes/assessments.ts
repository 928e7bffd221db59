/** The yearly assessment (年度督导评估): summaries, ratings, rectification, delisting, published results. */
import { Type } from '@sinclair/typebox';
import type { Rating } from '../../storage/assessments.js';
import { actorOf, defineRoute, type RouteContext } from '../http/route.js';
import {
  closeRectificationAs,
  delistUnrectifiedAs,
  ownAssessment,
  publicResults,
  publishAs,
  rateAs,
  reportRectificationAs,
  submitSummaryAs,
  yearOf,
  yearOverview,
  type RatingInput,
} from '../operations/assessments.js';

const Str = Type.String();
const Nullable = (schema: ReturnType<typeof Type.String>) => Type.Union([schema, Type.Null()]);
const RatingSchema = Type.Union([Type.Literal('excellent'), Type.Literal('qualified'), Type.Literal('unqualified')], { description: '优秀 / 合格 / 不合格' });

const AssessmentSchema = Type.Object({
  id: Str,
  platformId: Str,
  year: Type.Integer(),
  summary: Str,
  fileId: Nullable(Str),
  submittedBy: Str,
  submittedAt: Str,
  isLate: Type.Boolean({ description: 'Submitted after 31 January of the next year' }),
  rating: Type.Union([RatingSchema, Type.Null()]),
  comment: Nullable(Str),
  ratedAt: Nullable(Str),
  rectification: Type.Union([
    Type.Object({
      status: Type.Union(['open', 'reported', 'closed', 'delisted'].map((s) => Type.Literal(s))),
      dueAt: Str,
      report: Nullable(Str),
      reportedAt: Nullable(Str),
      note: Nullable(Str),
      closedAt: Nullable(Str),
    }),
    Type.Null(),
  ]),
});

const text = (description: string) => Type.String({ minLength: 1, maxLength: 20000, description });
const yearParam = (context: RouteContext) => yearOf((context.req.params as { year: string }).year);
const platformParam = (context: RouteContext) => (context.req.params as { platformId: string }).platformId;

export const assessmentRoutes = [
  defineRoute({
    method: 'post',
    path: '/api/network/assessments/:year/summary',
    summary: "Submit (or, until rated, replace) the platform's annual summary of the year; due 31 January of the next year, later ones are marked late",
    tag: 'assessment',
    access: ['platform-admin'],
    body: Type.Object({ summary: text('工作开展情况、服务成效、特色亮点'), fileId: Type.Optional(Type.String({ description: 'An upload of yours (POST /api/uploads)' })) }, { additionalProperties: false }),
    responses: { 200: AssessmentSchema },
    async handler(context) {
      return { body: await submitSummaryAs(context.services, actorOf(context), yearParam(context), context.req.body as { summary: string; fileId?: string }) };
    },
  }),
  defineRoute({
    method: 'get',
    path: '/api/network/assessments/:year/summary',
    summary: "The platform's own assessment of the year (summary, rating, rectification), null before it submits",
    tag: 'assessment',
    access: ['platform-admin'],
    responses: { 200: Type.Object({ year: Type.Integer(), dueAt: Str, assessment: Type.Union([AssessmentSchema, Type.Null()]) }) },
    async handler(context) {
      return { body: await ownAssessment(context.services, actorOf(context), yearParam(context)) };
    },
  }),
  defineRoute({
    method: 'get',
    path: '/api/network/assessments/:year/platforms',
    summary: 'Every platform below the province with its summary of the year, or marked missing',
    tag: 'assessment',
    access: ['province-admin'],
    responses: {
      200: Type.Object({
        year: Type.Integer(),
        dueAt: Str,
        publishedAt: Nullable(Str),
        platforms: Type.Array(Type.Object({ platformId: Str, title: Str, level: Str, status: Str, isMissing: Type.Boolean(), assessment: Type.Union([AssessmentSchema, Type.Null()]) })),
      }),
    },
    async handler(context) {
      return { body: await yearOverview(context.services, actorOf(context), yearParam(context)) };
    },
  }),
  defineRoute({
    method: 'post',
    path: '/api/network/assessments/:year/platforms/:platformId/rating',
    summary: 'Rate a summary 优秀/合格/不合格 with comments; 不合格 needs a rectification deadline ({ workingDays } on the platform calendar, or { date })',
    tag: 'assessment',
    access: ['province-admin'],
    body: Type.Object(
      {
        rating: RatingSchema,
        comment: text('评定意见'),
        deadline: Type.Optional(Type.Union([
          Type.Object({ workingDays: Type.Integer({ minimum: 1, maximum: 250 }) }, { additionalProperties: false }),
          Type.Object({ date: Type.String({ format: 'date', pattern: '^\\d{4}-\\d{2}-\\d{2}$' }) }, { additionalProperties: false }),
        ])),
      },
      { additionalProperties: false },
    ),
    responses: { 200: AssessmentSchema },
    async handler(context) {
      const body = context.req.body as RatingInput & { rating: Rating };
      return { body: await rateAs(context.services, actorOf(context), yearParam(context), platformParam(context), body) };
    },
  }),
  defineRoute({
    method: 'post',
    path: '/api/network/assessments/:year/rectification',
    summary: 'The platform records how it rectified an unqualified year',
    tag: 'assessment',
    access: ['platform-admin'],
    body: Type.Object({ report: text('整改情况') }, { additionalProperties: false }),
    responses: { 200: AssessmentSchema },
    async handler(context) {
      return { body: await reportRectificationAs(context.services, actorOf(context), yearParam(context), context.req.body as { report: string }) };
    },
  }),
  defineRoute({
    method: 'post',
    path: '/api/network/assessments/:year/platforms/:platformId/rectification/close',
    summary: 'The province confirms a reported rectification',
    tag: 'assessment',
    access: ['province-admin'],
    body: Type.Object({ note: text('整改验收意见') }, { additionalProperties: false }),
    responses: { 200: AssessmentSchema },
    async handler(context) {
      return { body: await closeRectificationAs(context.services, actorOf(context), yearParam(context), platformParam(context), context.req.body as { note: string }) };
    },
  }),
  defineRoute({
    method: 'post',
    path: '/api/network/assessments/:year/platforms/:platformId/delist',
    summary: 'Past the deadline and not rectified: delist the platform (摘牌; registry status delisted with history)',
    tag: 'assessment',
    access: ['province-admin'],
    body: Type.Object({ reason: text('摘牌理由') }, { additionalProperties: false }),
    responses: { 200: AssessmentSchema },
    async handler(context) {
      return { body: await delistUnrectifiedAs(context.services, actorOf(context), yearParam(context), platformParam(context), context.req.body as { reason: string }) };
    },
  }),
  defineRoute({
    method: 'post',
    path: '/api/network/assessments/:year/publish',
    summary: "Publish the year's ratings (通报公示)",
    tag: 'assessment',
    access: ['province-admin'],
    responses: { 200: Type.Object({ year: Type.Integer(), isPublished: Type.Boolean(), publishedAt: Nullable(Str), ratings: Type.Array(Type.Object({ platformId: Str, title: Str, level: Str, rating: RatingSchema })) }) },
    async handler(context) {
      return { body: await publishAs(context.services, actorOf(context), yearParam(context)) };
    },
  }),
  defineRoute({
    method: 'get',
    path: '/api/network/assessments/:year',
    summary: 'The published ratings of a year (public); empty until the province publishes them',
    tag: 'assessment',
    access: 'public',
    responses: { 200: Type.Object({ year: Type.Integer(), isPublished: Type.Boolean(), publishedAt: Nullable(Str), ratings: Type.Array(Type.Object({ platformId: Str, title: Str, level: Str, rating: RatingSchema })) }) },
    async handler(context) {
      return { body: await publicResults(context.services, yearParam(context)) };
    },
  }),
];
