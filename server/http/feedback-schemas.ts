/**
 * Schemas of what applicants say back and how the platform follows up: consultations, the FAQ
 * handbook, evaluations with their reply, and follow-up tasks with their visits.
 */
import { Type } from '@sinclair/typebox';

const Str = Type.String();
const NullableStr = Type.Union([Str, Type.Null()]);
/** Text a person writes: at least one character, at most `max`. */
const Text = (max: number, description: string) => Type.String({ minLength: 1, maxLength: max, description });

export const VisitOutcomeSchema = Type.Union([Type.Literal('satisfied'), Type.Literal('unsatisfied'), Type.Literal('unreachable')], {
  description: 'What the call found: satisfied (满意), unsatisfied (不满意) or unreachable (未联系上).',
});

export const EvaluationViewSchema = Type.Object({
  level: Type.Integer({ minimum: 1, maximum: 5 }),
  comment: NullableStr,
  at: Str,
  reply: Type.Union([Type.Object({ text: Str, at: Str, by: NullableStr }), Type.Null()]),
});

export const ConsultationSchema = Type.Object({
  id: Str,
  itemId: NullableStr,
  itemTitle: NullableStr,
  question: Str,
  status: Type.Union([Type.Literal('open'), Type.Literal('answered')]),
  answer: NullableStr,
  answeredAt: NullableStr,
  askerName: Str,
  createdAt: Str,
  faqId: NullableStr,
});

export const AskSchema = Type.Object(
  {
    itemId: Type.Optional(Type.String({ minLength: 1, maxLength: 64, description: 'The service item the question is about.' })),
    question: Text(2000, 'The question.'),
  },
  { additionalProperties: false },
);

export const AnswerSchema = Type.Object({ answer: Text(4000, 'The answer the asker gets.') }, { additionalProperties: false });

export const PromoteSchema = Type.Object(
  {
    question: Type.Optional(Text(2000, 'The question as the handbook words it; default: as asked.')),
    answer: Type.Optional(Text(4000, 'The answer as the handbook words it; default: as answered.')),
  },
  { additionalProperties: false },
);

export const FaqEntrySchema = Type.Object({
  id: Str,
  itemId: NullableStr,
  itemTitle: NullableStr,
  question: Str,
  answer: Str,
  createdAt: Str,
});

export const EvaluationReplySchema = Type.Object(
  {
    text: Text(2000, 'The reply the applicant sees.'),
    version: Type.Integer({ minimum: 1, description: 'The case version you saw (a task\'s caseVersion); a stale one is refused with 409 case.version-conflict.' }),
  },
  { additionalProperties: false },
);

export const VisitBodySchema = Type.Object(
  { note: Text(2000, 'What was said on the follow-up visit (回访).'), outcome: VisitOutcomeSchema },
  { additionalProperties: false },
);

export const CloseTaskSchema = Type.Object({ result: Text(4000, 'What was done (整改结果).') }, { additionalProperties: false });

export const TaskSchema = Type.Object({
  id: Str,
  caseId: NullableStr,
  caseNumber: NullableStr,
  caseVersion: Type.Union([Type.Integer(), Type.Null()], { description: 'The case version as listed; reply to its evaluation at this version.' }),
  kind: Str,
  title: Str,
  dueAt: NullableStr,
  status: Type.Union([Type.Literal('open'), Type.Literal('done')]),
  isOverdue: Type.Boolean({ description: 'Open past its due date, or closed after it.' }),
  createdAt: Str,
  closedAt: NullableStr,
  result: NullableStr,
  evaluation: Type.Union([EvaluationViewSchema, Type.Null()]),
  visits: Type.Array(Type.Object({ id: Str, note: Str, outcome: VisitOutcomeSchema, at: Str, by: Str, byName: Str })),
});
