/** Schemas of the appeals against a review (申诉复核). */
import { Type } from '@sinclair/typebox';

const Str = Type.String();
const NullableStr = Type.Union([Str, Type.Null()]);

export const AppealStatusSchema = Type.Union([Type.Literal('open'), Type.Literal('upheld'), Type.Literal('rejected')], {
  description: 'open (待复核), upheld (申诉成立: the review is set aside) or rejected (申诉不成立: the review stands).',
});

export const AppealSchema = Type.Object({
  id: Str,
  caseId: Str,
  caseNumber: Str,
  platformId: Str,
  evaluationAt: Type.String({ description: 'The instant of the evaluation appealed against.' }),
  level: Type.Integer({ minimum: 1, maximum: 5 }),
  reason: Str,
  status: AppealStatusSchema,
  filedAt: Str,
  filedByName: NullableStr,
  decidedAt: NullableStr,
  decidedByName: NullableStr,
  decisionNote: NullableStr,
});

export const FileAppealSchema = Type.Object(
  {
    evaluationAt: Type.String({ minLength: 1, maxLength: 40, description: 'The instant of the evaluation (its `at` in the case view) appealed against.' }),
    reason: Type.String({ minLength: 1, maxLength: 2000, description: 'Why the review is mistaken or malicious (申诉理由).' }),
  },
  { additionalProperties: false },
);

export const DecideAppealSchema = Type.Object(
  {
    decision: Type.Union([Type.Literal('upheld'), Type.Literal('rejected')], { description: 'upheld (申诉成立) or rejected (申诉不成立); final.' }),
    note: Type.Optional(Type.String({ maxLength: 2000, description: 'The reasoning of the decision (复核意见).' })),
  },
  { additionalProperties: false },
);
