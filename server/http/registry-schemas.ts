/** Request and response shapes of the platform registry and the yearly assessment. */
import { Type } from '@sinclair/typebox';

const Nullable = <T extends ReturnType<typeof Type.String>>(schema: T) => Type.Union([schema, Type.Null()]);

export const StatusSchema = Type.Union(
  ['applied', 'approved', 'accepted', 'listed', 'delisted'].map((s) => Type.Literal(s)),
  { description: 'applied (申请) → approved (纳入建设计划) → accepted (验收合格) → listed (挂牌运行) → delisted (摘牌); delisted → accepted (重新验收)' },
);

export const AwardSchema = Type.Object({
  id: Type.String(),
  platformId: Type.String(),
  title: Type.String({ description: '授牌名称, as the award rule of the network requires' }),
  module: Type.String({ description: 'The service module awarded' }),
  awardedAt: Type.String(),
  awardedBy: Type.String(),
  revokedAt: Nullable(Type.String()),
});

export const RegistryNodeSchema = Type.Object({
  id: Type.String(),
  parentId: Nullable(Type.String()),
  level: Type.String({ description: 'province, city, county, park or workstation' }),
  title: Type.String(),
  status: Type.String({ description: 'Registry status' }),
  caseId: Nullable(Type.String({ description: 'The construction case that registered it' })),
  region: Type.Union([Type.Object({ code: Type.String(), name: Type.String() }), Type.Null()]),
  awards: Type.Array(AwardSchema),
});

export const PlatformEventSchema = Type.Object({
  id: Type.String(),
  platformId: Type.String(),
  from: Nullable(Type.String()),
  to: Type.String(),
  by: Type.String(),
  at: Type.String(),
  reason: Nullable(Type.String()),
  caseId: Nullable(Type.String()),
});

export const RegistryPlatformSchema = Type.Intersect([RegistryNodeSchema, Type.Object({ history: Type.Array(PlatformEventSchema) })]);

export const StatusChangeSchema = Type.Object(
  { to: StatusSchema, reason: Type.String({ minLength: 1, maxLength: 2000, description: 'Why: the acceptance finding, the delisting ground …' }) },
  { additionalProperties: false },
);

export const AwardRequestSchema = Type.Object(
  {
    title: Type.String({ minLength: 1, maxLength: 200, description: 'Checked against the award rule of the network' }),
    module: Type.String({ minLength: 1, maxLength: 100, description: 'The service module awarded, e.g. 保护' }),
  },
  { additionalProperties: false },
);

export const LevelSchema = Type.Union(['province', 'city', 'county', 'park', 'workstation'].map((s) => Type.Literal(s)));

export const NameCheckSchema = Type.Object({ level: LevelSchema, name: Type.String({ maxLength: 1000 }) }, { additionalProperties: false });

export const NameCheckResultSchema = Type.Object({
  isValid: Type.Boolean(),
  problems: Type.Array(Type.Object({ code: Type.String(), path: Type.String(), message: Type.String() }, { additionalProperties: true })),
  rule: Type.Union([Type.Object({ text: Type.String(), example: Type.String() }), Type.Null()], { description: 'The rule of the level, null when the network names none' }),
});
