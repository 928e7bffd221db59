import { Type, type Static } from '@sinclair/typebox';
import { header, kindObject } from './common.js';

export const TemplatePurpose = Type.Union(
  [
    Type.Literal('guide'),
    Type.Literal('receipt'),
    Type.Literal('oneTimeNotice'),
    Type.Literal('result'),
    Type.Literal('notice'),
    Type.Literal('sms'),
    Type.Literal('report'),
  ],
  {
    description:
      'What it renders: service guide (办事指南), acceptance receipt (受理回执), one-time notice (一次性告知书), result notice (结果通知), another notice, an SMS text, a report.',
  },
);

export const Template = kindObject(
  {
    ...header('Template', 'template'),
    purpose: TemplatePurpose,
    context: Type.Union([Type.Literal('item'), Type.Literal('case')], {
      description: 'The variables it may use: "item" (item, platform, checklist) for guides; "case" (adds case, applicant, materials, actor, task) for notices.',
    }),
    format: Type.Union([Type.Literal('html'), Type.Literal('text')], { description: 'html for printable notices, text for SMS and e-mail.' }),
    subject: Type.Optional(Type.String({ description: 'Handlebars subject line for e-mail and in-app messages.' })),
    body: Type.String({ minLength: 1, description: 'Handlebars body; helpers: date, dateTime, mask, addWorkingDays, limit, text.' }),
  },
  'Template: a handlebars notice or guide rendered from a declared context.',
);
export type Template = Static<typeof Template>;
