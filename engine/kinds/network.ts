/**
 * The `network` part of a Platform document: how platforms below it are named (挂牌), how the
 * working bodies it awards are titled (授牌), and which of its service items registers new
 * platforms (the construction application) with the steps that move a platform's status.
 * All of it is data: the engine checks names against these rules without knowing any of them.
 */
import { Type, type Static } from '@sinclair/typebox';
import { refTo, Text } from './common.js';
import { PlatformLevel } from './platform-level.js';

/** An anchored, length-limited regular expression (Unicode mode) over a whole name. */
export const NamePattern = Type.String({
  minLength: 3,
  maxLength: 300,
  pattern: '^\\^.*\\$$',
  description: 'A regular expression (JavaScript, Unicode mode) the whole name must match: it starts with ^ and ends with $.',
});

export const NameMistake = Type.Object(
  {
    pattern: Type.String({ minLength: 1, maxLength: 300, description: 'A regular expression; when it finds a match in a name that breaks the rule, the hint is shown.' }),
    hint: Text,
  },
  { additionalProperties: false, description: 'A common mistake and the hint that fixes it.' },
);
export type NameMistake = Static<typeof NameMistake>;

const ruleFields = {
  pattern: NamePattern,
  example: Type.String({ minLength: 1, maxLength: 100, description: 'A name that follows the rule, quoted in messages.' }),
  rule: Text,
  mistakes: Type.Optional(Type.Array(NameMistake, { description: 'Common mistakes with a specific hint each, tried in order.' })),
};

export const NamingRule = Type.Object(
  {
    levels: Type.Array(PlatformLevel, { minItems: 1, uniqueItems: true, description: 'The levels whose platform names follow this rule.' }),
    ...ruleFields,
  },
  { additionalProperties: false, description: '挂牌: the naming rule of platforms of some levels.' },
);
export type NamingRule = Static<typeof NamingRule>;

export const AwardRule = Type.Object(
  {
    levels: Type.Optional(Type.Array(PlatformLevel, { minItems: 1, uniqueItems: true, description: 'Levels of platforms that may receive awards; any when absent.' })),
    ...ruleFields,
  },
  { additionalProperties: false, description: '授牌: how the title of a working body awarded a service module is formed.' },
);
export type AwardRule = Static<typeof AwardRule>;

export const RegistryStatus = Type.Union(
  [Type.Literal('applied'), Type.Literal('approved'), Type.Literal('accepted'), Type.Literal('listed'), Type.Literal('delisted')],
  { description: 'Registry status: applied (申请), approved (纳入建设计划), accepted (验收合格), listed (挂牌运行), delisted (摘牌).' },
);
export type RegistryStatus = Static<typeof RegistryStatus>;

export const Construction = Type.Object(
  {
    item: refTo('ServiceItem', 'of this platform through which a new platform applies (建设申请)'),
    fields: Type.Object(
      {
        level: Type.String({ minLength: 1, description: 'Form field holding the level (city, park, workstation …).' }),
        name: Type.String({ minLength: 1, description: 'Form field holding the proposed name.' }),
        parent: Type.String({ minLength: 1, description: 'Form field holding the parent platform id.' }),
        regionCode: Type.String({ minLength: 1, description: 'Form field holding the GB/T 2260 region code.' }),
        regionName: Type.String({ minLength: 1, description: 'Form field holding the region name.' }),
        operatorName: Type.String({ minLength: 1, description: 'Form field holding the operator (建设主体) name.' }),
        operatorUscc: Type.String({ minLength: 1, description: 'Form field holding the operator USCC.' }),
      },
      { additionalProperties: false, description: 'Which form fields (top-level names) carry the new platform\'s facts.' },
    ),
    statusBySteps: Type.Object(
      {
        applied: Type.String({ minLength: 1, description: 'Entering this workflow step registers the platform as applied (after acceptance).' }),
        approved: Type.String({ minLength: 1, description: 'Entering this step marks it approved (纳入建设计划).' }),
        accepted: Type.String({ minLength: 1, description: 'Entering this step marks it accepted (验收合格).' }),
        listed: Type.String({ minLength: 1, description: 'Entering this step lists it (挂牌运行).' }),
      },
      { additionalProperties: false, description: 'Workflow step ids of the item whose entry moves the registry status.' },
    ),
  },
  { additionalProperties: false, description: 'The construction application: the item and the steps that drive the registry.' },
);
export type Construction = Static<typeof Construction>;

export const Network = Type.Object(
  {
    naming: Type.Array(NamingRule, { description: 'Naming rules by level (挂牌命名规则).' }),
    awards: Type.Optional(AwardRule),
    construction: Type.Optional(Construction),
  },
  { additionalProperties: false, description: 'Rules of the network under this platform: names, awards, construction.' },
);
export type Network = Static<typeof Network>;
