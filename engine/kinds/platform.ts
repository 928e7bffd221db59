import { Type, type Static } from '@sinclair/typebox';
import { header, kindObject, Limit, refTo } from './common.js';
import { Network } from './network.js';
import { PlatformLevel } from './platform-level.js';

export { PlatformLevel } from './platform-level.js';

export const DatedEntry = Type.Object(
  {
    date: Type.String({ format: 'date', description: 'The day, YYYY-MM-DD.' }),
    name: Type.String({ minLength: 1, description: 'Why (holiday name, closure reason).' }),
  },
  { additionalProperties: false, description: 'A named day.' },
);

const remindBefore = (what: string, byDefault: number) =>
  Type.Optional(
    Type.Integer({
      minimum: 0,
      maximum: 30,
      description: `Working days before the due date of ${what} when its assignees get one reminder (催办), on the platform calendar; 0 sends none. Default ${byDefault}.`,
    }),
  );

const escalate = (what: string) =>
  Type.Optional(
    Type.Boolean({
      description: `When ${what} is still open at its due time, escalate it once (督办): marked overdue and notified to this platform's admins and its parent platform's. Default true.`,
    }),
  );

/** The rectification limit of a bad review (整改时限) with its reminder and escalation. */
export const RectificationSettings = Type.Object(
  {
    ...Limit.properties,
    remindBefore: remindBefore('a rectification task', 3),
    escalate: escalate('a rectification task'),
  },
  { additionalProperties: false, description: 'Rectification after a bad review (差评整改): the time limit, the reminder before it and the escalation when it is missed.' },
);

/** Follow-up visits (回访) of the cases with a good review. */
export const FollowUpSettings = Type.Object(
  {
    sampleRate: Type.Optional(
      Type.Integer({
        minimum: 0,
        maximum: 100,
        description: 'Percent of the cases rated 3–5 (基本满意 and better) at their closing evaluation that get a follow-up visit task; picked by the case number\'s sample number (0–99) below it. Default 10.',
      }),
    ),
    remindBefore: remindBefore('a follow-up task', 1),
    escalate: escalate('a follow-up task'),
  },
  { additionalProperties: false, description: 'Follow-up visits (回访规则): every bad review is visited through its rectification; this samples the rest.' },
);

export const Platform = kindObject(
  {
    ...header('Platform', 'platform'),
    level: PlatformLevel,
    parent: Type.Optional(refTo('Platform', 'one level up')),
    region: Type.Object(
      {
        code: Type.String({ pattern: '^[0-9]{6}$', description: 'GB/T 2260 region code.' }),
        name: Type.String({ minLength: 1, description: 'Region name, e.g. 绵阳.' }),
      },
      { additionalProperties: false, description: 'The region the platform serves.' },
    ),
    organization: Type.Object(
      {
        name: Type.String({ minLength: 1, description: 'The body that runs the platform.' }),
        uscc: Type.String({ pattern: '^[0-9A-HJ-NPQRTUWXY]{18}$', description: 'Its unified social credit code.' }),
      },
      { additionalProperties: false, description: '建设主体: who runs it.' },
    ),
    conditions: Type.Optional(
      Type.Object(
        {
          areaM2: Type.Number({ minimum: 0, description: 'Floor area of the workplace in m².' }),
          staff: Type.Integer({ minimum: 0, description: 'Number of staff.' }),
          computers: Type.Integer({ minimum: 0, description: 'Number of computers.' }),
        },
        { additionalProperties: false, description: 'Construction conditions (建设条件) as declared.' },
      ),
    ),
    contact: Type.Optional(
      Type.Object(
        {
          phone: Type.Optional(Type.String({ description: 'Service telephone.' })),
          address: Type.Optional(Type.String({ description: 'Address of the service hall.' })),
          hours: Type.Optional(Type.String({ description: 'Office hours.' })),
        },
        { additionalProperties: false, description: 'How applicants reach the platform.' },
      ),
    ),
    lists: Type.Array(refTo('ServiceList', 'the platform publishes'), { description: 'The lists the platform publishes, in order.' }),
    settings: Type.Object(
      {
        rectification: RectificationSettings,
        followUp: Type.Optional(FollowUpSettings),
        // How long staff have to answer a complaint or suggestion (投诉与建议); default 3 working days (docs/feedback.md).
        feedbackAnswer: Type.Optional(Limit),
        evaluationAppeal: Type.Optional(
          Type.Object(Limit.properties, {
            additionalProperties: false,
            description: 'How long after a review staff may appeal it as mistaken or malicious (申诉复核), counted on the platform calendar. Default 5 working days.',
          }),
        ),
        closures: Type.Optional(Type.Array(DatedEntry, { description: 'Local closures: extra days off for this platform.' })),
        extraWorkdays: Type.Optional(Type.Array(DatedEntry, { description: 'Local extra working days.' })),
      },
      { additionalProperties: false, description: 'Run-time settings of the platform.' },
    ),
    network: Type.Optional(Network),
  },
  'Platform: one public service platform of the network, its region, operator and settings.',
);
export type Platform = Static<typeof Platform>;
