/** Schemas of the upgrade of a localized service item (GET/POST /api/definitions/ServiceItem/:id/upgrade). */
import { Type } from '@sinclair/typebox';
import { ChangeSchema, DefinitionSummarySchema, ProblemItemSchema } from './schemas.js';

const PinSchema = Type.Object({
  platform: Type.String({ description: 'The platform whose version it is' }),
  version: Type.Integer({ description: 'Its version number' }),
});

const FieldChangeSchema = Type.Object({
  field: Type.String({ description: 'A top-level field of the item, e.g. "legalBasis"' }),
  from: Type.Optional(Type.Unknown({ description: 'The value in the version the localization was made from' })),
  to: Type.Optional(Type.Unknown({ description: 'upstream: the value in the new version' })),
  local: Type.Optional(Type.Unknown({ description: "overrides: the platform's own value" })),
  locked: Type.Optional(Type.Boolean({ description: 'upstream: whether the new version locks the field' })),
  changes: Type.Array(ChangeSchema, { description: 'What changed inside the field, paths from the item root' }),
});

const ConflictSchema = Type.Object({
  field: Type.String(),
  upstream: Type.Optional(Type.Unknown({ description: "The new version's value" })),
  local: Type.Optional(Type.Unknown({ description: "The platform's own value" })),
  resolution: Type.Union([Type.Literal('keepLocal'), Type.Literal('takeUpstream')]),
  reason: Type.Union([Type.Literal('bothChanged'), Type.Literal('locked'), Type.Literal('tightenOnly')], {
    description: 'bothChanged: both changed an unlocked field, the local value is kept; locked: the new version locks it; tightenOnly: the kept time limit would be longer than the new one',
  }),
});

export const UpgradePlanSchema = Type.Object({
  from: PinSchema,
  to: PinSchema,
  upToDate: Type.Boolean({ description: 'True when the localization was made from the latest version above' }),
  upstream: Type.Array(FieldChangeSchema, { description: 'Fields the platform above changed from `from` to `to`' }),
  overrides: Type.Array(FieldChangeSchema, { description: 'Fields the platform changed from `from`' }),
  conflicts: Type.Array(ConflictSchema),
  merged: Type.Unknown({ description: 'The item the upgrade saves as the draft: `to` with the kept overrides, extends = `to`' }),
});

export const UpgradeBodySchema = Type.Object(
  { to: Type.Integer({ minimum: 1, description: 'The version of the platform above to upgrade to: the latest, as the plan named it' }) },
  { additionalProperties: false },
);

export const UpgradeResultSchema = Type.Object({
  draft: Type.Intersect([DefinitionSummarySchema, Type.Object({ body: Type.Unknown() })]),
  problems: Type.Array(ProblemItemSchema, { description: 'What would block publishing the draft' }),
  plan: UpgradePlanSchema,
});
