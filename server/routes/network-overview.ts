/** The province's view of its network: figures per platform and template adoption, aggregates only. */
import { Type } from '@sinclair/typebox';
import { actorOf, defineRoute } from '../http/route.js';
import { networkOverview } from '../operations/network-overview.js';

const Count = Type.Integer({ minimum: 0 });

const NetworkPlatformSchema = Type.Object({
  id: Type.String(),
  title: Type.String(),
  level: Type.String(),
  parent: Type.Union([Type.String(), Type.Null()]),
  status: Type.String({ description: 'Registry status (applied, approved, accepted, listed, delisted)' }),
  cases: Type.Object({
    total: Count,
    thisYear: Count,
    completed: Count,
    completedOnTime: Count,
    onTimeRate: Type.Union([Type.Number({ minimum: 0, maximum: 1 }), Type.Null()], { description: 'completedOnTime / completed; null without completed cases' }),
    overdueOpen: Count,
  }),
});

const VersionRef = Type.Object({ platform: Type.String(), version: Type.Integer({ minimum: 1 }) });

const NetworkTemplateSchema = Type.Object({
  id: Type.String(),
  title: Type.Unknown({ description: 'The item title (Text)' }),
  platform: Type.String(),
  latestVersion: Type.Integer({ minimum: 1 }),
  adopters: Type.Array(
    Type.Object({
      platform: Type.String(),
      version: Type.Integer({ minimum: 1 }),
      extends: Type.Union([VersionRef, Type.Null()]),
      upstreamLatest: Type.Union([Type.Integer({ minimum: 1 }), Type.Null()]),
      isOutdated: Type.Union([Type.Boolean(), Type.Null()]),
    }),
  ),
});

export const networkOverviewRoutes = [
  defineRoute({
    method: 'get',
    path: '/api/network/overview',
    summary: "The caller's platform and those below it: case figures per platform (counts only) and template adoption",
    tag: 'network',
    access: ['province-admin', 'platform-admin'],
    responses: {
      200: Type.Object({
        asOf: Type.String({ description: 'The instant the figures were counted at (ISO 8601)' }),
        year: Type.Integer(),
        root: Type.String(),
        platforms: Type.Array(NetworkPlatformSchema),
        templates: Type.Array(NetworkTemplateSchema),
      }),
    },
    async handler(context) {
      return { body: await networkOverview(context.services, actorOf(context)) };
    },
  }),
];
