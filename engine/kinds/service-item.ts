import { Type, type Static } from '@sinclair/typebox';
import { header, Key, kindObject, Limit, refTo, Rule, Text } from './common.js';
import { ItemClassification } from './item-classification.js';

export const ItemCode = Type.Object(
  {
    basic: Type.Optional(
      Type.String({ pattern: '^[0-9]{12}$', description: '基本编码: the 12-digit basic code (GB/T 39554.1 layout: source 2 + type 2 + main 5 + sub 3).' }),
    ),
    implementation: Type.Optional(
      Type.String({
        pattern: '^[0-9A-HJ-NPQRTUWXY]{18}[1-6][0-9]{12}$',
        description: '实施编码: USCC of the implementing body (18) + exercise level (1) + basic code (12).',
      }),
    ),
  },
  { additionalProperties: false, description: '事项编码: the item codes printed on notices and case numbers.' },
);

export const Fee = Type.Object(
  {
    isFree: Type.Boolean({ description: 'True when the service is free of charge (免费).' }),
    amount: Type.Optional(Type.Number({ minimum: 0, description: 'Fee in yuan, when there is a fixed one.' })),
    description: Type.Optional(Type.String({ description: 'Fee rules in words, e.g. 低成本，按公示标准收费.' })),
  },
  { additionalProperties: false, description: '收费标准: what the applicant pays.' },
);

export const GuideStep = Type.Object(
  {
    stage: Type.Union(
      [Type.Literal('consult'), Type.Literal('accept'), Type.Literal('implement'), Type.Literal('feedback'), Type.Literal('supervise')],
      { description: 'Stage of the standard flow (服务咨询/申请受理/服务实施/结果反馈/质量监督).' },
    ),
    description: Type.String({ minLength: 1, description: 'What happens in this stage for this item, as printed in the guide.' }),
  },
  { additionalProperties: false, description: 'One stage of the service as the guide explains it.' },
);

/** Which inherited version a localization was made from; upgrades start from it. */
export const ItemExtends = Type.Object(
  {
    platform: Type.String({
      pattern: '^[a-z][a-z0-9]*(-[a-z0-9]+)*$',
      minLength: 2,
      maxLength: 64,
      description: '继承来源平台：the id of the platform above this one whose item this localizes, e.g. "sichuan-province".',
    }),
    version: Type.Integer({ minimum: 1, description: '继承版本：the published version of that platform\'s item this localization was made from.' }),
  },
  {
    additionalProperties: false,
    description:
      '继承自（平台与版本）: the inherited version this localization was made from. Locks and the tighten-only time limit are checked ' +
      'against that version, and an upgrade shows what changed since. Left out, the server fills in the nearest platform above\'s latest published version.',
  },
);
export type ItemExtends = Static<typeof ItemExtends>;

export const EligibilityCondition = Type.Object(
  {
    key: Key,
    title: Text,
    rule: Rule,
    when: Type.Optional(Rule),
  },
  { additionalProperties: false, description: 'One acceptance condition (受理条件) checked against the form data.' },
);
export type EligibilityCondition = Static<typeof EligibilityCondition>;

const { kind, schemaVersion, id, version, title, description } = header('ServiceItem', 'service item');

/** The fields of an item's body: everything a platform adopting it could localize, or a template lock. */
const itemFields = {
  title,
  description,
  code: Type.Optional(ItemCode),
  category: Type.String({ minLength: 1, description: '事项类别: the category shown in lists, e.g. 社会保障服务.' }),
  classification: Type.Optional(ItemClassification),
  targets: Type.Array(Type.String({ minLength: 1, description: 'One kind of applicant.' }), {
    minItems: 1,
    description: '服务对象: who may apply.',
  }),
  content: Type.String({ minLength: 1, description: '服务内容: what the service does.' }),
  channel: Type.Union([Type.Literal('online'), Type.Literal('offline'), Type.Literal('both')], {
    description: '服务形式: online (网上办), offline (窗口办) or both.',
  }),
  channelNote: Type.Optional(Type.String({ description: 'Where and how to apply, in words (system name, window address).' })),
  department: Type.Object(
    {
      name: Type.String({ minLength: 1, description: 'Name of the implementing department.' }),
      uscc: Type.Optional(Type.String({ pattern: '^[0-9A-HJ-NPQRTUWXY]{18}$', description: 'Its unified social credit code.' })),
    },
    { additionalProperties: false, description: '实施部门: the body that delivers the service.' },
  ),
  legalBasis: Type.Array(Type.String({ minLength: 1, description: 'One law, rule or standard.' }), {
    description: '设定依据: the legal basis.',
  }),
  conditions: Type.Optional(Type.Array(Type.String({ description: 'One condition.' }), { description: '受理条件: conditions for acceptance.' })),
  refusalGrounds: Type.Optional(
    Type.Array(Type.String({ description: 'One ground.' }), { description: '不予受理/不予登记情形: grounds for refusal.' }),
  ),
  timeLimit: Limit,
  fee: Fee,
  steps: Type.Array(GuideStep, { description: '办理流程 as the guide prints it, one entry per stage.' }),
  contact: Type.Optional(
    Type.Object(
      {
        phone: Type.Optional(Type.String({ description: 'Telephone for enquiries.' })),
        address: Type.Optional(Type.String({ description: 'Address of the service window.' })),
        hours: Type.Optional(Type.String({ description: 'Office hours.' })),
      },
      { additionalProperties: false, description: '咨询方式: how to reach the department.' },
    ),
  ),
  form: refTo('Form', 'the applicant fills in'),
  checklist: refTo('Checklist', 'listing the materials to supply'),
  workflow: refTo('Workflow', 'the case follows'),
  guide: refTo('Template', 'that renders the service guide (办事指南)'),
  notices: Type.Optional(
    Type.Record(Type.String({ description: 'Template id named by the workflow.' }), refTo('Template', 'used instead'), {
      description: 'Replaces a notice template the workflow names with this item\'s own (template id → template id).',
    }),
  ),
  keywords: Type.Optional(Type.Array(Type.String(), { description: 'Search words for the portal.' })),
};

/** The name of one field a template may lock: any body field; the header's identity fields are never localized anyway. */
// A string enum, not TypeBox's KeyOf (a union of one literal per field): with every error
// collected, each wrong entry of a union costs one error per field, and a fuzzed list of 10,000
// wrong entries took Ajv seconds; an enum reports one error per entry.
export const LockableField = Type.Unsafe<keyof typeof itemFields>({
  type: 'string',
  enum: Object.keys(itemFields),
  description: 'Name of a top-level field of the item, e.g. "legalBasis".',
});
export type LockableField = Static<typeof LockableField>;

export const ServiceItem = kindObject(
  {
    kind,
    schemaVersion,
    id,
    version,
    ...itemFields,
    extends: Type.Optional(ItemExtends),
    eligibility: Type.Optional(
      Type.Array(EligibilityCondition, {
        description:
          '受理条件 as rules over the form data: on submit every unmet one is listed in the one-time notice beside the missing materials, ' +
          'and the case goes where a case with missing materials goes.',
      }),
    ),
    locked: Type.Optional(
      Type.Array(LockableField, {
        uniqueItems: true,
        description:
          'Fields a platform adopting this item (publishing its own version under the same id) must keep exactly as they are here, ' +
          'and must keep locked for the platforms below it. An unlocked timeLimit may only be tightened: same unit, no more units.',
      }),
    ),
  },
  '服务事项: one service an applicant can ask for, with its guide facts and the form, checklist, workflow and guide it uses.',
);
export type ServiceItem = Static<typeof ServiceItem>;
