/** The platform registry (名录): tree, one platform with history, status changes, awards, name checks. */
import { Type } from '@sinclair/typebox';
import type { PlatformLevel } from '../../engine/kinds/platform-level.js';
import {
  AwardRequestSchema,
  AwardSchema,
  NameCheckResultSchema,
  NameCheckSchema,
  RegistryNodeSchema,
  RegistryPlatformSchema,
  StatusChangeSchema,
} from '../http/registry-schemas.js';
import { actorOf, defineRoute } from '../http/route.js';
import { awardModuleAs, changeStatusAs, checkNameAs, registryPlatform, registryTree } from '../operations/registry.js';

const idOf = (params: unknown): string => (params as { id: string }).id;

export const registryRoutes = [
  defineRoute({
    method: 'get',
    path: '/api/network/platforms',
    summary: 'The platform registry as a tree by parentId: the province admin sees every platform, a platform admin its own subtree',
    tag: 'network',
    access: ['province-admin', 'platform-admin'],
    responses: { 200: Type.Object({ platforms: Type.Array(RegistryNodeSchema) }) },
    async handler(context) {
      return { body: { platforms: await registryTree(context.services, actorOf(context)) } };
    },
  }),
  defineRoute({
    method: 'get',
    path: '/api/network/platforms/:id',
    summary: 'One registered platform with its awards and status history',
    tag: 'network',
    access: ['province-admin'],
    responses: { 200: RegistryPlatformSchema },
    async handler(context) {
      return { body: await registryPlatform(context.services, idOf(context.req.params)) };
    },
  }),
  defineRoute({
    method: 'post',
    path: '/api/network/platforms/:id/status',
    summary: 'Move a platform to the next status of its lifecycle (摘牌 is to: delisted; a delisted one is re-accepted before it is listed again)',
    tag: 'network',
    access: ['province-admin'],
    body: StatusChangeSchema,
    responses: { 200: RegistryPlatformSchema },
    async handler(context) {
      const body = context.req.body as { to: string; reason: string };
      return { body: await changeStatusAs(context.services, actorOf(context), idOf(context.req.params), body) };
    },
  }),
  defineRoute({
    method: 'post',
    path: '/api/network/platforms/:id/awards',
    summary: 'Award a service module (授牌) to a listed platform; the title is checked against the award rule',
    tag: 'network',
    access: ['province-admin'],
    body: AwardRequestSchema,
    responses: { 201: AwardSchema },
    async handler(context) {
      const body = context.req.body as { title: string; module: string };
      return { status: 201, body: await awardModuleAs(context.services, actorOf(context), idOf(context.req.params), body) };
    },
  }),
  defineRoute({
    method: 'post',
    path: '/api/network/names/check',
    summary: 'Check a platform name against the naming rule of its level (for live checks in forms)',
    tag: 'network',
    access: 'signedIn',
    body: NameCheckSchema,
    responses: { 200: NameCheckResultSchema },
    async handler(context) {
      const body = context.req.body as { level: PlatformLevel; name: string };
      return { body: await checkNameAs(context.services, actorOf(context), body) };
    },
  }),
];
