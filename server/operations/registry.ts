/**
 * The platform registry (名录) as the province and platform admins use it: the tree, one
 * platform with its history, status changes along the lifecycle, module awards (授牌) and the
 * live name check. Lifecycle and naming rules are the engine's; every change is one transaction.
 */
import type { PlatformLevel } from '../../engine/kinds/platform-level.js';
import type { RegistryStatus } from '../../engine/kinds/network.js';
import { checkAwardTitle, checkPlatformName, checkStatusChange, isRegistryStatus, namingRuleFor } from '../../engine/network/index.js';
import type { Actor } from '../../engine/runtime/case.js';
import type { Knex } from 'knex';
import {
  changePlatformStatus,
  getRegistryEntry,
  insertAward,
  listAwards,
  listRegistry,
  platformHistory,
  type PlatformAward,
  type PlatformEvent,
  type RegistryEntry,
} from '../../storage/platform-registry.js';
import { Failure } from '../http/failure.js';
import type { Services } from '../services.js';
import { networkRules } from './network-rules.js';
import { textOf } from '../../engine/text.js';

export interface RegistryNode extends RegistryEntry {
  awards: PlatformAward[];
}

/** `rootId` and every platform below it. */
export function subtreeOf(entries: RegistryEntry[], rootId: string): RegistryEntry[] {
  const inTree = new Set([rootId]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const e of entries) {
      if (e.parentId !== null && inTree.has(e.parentId) && !inTree.has(e.id)) {
        inTree.add(e.id);
        grew = true;
      }
    }
  }
  return entries.filter((e) => inTree.has(e.id));
}

/**
 * The registry as a flat list with parents (a tree by `parent`): the province admin sees every
 * platform, a platform admin its own platform and those below it.
 */
export async function registryTree(services: Services, actor: Actor): Promise<RegistryNode[]> {
  const all = await listRegistry(services.db.knex);
  const visible = actor.roles.includes('province-admin') ? all : subtreeOf(all, actor.platformId);
  const awards = await listAwards(services.db.knex, visible.map((e) => e.id));
  return visible.map((e) => ({ ...e, awards: awards.filter((a) => a.platformId === e.id) }));
}

export async function registryPlatform(services: Services, id: string): Promise<RegistryNode & { history: PlatformEvent[] }> {
  const entry = await getRegistryEntry(services.db.knex, id);
  if (!entry) throw Failure.notFound('Platform', id);
  return { ...entry, awards: await listAwards(services.db.knex, [id]), history: await platformHistory(services.db.knex, id) };
}

/**
 * Moves a registered platform one legal step, inside `tx`: refuses an illegal step with the
 * lifecycle's problem, and a change that raced another with 409.
 */
export async function moveStatus(
  tx: Knex.Transaction,
  input: { services: Services; platformId: string; to: RegistryStatus | string; by: string; reason: string | null; caseId: string | null },
): Promise<void> {
  const entry = await getRegistryEntry(tx, input.platformId);
  if (!entry) throw Failure.notFound('Platform', input.platformId);
  const from = isRegistryStatus(entry.status) ? entry.status : 'listed';
  const problems = checkStatusChange(from, input.to);
  if (problems.length > 0) throw Failure.fromProblems(problems);
  const event = { id: input.services.newId(), platformId: entry.id, from, to: input.to, by: input.by, at: input.services.now().toISOString(), reason: input.reason, caseId: input.caseId };
  if (!(await changePlatformStatus(tx, event))) {
    throw new Failure('platform.status-conflict', `Platform "${entry.id}" changed status while this change was made; reload it and try again.`);
  }
}

/** The province admin moves a platform's status by hand (e.g. 摘牌, or re-acceptance after it). */
export async function changeStatusAs(services: Services, actor: Actor, platformId: string, input: { to: string; reason: string }) {
  if (input.reason.trim() === '') throw Failure.fromProblems([{ code: 'platform.reason-missing', path: '/reason', message: '请填写状态变更的原因（如验收结论、摘牌理由）。' }]);
  await services.db.transaction((tx) => moveStatus(tx, { services, platformId, to: input.to, by: actor.id, reason: input.reason, caseId: null }));
  return registryPlatform(services, platformId);
}

/** Awards a service module to a listed platform's working body, the title checked against the award rule. */
export async function awardModuleAs(services: Services, actor: Actor, platformId: string, input: { title: string; module: string }): Promise<PlatformAward> {
  const entry = await getRegistryEntry(services.db.knex, platformId);
  if (!entry) throw Failure.notFound('Platform', platformId);
  const { network } = await networkRules(services, actor.platformId);
  const problems = checkAwardTitle(network.awards, { level: entry.level as PlatformLevel, title: input.title });
  if (entry.status !== 'listed') problems.push({ code: 'platform.award-not-listed', path: '', message: `平台“${entry.title}”当前状态为 ${entry.status}，挂牌运行（listed）后才能授牌。` });
  if (problems.length > 0) throw Failure.fromProblems(problems);
  const award = { id: services.newId(), platformId, title: input.title, module: input.module, awardedAt: services.now().toISOString(), awardedBy: actor.id };
  await insertAward(services.db.knex, award);
  return { ...award, revokedAt: null };
}

/** The live name check of forms: the problems of `name` at `level`, and the rule that applies. */
export async function checkNameAs(services: Services, actor: Actor, input: { level: PlatformLevel; name: string }) {
  const { network } = await networkRules(services, actor.platformId);
  const rule = namingRuleFor(network, input.level);
  return {
    isValid: checkPlatformName(network, input).length === 0,
    problems: checkPlatformName(network, input),
    rule: rule === undefined ? null : { text: textOf(rule.rule), example: rule.example },
  };
}
