import { Type, type Static } from '@sinclair/typebox';
import { header, Key, kindObject, Limit, refTo, Rule, Text } from './common.js';

export const Role = Type.Union(
  [
    Type.Literal('applicant'),
    Type.Literal('staff'),
    Type.Literal('platform-admin'),
    Type.Literal('province-admin'),
    Type.Literal('auditor'),
  ],
  { description: 'A role: applicant (申请人), staff (工作人员), platform-admin, province-admin, auditor (监督员).' },
);
export type Role = Static<typeof Role>;

export const Recipient = Type.Union(
  [Type.Literal('applicant'), Type.Literal('assignee'), Type.Literal('staff'), Type.Literal('supervisor')],
  { description: 'Who receives it: the applicant, the assigned staff member, all staff of the platform, or its supervisors (platform admins).' },
);
export type Recipient = Static<typeof Recipient>;

export const Channel = Type.Union(
  [Type.Literal('inApp'), Type.Literal('email'), Type.Literal('sms'), Type.Literal('wechat')],
  { description: 'Delivery channel: in-app message, e-mail, SMS or WeChat.' },
);
export type Channel = Static<typeof Channel>;

/** Where a clock or task takes its limit: a fixed limit, or a named source resolved at run time. */
export const LimitSource = Type.Union(
  [
    Limit,
    Type.Object(
      {
        from: Type.Union([Type.Literal('item.timeLimit'), Type.Literal('platform.rectification')], {
          description: "The item's promised time limit (承诺时限), or the platform's rectification limit for bad reviews.",
        }),
      },
      { additionalProperties: false, description: 'A limit taken from the item or the platform at run time.' },
    ),
  ],
  { description: 'A time limit, given here or taken from the item or platform.' },
);
export type LimitSource = Static<typeof LimitSource>;

const when = Type.Optional(Rule);

export const Effect = Type.Union(
  [
    Type.Object(
      {
        notify: refTo('Template', 'rendered as the message (the item may replace it through "notices")'),
        to: Recipient,
        channels: Type.Optional(Type.Array(Channel, { minItems: 1, description: 'Channels to use; default in-app only.' })),
        when,
      },
      { additionalProperties: false, description: 'Send a notice rendered from a template.' },
    ),
    Type.Object(
      {
        assign: Type.Union([Type.Literal('actor'), Type.Literal('none')], {
          description: 'Assign the case to the staff member acting, or clear the assignment.',
        }),
        when,
      },
      { additionalProperties: false, description: 'Change who the case is assigned to.' },
    ),
    Type.Object(
      {
        set: Key,
        from: Type.String({ minLength: 1, description: 'A path in the rule context to copy from, e.g. "command.result".' }),
        when,
      },
      { additionalProperties: false, description: 'Set a case field from the command or the case.' },
    ),
    Type.Object(
      { startClock: Key, limit: LimitSource, when },
      { additionalProperties: false, description: 'Start a clock (e.g. the promised time limit) that warns and escalates when due.' },
    ),
    Type.Object({ pauseClock: Key, when }, { additionalProperties: false, description: 'Pause a clock (e.g. while the applicant supplements).' }),
    Type.Object({ resumeClock: Key, when }, { additionalProperties: false, description: 'Resume a paused clock; its due date moves by the time paused.' }),
    Type.Object({ stopClock: Key, when }, { additionalProperties: false, description: 'Stop a clock: it no longer warns.' }),
    Type.Object(
      {
        openTask: Key,
        title: Text,
        limit: LimitSource,
        to: Type.Optional(Recipient),
        when,
      },
      { additionalProperties: false, description: 'Open a follow-up task (e.g. rectification after a bad review) with a due date.' },
    ),
    Type.Object(
      { urge: Recipient, when },
      { additionalProperties: false, description: '催告: urge the responsible person; recorded on the timeline and sent as a notice.' },
    ),
  ],
  { description: 'Something that happens as a result: notify, assign, set, start/pause/resume/stop a clock, open a task, urge.' },
);
export type Effect = Static<typeof Effect>;

/** One indicator an evaluation rates beside its overall level (GB/T 39735: 服务态度, 办事效率 …). */
export const EvaluationIndicator = Type.Object(
  {
    key: Key,
    title: Text,
    isRequired: Type.Optional(
      Type.Boolean({ description: 'The applicant must rate it; by default an indicator may be left unrated (only the overall level is required).' }),
    ),
  },
  { additionalProperties: false, description: 'An evaluation indicator, rated 1–5 like the level (payload "indicators": { key: level }).' },
);
export type EvaluationIndicator = Static<typeof EvaluationIndicator>;

export const Action = Type.Object(
  {
    title: Text,
    to: Key,
    roles: Type.Array(Role, { minItems: 1, description: 'Roles allowed to take this action (the applicant role means the case\'s own applicant).' }),
    when: Type.Optional(Rule),
    whenMessage: Type.Optional(Text),
    requires: Type.Optional(
      Type.Array(Key, { description: 'Payload fields the actor must give, e.g. ["reason"], ["note"], ["result"].' }),
    ),
    acceptsMaterials: Type.Optional(Type.Boolean({ description: 'The actor may upload materials with this action (submit, supplement).' })),
    acceptsVerdicts: Type.Optional(Type.Boolean({ description: 'The actor may give material verdicts (ok / deficient) with this action.' })),
    isEvaluation: Type.Optional(
      Type.Boolean({
        description:
          'This action is the applicant\'s evaluation (好差评): its payload needs a level 1–5. One evaluation per step and case; an action whose "to" is its own step lets the case stay (e.g. 受理评价 while the service runs).',
      }),
    ),
    indicators: Type.Optional(
      Type.Array(EvaluationIndicator, { minItems: 1, description: 'Indicators the evaluation rates 1–5 beside the level (only on an evaluation action; keys unique).' }),
    ),
    effects: Type.Optional(Type.Array(Effect, { description: 'Effects of taking the action, in order.' })),
  },
  { additionalProperties: false, description: 'An action (transition) from one step to another.' },
);
export type Action = Static<typeof Action>;

export const Branch = Type.Object(
  {
    to: Key,
    when: Type.Optional(Rule),
    effects: Type.Optional(Type.Array(Effect, { description: 'Effects when this branch is taken.' })),
  },
  { additionalProperties: false, description: 'An automatic transition, taken when its rule holds (the first that holds wins).' },
);
export type Branch = Static<typeof Branch>;

export const Stage = Type.Union(
  [Type.Literal('consult'), Type.Literal('accept'), Type.Literal('implement'), Type.Literal('feedback'), Type.Literal('supervise')],
  { description: 'Stage of the standard flow the step belongs to: 服务咨询, 申请受理, 服务实施, 结果反馈, 质量监督.' },
);
export type Stage = Static<typeof Stage>;

export const Outcome = Type.Union(
  [Type.Literal('completed'), Type.Literal('rejected'), Type.Literal('withdrawn')],
  { description: 'How a case that ends here ended.' },
);

export const Step = Type.Object(
  {
    title: Text,
    stage: Type.Optional(Stage),
    isFinal: Type.Optional(Type.Boolean({ description: 'The case ends here.' })),
    outcome: Type.Optional(Outcome),
    onEnter: Type.Optional(Type.Array(Effect, { description: 'Effects when a case enters the step.' })),
    next: Type.Optional(Type.Array(Branch, { minItems: 1, description: 'Automatic transitions, tried in order on entering the step.' })),
    actions: Type.Optional(Type.Record(Key, Action, { description: 'Actions available in this step, by name.' })),
    limit: Type.Optional(LimitSource),
    warnAt: Type.Optional(
      Type.Number({ exclusiveMinimum: 0, exclusiveMaximum: 1, description: 'Warn when this share of the limit has passed (e.g. 0.8).' }),
    ),
    onWarn: Type.Optional(Type.Array(Effect, { description: 'Effects of the early warning.' })),
    onOverdue: Type.Optional(Type.Array(Effect, { description: 'Effects when the step limit passes: 示警 and 催告.' })),
  },
  { additionalProperties: false, description: 'One step of the flow.' },
);
export type Step = Static<typeof Step>;

export const Workflow = kindObject(
  {
    ...header('Workflow', 'workflow'),
    start: Key,
    steps: Type.Record(Key, Step, { description: 'The steps, by name.' }),
  },
  'Workflow: the steps a case goes through, the actions between them, and their effects and limits.',
);
export type Workflow = Static<typeof Workflow>;
