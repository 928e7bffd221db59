/** Templates: what the studio's template editor needs — the variables to insert, and a live preview. */
import { Type } from '@sinclair/typebox';
import { actorOf, defineRoute } from '../http/route.js';
import { ProblemItemSchema } from '../http/schemas.js';
import { previewTemplateFor, templateContextFor } from '../operations/template-preview.js';

const admins = ['platform-admin', 'province-admin'] as const;

const VariableSchema = Type.Object({
  path: Type.String({ description: 'Dotted path as a template names it; "*" stands for each element of an array.' }),
  type: Type.String({ description: 'string, integer, number, boolean, object, array, or unknown for an open part.' }),
  description: Type.Optional(Type.String()),
  isOpen: Type.Optional(Type.Boolean({ description: 'Any path below it is accepted (form data, case fields).' })),
});

const TemplateProblemSchema = Type.Object({
  ...ProblemItemSchema.properties,
  line: Type.Optional(Type.Integer({ description: '1-based line in the subject or body the path names.' })),
  column: Type.Optional(Type.Integer({ description: '1-based column.' })),
  name: Type.Optional(Type.String({ description: 'The variable, helper or partial as written.' })),
});

export const templateRoutes = [
  defineRoute({
    method: 'get',
    path: '/api/templates/context',
    summary: "The variables and helpers a template may use: its context's, given by purpose or context (default: case)",
    tag: 'templates',
    access: [...admins],
    query: Type.Object({ purpose: Type.Optional(Type.String()), context: Type.Optional(Type.String()) }),
    responses: {
      200: Type.Object({ context: Type.String(), variables: Type.Array(VariableSchema), helpers: Type.Array(Type.String()) }),
    },
    async handler(context) {
      const { purpose, context: name } = context.req.query as { purpose?: string; context?: string };
      return { body: templateContextFor({ ...(purpose ? { purpose } : {}), ...(name ? { context: name } : {}) }) };
    },
  }),
  defineRoute({
    method: 'post',
    path: '/api/templates/preview',
    summary: "Check an unsaved template as saving would and render it on a sample of one of the platform's items",
    tag: 'templates',
    access: [...admins],
    body: Type.Object(
      {
        template: Type.Record(Type.String(), Type.Unknown(), { description: 'The Template document being edited; its version is ignored.' }),
        itemId: Type.Optional(Type.String({ minLength: 1, maxLength: 64, description: "Default: the first item of the platform's lists." })),
      },
      { additionalProperties: false },
    ),
    responses: {
      200: Type.Object({
        output: Type.Union([Type.Object({ subject: Type.String(), body: Type.String() }), Type.Null()]),
        problems: Type.Array(TemplateProblemSchema),
      }),
    },
    async handler(context) {
      const body = context.req.body as { template: Record<string, unknown>; itemId?: string };
      return { body: await previewTemplateFor(context.services, actorOf(context), body) };
    },
  }),
];
