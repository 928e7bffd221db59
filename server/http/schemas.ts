/**
 * Schemas of what the API sends and accepts, for the OpenAPI document and for tests that
 * check real responses against it.
 */
import { Type } from '@sinclair/typebox';
import { EvaluationViewSchema } from './feedback-schemas.js';

const Str = Type.String();
const Nullable = <T extends ReturnType<typeof Type.String>>(schema: T) => Type.Union([schema, Type.Null()]);

export const ProblemItemSchema = Type.Object({
  code: Str,
  path: Str,
  message: Str,
  file: Type.Optional(Str),
  suggestion: Type.Optional(Str),
});

export const ProblemSchema = Type.Object(
  {
    type: Str,
    title: Str,
    status: Type.Integer(),
    code: Str,
    detail: Str,
    problems: Type.Array(ProblemItemSchema),
    currentVersion: Type.Optional(
      Type.Integer({ description: 'case.version-conflict only: the version the case has now; reload it (GET) and act again at this version.' }),
    ),
  },
  { description: 'RFC 9457 problem details with the list of problems, each with a JSON Pointer path.' },
);

export const MeSchema = Type.Object({
  id: Str,
  username: Str,
  displayName: Str,
  platformId: Str,
  roles: Type.Array(Str),
  isDemo: Type.Boolean(),
  password: Type.Object(
    {
      state: Type.Union([Type.Literal('ok'), Type.Literal('warn'), Type.Literal('expired')], { description: 'warn: change it soon; expired: every route but changing it and signing out answers 403 auth.password-expired.' }),
      reason: Type.Union([Type.Literal('age'), Type.Literal('one-time'), Type.Null()], { description: 'Why a change is required: the password aged out, or it was a one-time password (then no current password is asked).' }),
      expiresAt: Type.Union([Str, Type.Null()], { description: 'When the password expires; null when passwords do not expire.' }),
      daysLeft: Type.Union([Type.Integer(), Type.Null()], { description: 'Whole days until expiresAt.' }),
    },
    { description: 'The state of the signed-in user’s password (goal C4).' },
  ),
});

export const PasswordChangeSchema = Type.Object(
  {
    currentPassword: Type.Optional(Type.String({ maxLength: 256, description: 'The current password; left out only after signing in with a one-time password.' })),
    newPassword: Type.String({ minLength: 1, maxLength: 256, description: 'The new password: checked against every rule of the password profile, each broken rule listed at /newPassword.' }),
  },
  { additionalProperties: false },
);

export const LoginSchema = Type.Object(
  { username: Type.String({ minLength: 1, maxLength: 64 }), password: Type.String({ minLength: 1, maxLength: 256 }) },
  { additionalProperties: false },
);

export const DefinitionSummarySchema = Type.Object({
  platformId: Str,
  kind: Str,
  id: Str,
  version: Type.Integer(),
  status: Str,
  title: Type.Unknown(),
  hash: Str,
  publishedAt: Nullable(Str),
  isInherited: Type.Boolean(),
});

export const ValidateBodySchema = Type.Object(
  { definitions: Type.Array(Type.Unknown(), { minItems: 1, maxItems: 500 }) },
  { additionalProperties: false },
);

export const PublishBodySchema = Type.Object(
  {
    definitions: Type.Optional(
      Type.Array(Type.Object({ kind: Str, id: Str }, { additionalProperties: false }), { minItems: 1, maxItems: 500 }),
    ),
  },
  { additionalProperties: false },
);

export const RollbackBodySchema = Type.Object(
  {
    version: Type.Integer({ minimum: 1, description: 'The published (or retired) version to roll back to' }),
    owner: Type.Optional(Type.String({ description: 'The platform whose version it is, when the platform and an ancestor both have it' })),
  },
  { additionalProperties: false },
);

const VersionPointSchema = Type.Object({ platformId: Str, version: Type.Integer(), status: Str });

/** One added, removed or changed value between two documents. */
export const ChangeSchema = Type.Object({
  path: Type.String({ description: 'JSON Pointer to the value' }),
  op: Type.Union([Type.Literal('added'), Type.Literal('removed'), Type.Literal('changed')]),
  before: Type.Optional(Type.Unknown()),
  after: Type.Optional(Type.Unknown()),
});

export const DefinitionDiffSchema = Type.Object({
  from: VersionPointSchema,
  to: VersionPointSchema,
  changes: Type.Array(ChangeSchema),
});

export const ListRowSchema = Type.Object({
  seq: Type.Integer(),
  itemId: Str,
  category: Str,
  title: Str,
  targets: Type.Array(Str),
  content: Str,
  channel: Str,
  channelLabel: Str,
  department: Str,
  timeLimit: Str,
  conditions: Type.Array(Str),
  materials: Type.Array(Str),
  supervision: Str,
  note: Str,
});

export const ServiceListSchema = Type.Object({
  id: Str,
  title: Str,
  listType: Str,
  rows: Type.Array(ListRowSchema),
});

export const PlatformCatalogSchema = Type.Object({
  id: Str,
  title: Str,
  level: Str,
  region: Type.Object({ code: Str, name: Str }),
  contact: Type.Unknown(),
  lists: Type.Array(ServiceListSchema),
});

export const ItemGuideSchema = Type.Object({
  id: Str,
  version: Type.Integer(),
  title: Str,
  guideHtml: Str,
  form: Type.Object({ id: Str, version: Type.Integer(), schema: Type.Unknown(), uiSchema: Type.Unknown() }),
  materials: Type.Array(Type.Unknown()),
});

const DueStateSchema = Type.Union([Type.Literal('ok'), Type.Literal('dueSoon'), Type.Literal('overdue'), Type.Null()], {
  description: 'How the time limit stands now: ok, dueSoon (its warning time passed), overdue; null without a running clock',
});

/** Uploaded files (POST /api/uploads) by material key. */
const FileRefsSchema = Type.Record(Str, Type.Array(Type.String({ minLength: 1, maxLength: 64 }), { maxItems: 50 }), {
  description: 'Earlier uploads (POST /api/uploads) by material key: { "<materialKey>": ["<fileId>", …] }; only your own uploads not attached yet.',
});

/** Soft rejects the caller confirmed, by path; generic: any problem answered with `level: "confirm"`. */
export const ConfirmationsSchema = Type.Array(Type.String({ pattern: '^/data(/.*)?$', maxLength: 500 }), {
  maxItems: 100,
  description:
    'JSON Pointers (under /data) of problems answered with level "confirm" (e.g. a USCC whose check character fails) that the applicant checked and confirms; they are accepted and flagged for staff review.',
});

/** A confirm or warning the form's policy found in the case data. */
export const FindingSchema = Type.Object({
  code: Str,
  path: Type.String({ description: 'JSON Pointer into the case (/data/...)' }),
  message: Str,
  level: Type.Union([Type.Literal('warning'), Type.Literal('confirm')]),
});

export const ReviewFlagSchema = Type.Object({
  code: Str,
  path: Type.String({ description: 'JSON Pointer into the case (/data/...)' }),
  message: Str,
  confirmedBy: Str,
  at: Str,
});

export const CaseViewSchema = Type.Object({
  id: Str,
  number: Str,
  platformId: Str,
  item: Type.Object({ id: Str, version: Type.Integer(), title: Str }),
  applicantId: Str,
  applicantName: Nullable(Str),
  assigneeId: Nullable(Str),
  assigneeName: Nullable(Str),
  channel: Type.String({ description: 'online, or counter when staff registered it (窗口受理)' }),
  registeredBy: Type.Union([Str, Type.Null()], { description: 'The staff member who registered a counter application' }),
  verificationCode: Type.Union([Str, Type.Null()], { description: 'With the number, opens the public progress lookup (GET /api/progress)' }),
  dueState: DueStateSchema,
  status: Str,
  step: Str,
  stepTitle: Str,
  stage: Nullable(Str),
  version: Type.Integer(),
  dueAt: Nullable(Str),
  createdAt: Str,
  updatedAt: Str,
  data: Type.Record(Str, Type.Unknown(), { description: 'The form data; resident ID numbers and mobile phones masked (110***********002X, 138****8000).' }),
  masked: Type.Array(Str, { description: 'JSON Pointers of the masked values (/data/…, /fields/…); staff see one with POST /api/cases/{caseId}/reveal and a reason.' }),
  warnings: Type.Array(FindingSchema, { description: 'What the form policy warns about in the data (e.g. an unknown region code); never refused.' }),
  reviewFlags: Type.Array(ReviewFlagSchema, { description: 'Soft rejects the applicant confirmed, for staff to review.' }),
  fields: Type.Record(Str, Type.Unknown()),
  evaluations: Type.Array(Type.Unknown()),
  evaluation: Type.Union([EvaluationViewSchema, Type.Null()], { description: 'The latest evaluation (好差评) and the reply to it; null before any.' }),
  materials: Type.Array(
    Type.Object({
      key: Str,
      name: Str,
      isRequired: Type.Boolean(),
      status: Str,
      reason: Nullable(Str),
      files: Type.Array(Type.Object({ id: Str, name: Str, size: Type.Integer(), mediaType: Str })),
    }),
  ),
  actions: Type.Array(
    Type.Object({
      name: Str,
      title: Str,
      requires: Type.Array(Str),
      acceptsMaterials: Type.Boolean(),
      acceptsVerdicts: Type.Boolean(),
      isEvaluation: Type.Boolean(),
      indicators: Type.Array(Type.Object({ key: Str, title: Str, isRequired: Type.Boolean() }), { description: 'What an evaluation rates 1–5 beside its level (评价指标).' }),
    }),
  ),
});

export const CaseSummarySchema = Type.Object({
  id: Str,
  number: Str,
  itemId: Str,
  itemTitle: Str,
  status: Str,
  step: Str,
  stepTitle: Str,
  channel: Str,
  applicantId: Str,
  applicantName: Nullable(Str),
  assigneeId: Nullable(Str),
  assigneeName: Nullable(Str),
  dueAt: Nullable(Str),
  warnAt: Type.Union([Str, Type.Null()], { description: 'When the earliest warning falls (due soon from then on)' }),
  dueState: DueStateSchema,
  version: Type.Integer(),
  createdAt: Str,
  updatedAt: Str,
});

export const StartCaseSchema = Type.Object(
  {
    item: Type.String({ minLength: 1, description: 'Id of the service item to apply for.' }),
    data: Type.Record(Str, Type.Unknown(), { description: 'The form data.' }),
    action: Type.Optional(Type.Union([Str, Type.Null()], { description: 'Action taken at once; default "submit"; null keeps a draft.' })),
    fileRefs: Type.Optional(FileRefsSchema),
    draftItemId: Type.Optional(Type.String({ description: 'The application draft this submits (deleted with it); must be the item applied for.' })),
    confirmations: Type.Optional(ConfirmationsSchema),
    applicant: Type.Optional(
      Type.Object(
        {
          name: Type.String({ minLength: 1, maxLength: 200, description: 'Name of the person or organization' }),
          phone: Type.String({ minLength: 1, maxLength: 32, description: 'Mobile or landline' }),
          idNumber: Type.Optional(Type.String({ maxLength: 32, description: 'Resident ID or USCC' })),
        },
        { additionalProperties: false, description: 'Counter mode (窗口受理, staff only): the applicant the case is registered for.' },
      ),
    ),
  },
  { additionalProperties: false },
);

export const ActSchema = Type.Object(
  {
    version: Type.Integer({ minimum: 1, description: 'The case version you saw; a stale one gets 409.' }),
    payload: Type.Optional(Type.Record(Str, Type.Unknown())),
    verdicts: Type.Optional(
      Type.Record(Str, Type.Object({ status: Type.Union([Type.Literal('ok'), Type.Literal('deficient')]), reason: Type.Optional(Str) }, { additionalProperties: false })),
    ),
    data: Type.Optional(Type.Record(Str, Type.Unknown())),
    fileRefs: Type.Optional(FileRefsSchema),
    confirmations: Type.Optional(ConfirmationsSchema),
  },
  { additionalProperties: false },
);

export const EventSchema = Type.Object({
  seq: Type.Integer(),
  type: Str,
  at: Str,
  actorId: Nullable(Str),
  data: Type.Record(Str, Type.Unknown()),
});

export const NoticeSchema = Type.Object({
  noticeId: Str,
  templateId: Str,
  purpose: Str,
  subject: Str,
  body: Str,
  format: Str,
  channels: Type.Array(Str),
  createdAt: Str,
});

export const MessageSchema = Type.Object({
  id: Str,
  caseId: Nullable(Str),
  title: Str,
  body: Str,
  createdAt: Str,
  readAt: Nullable(Str),
});
