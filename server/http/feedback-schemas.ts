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
  remindedAt: Type.Union([Type.String(), Type.Null()], { description: 'When the reminder before the due date went (已催办); null before.' }),
  escalatedAt: Type.Union([Type.String(), Type.Null()], { description: 'When it was escalated for being open past its due date (已督办); null before.' }),
  evaluation: Type.Union([EvaluationViewSchema, Type.Null()]),
  visits: Type.Array(Type.Object({ id: Str, note: Str, outcome: VisitOutcomeSchema, at: Str, by: Str, byName: Str })),
});

const FeedbackKindSchema = Type.Union([Type.Literal('complaint'), Type.Literal('suggestion')], { description: 'complaint (投诉) or suggestion (建议).' });
const FeedbackContactSchema = Type.Union([Type.Literal('inApp'), Type.Literal('phone'), Type.Literal('email')], {
  description: 'How the applicant would like to hear back besides the in-app message: inApp, phone or email.',
});
const MeasureStatusSchema = Type.Union([Type.Literal('planned'), Type.Literal('in-progress'), Type.Literal('done')], {
  description: 'planned (计划中), in-progress (实施中) or done (已完成).',
});

export const FeedbackBodySchema = Type.Object(
  {
    kind: FeedbackKindSchema,
    text: Text(2000, 'What the applicant complains about or suggests.'),
    caseId: Type.Optional(Type.String({ minLength: 1, maxLength: 64, description: "One of the applicant's own cases it is about." })),
    itemId: Type.Optional(Type.String({ minLength: 1, maxLength: 64, description: 'The service item it is about.' })),
    contact: Type.Optional(FeedbackContactSchema),
    applicant: Type.Optional(
      Type.Object(
        {
          name: Type.String({ maxLength: 100, description: 'Name of the person or organization.' }),
          phone: Type.String({ maxLength: 32, description: 'Their phone number.' }),
          idNumber: Type.Optional(Type.String({ maxLength: 32, description: 'Resident ID or USCC, if given.' })),
        },
        { additionalProperties: false, description: 'At the counter only: who gives the feedback, when no case of theirs is named.' },
      ),
    ),
  },
  { additionalProperties: false },
);

export const FeedbackAnswerSchema = Type.Object({ answer: Text(4000, 'The answer the applicant gets.') }, { additionalProperties: false });

export const FeedbackSchema = Type.Object({
  id: Str,
  kind: FeedbackKindSchema,
  text: Str,
  status: Type.Union([Type.Literal('open'), Type.Literal('answered')]),
  caseId: NullableStr,
  caseNumber: NullableStr,
  itemId: NullableStr,
  itemTitle: NullableStr,
  contact: Type.Union([FeedbackContactSchema, Type.Null()]),
  applicantName: Str,
  isFiledAtCounter: Type.Boolean(),
  answerDueAt: Type.String({ description: 'Due by then: the platform answer limit (default 3 working days) on its calendar.' }),
  answer: NullableStr,
  answeredAt: NullableStr,
  isOverdue: Type.Boolean({ description: 'Open past its due time, or answered after it (已超期).' }),
  measureId: NullableStr,
  createdAt: Str,
});

export const MeasureBodySchema = Type.Object(
  {
    title: Text(200, 'Short name of the measure.'),
    description: Text(4000, 'What will change.'),
    source: Type.Union([Type.Literal('feedback'), Type.Literal('evaluation'), Type.Literal('supervision')], {
      description: 'What it answers: feedback (投诉与建议), evaluation (好差评) or supervision (监督检查).',
    }),
    feedbackIds: Type.Optional(Type.Array(Type.String({ minLength: 1, maxLength: 64 }), { maxItems: 100, description: 'The feedback it answers (source feedback only).' })),
    department: Text(100, 'The department responsible (责任部门).'),
    targetDate: Type.String({ minLength: 10, maxLength: 10, description: 'Planned completion date, YYYY-MM-DD.' }),
    isPublished: Type.Optional(Type.Boolean({ description: 'Show it on the public portal page at once (default false).' })),
  },
  { additionalProperties: false },
);

export const MeasureStatusBodySchema = Type.Object(
  {
    status: MeasureStatusSchema,
    note: Type.Optional(Type.String({ maxLength: 2000, description: 'Why, or what happened (kept in the history).' })),
    result: Type.Optional(Text(4000, 'What the measure achieved (实施效果); required to mark it done.')),
    isPublished: Type.Optional(Type.Boolean({ description: 'Publish it on the portal (true) or withdraw it (false); unchanged when absent.' })),
  },
  { additionalProperties: false },
);

export const MeasureSchema = Type.Object({
  id: Str,
  title: Str,
  description: Str,
  source: Str,
  feedbackIds: Type.Array(Str),
  department: Str,
  targetDate: Str,
  status: MeasureStatusSchema,
  result: NullableStr,
  isPublished: Type.Boolean(),
  createdAt: Str,
  updatedAt: Str,
  history: Type.Array(
    Type.Object({ fromStatus: Type.Union([MeasureStatusSchema, Type.Null()]), toStatus: MeasureStatusSchema, isPublished: Type.Boolean(), note: NullableStr, at: Str, byName: Str }),
  ),
});

export const PublicMeasureSchema = Type.Object({
  id: Str,
  title: Str,
  description: Str,
  department: Str,
  targetDate: Str,
  status: MeasureStatusSchema,
  result: NullableStr,
  history: Type.Array(Type.Object({ status: MeasureStatusSchema, at: Str })),
  updatedAt: Str,
});
