/**
 * Schemas of the applying and desk answers added for the portal and the desk: uploads by
 * reference, application drafts, the public progress lookup, the inbox counts and the staff picker.
 */
import { Type } from '@sinclair/typebox';

const Str = Type.String();

export const UploadedFileSchema = Type.Object({
  fileId: Type.String({ description: 'Name it in fileRefs of POST /api/cases, an action or a draft' }),
  name: Str,
  size: Type.Integer(),
  mediaType: Str,
});

export const ApplicationDraftSchema = Type.Object({
  itemId: Str,
  data: Type.Record(Str, Type.Unknown(), { description: 'The form data as last saved' }),
  fileRefs: Type.Record(Str, Type.Array(Str), { description: 'Upload ids by material key, as last saved' }),
  savedAt: Str,
  files: Type.Array(Type.Intersect([UploadedFileSchema, Type.Object({ materialKey: Str })]), {
    description: 'The uploads of fileRefs still waiting to be attached, with name, size and type',
  }),
});

export const ApplicationDraftBodySchema = Type.Object(
  {
    data: Type.Record(Str, Type.Unknown(), { description: 'The form data so far (not validated until submitted)' }),
    fileRefs: Type.Optional(Type.Record(Str, Type.Array(Type.String({ minLength: 1, maxLength: 64 }), { maxItems: 50 }))),
  },
  { additionalProperties: false },
);

export const PublicProgressSchema = Type.Object(
  {
    number: Str,
    itemTitle: Str,
    status: Str,
    stepTitle: Str,
    stage: Type.Union([Str, Type.Null()]),
    nodes: Type.Array(Type.Object({ title: Str, at: Str }, { additionalProperties: false }), { description: 'Each action taken, by its title, oldest first' }),
    dueAt: Type.Union([Str, Type.Null()]),
  },
  { additionalProperties: false, description: 'Progress only: no names, ids, form data, phones, files or notes.' },
);

const count = (description: string) => Type.Integer({ minimum: 0, description: `${description}; at most 10,000 (see capped)` });

export const CaseCountsSchema = Type.Object({
  toAccept: count('待受理: in the accept stage, staff to act'),
  inProgress: count('办理中: accepted, not ended'),
  dueSoon: count('即将到期: open, warning time passed, not due yet'),
  overdue: count('已逾期: open and past due'),
  returned: count('已退回补正: waiting for the applicant to supplement'),
  mine: count('我的: open and assigned to me (an applicant: all own cases)'),
  all: count('全部'),
  capped: Type.Array(Type.Union(['toAccept', 'inProgress', 'dueSoon', 'overdue', 'returned', 'mine', 'all'].map((view) => Type.Literal(view))), {
    description: 'Views holding more cases than their figure: counting stops at 10,000 (shown as "10,000+"), so counts stay fast on large platforms',
  }),
});

export const StaffMemberSchema = Type.Object({ id: Str, username: Str, displayName: Str, roles: Type.Array(Str) });

export const AssignBodySchema = Type.Object(
  {
    userId: Type.String({ minLength: 1, maxLength: 64, description: 'The staff member who takes the case over' }),
    version: Type.Integer({ minimum: 1, description: 'The case version you saw; a stale one gets 409.' }),
  },
  { additionalProperties: false },
);
