/**
 * Schema fragments shared by every definition kind. Each kind file composes these;
 * the JSON meta-schemas in `definitions/schemas/` are generated from them.
 */
import { Type, type Static, type TSchema } from '@sinclair/typebox';

/** The schema version every definition of this release carries. */
export const SCHEMA_VERSION = 1;

const idOptions = { pattern: '^[a-z][a-z0-9]*(-[a-z0-9]+)*$', minLength: 2, maxLength: 64 };

export const Id = Type.String({
  ...idOptions,
  description: 'Stable identifier in kebab-case (lower-case letters, digits, single hyphens), e.g. "library-card".',
});

/** A reference to another definition by id; the description names what it points at. */
export function refTo(kind: string, use: string) {
  return Type.String({ ...idOptions, description: `Id of the ${kind} ${use}.` });
}

export const Key = Type.String({
  pattern: '^[A-Za-z][A-Za-z0-9_]*$',
  maxLength: 64,
  description: 'A name used inside one definition (step, action, material, clock), letters, digits and underscores.',
});

/** Human text: a plain Chinese string, or one per locale. */
export const Text = Type.Union(
  [
    Type.String({ minLength: 1, description: 'Text in Chinese (zh-CN), the default locale.' }),
    Type.Object(
      {
        'zh-CN': Type.String({ minLength: 1, description: 'Chinese text.' }),
        en: Type.Optional(Type.String({ description: 'English text, shown when the user picks English.' })),
      },
      { additionalProperties: false, description: 'Text per locale.' },
    ),
  ],
  { description: 'Human-readable text: a Chinese string, or an object with "zh-CN" and optional "en".' },
);
export type Text = Static<typeof Text>;

/**
 * A condition in JSON Logic (https://jsonlogic.com): `true`, `false`, or an object with exactly one operator.
 * Rules are data; they are evaluated by json-logic-js and never by eval.
 */
export const Rule = Type.Unsafe<RuleValue>({
  description: 'A JSON Logic rule: true, false, or an object with one operator, e.g. {"==": [{"var": "form.agent"}, true]}.',
  anyOf: [{ type: 'boolean' }, { type: 'object', minProperties: 1, maxProperties: 1 }],
});
export type RuleValue = boolean | { [operator: string]: unknown };

export const LimitUnit = Type.Union(
  [Type.Literal('workingDay'), Type.Literal('calendarDay'), Type.Literal('month'), Type.Literal('hour')],
  { description: 'Unit of a time limit: working days (工作日), calendar days (自然日), calendar months, or hours.' },
);
export type LimitUnit = Static<typeof LimitUnit>;

export const Limit = Type.Object(
  {
    value: Type.Integer({ minimum: 1, maximum: 3650, description: 'How many units the limit allows.' }),
    unit: LimitUnit,
    note: Type.Optional(Type.String({ description: 'When the limit starts or pauses, in words (e.g. 自缺陷完全消除之日起算).' })),
  },
  { additionalProperties: false, description: 'A time limit: a number of units.' },
);
export type Limit = Static<typeof Limit>;

/** The header every definition document carries. */
export function header<K extends string>(kind: K, what: string) {
  return {
    kind: Type.Literal(kind, { description: `Definition kind; always "${kind}".` }),
    schemaVersion: Type.Literal(SCHEMA_VERSION, { description: 'Version of the meta-schema this document follows.' }),
    id: Id,
    version: Type.Integer({ minimum: 1, description: `Version of this ${what}; a published version never changes.` }),
    title: Text,
    description: Type.Optional(Text),
  };
}

/** A definition's kind-specific body, closed to unknown properties so typos are caught. */
export function kindObject<P extends Record<string, TSchema>>(properties: P, description: string) {
  return Type.Object(properties, { additionalProperties: false, description });
}
