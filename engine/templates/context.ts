/**
 * The declared contexts templates render with. Loading checks every variable a template uses
 * against these shapes (an unknown variable is a load-time problem, not a blank in a notice);
 * rendering builds exactly these shapes. Open parts (Type.Unknown) accept any path.
 */
import { Type, type Static } from '@sinclair/typebox';

const Str = Type.String();
const Open = Type.Unknown();

const Item = Type.Object({
  id: Str,
  version: Type.Integer(),
  title: Str,
  code: Type.Object({ basic: Str, implementation: Str }),
  category: Str,
  targets: Type.Array(Str),
  content: Str,
  channel: Str,
  /** 网上办理 / 窗口办理 / 网上或窗口办理 */
  channelLabel: Str,
  channelNote: Str,
  department: Type.Object({ name: Str, uscc: Str }),
  legalBasis: Type.Array(Str),
  conditions: Type.Array(Str),
  refusalGrounds: Type.Array(Str),
  timeLimit: Type.Object({ value: Type.Integer(), unit: Str, note: Str }),
  /** e.g. 3个工作日 */
  timeLimitText: Str,
  fee: Type.Object({ isFree: Type.Boolean(), amount: Type.Number(), description: Str }),
  /** e.g. 免费 */
  feeText: Str,
  steps: Type.Array(Type.Object({ stage: Str, stageTitle: Str, description: Str })),
  contact: Type.Object({ phone: Str, address: Str, hours: Str }),
});

const Platform = Type.Object({
  id: Str,
  title: Str,
  level: Str,
  region: Type.Object({ code: Str, name: Str }),
  organization: Type.Object({ name: Str, uscc: Str }),
  contact: Type.Object({ phone: Str, address: Str, hours: Str }),
});

/** One material as the guide prints it. */
const ChecklistEntry = Type.Object({
  key: Str,
  name: Str,
  form: Str,
  /** 原件 / 复印件 / 原件或复印件 / 扫描件 / 电子件 */
  formLabel: Str,
  count: Type.Integer(),
  condition: Str,
  isAlwaysRequired: Type.Boolean(),
  fileTypes: Type.Array(Str),
  maxSizeMB: Type.Number(),
  isDeferrable: Type.Boolean(),
  sample: Str,
  note: Str,
});

/** Context of guide templates (context "item"). */
export const ItemContext = Type.Object({
  item: Item,
  platform: Platform,
  checklist: Type.Array(ChecklistEntry),
  now: Str,
});
export type ItemContext = Static<typeof ItemContext>;

const MaterialLine = Type.Object({
  key: Str,
  name: Str,
  formLabel: Str,
  count: Type.Integer(),
  condition: Str,
  note: Str,
  /** Why it is deficient, for deficient materials. */
  reason: Str,
  isDeferrable: Type.Boolean(),
});

/** Context of notice templates (context "case"): the item context plus the case. */
export const CaseContext = Type.Object({
  item: Item,
  platform: Platform,
  checklist: Type.Array(ChecklistEntry),
  now: Str,
  case: Type.Object({
    id: Str,
    number: Str,
    status: Str,
    step: Str,
    stepTitle: Str,
    createdAt: Str,
    submittedAt: Str,
    acceptedAt: Str,
    dueAt: Str,
    fields: Open,
  }),
  form: Open,
  applicant: Type.Object({ id: Str, name: Str, phone: Str, email: Str }),
  materials: Type.Object({
    required: Type.Array(MaterialLine),
    provided: Type.Array(MaterialLine),
    missing: Type.Array(MaterialLine),
    deficient: Type.Array(MaterialLine),
    /** missing and deficient together, in checklist order: what the one-time notice lists. */
    toSupply: Type.Array(MaterialLine),
  }),
  actor: Type.Object({ id: Str, name: Str }),
  task: Type.Object({ title: Str, kind: Str, dueAt: Str }),
  evaluation: Type.Object({ level: Type.Integer(), levelLabel: Str, comment: Str }),
});
export type CaseContext = Static<typeof CaseContext>;

export const templateContexts = { item: ItemContext, case: CaseContext } as const;

/** Helpers every template may call; rendering registers exactly these, the checker allows exactly these. */
export const templateHelperNames = ['date', 'dateTime', 'mask', 'addWorkingDays', 'limit', 'text', 'eq', 'inc', 'join', 'levelLabel'] as const;
