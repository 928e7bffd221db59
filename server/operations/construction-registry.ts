/**
 * The construction application drives the registry. The platform's `network.construction`
 * names the item, the form fields that carry the new platform's facts and the workflow steps
 * whose entry moves its status; this module reacts, inside the transaction that records the
 * case decision, so a case step and its registry change commit (or fail) together. Nothing here
 * knows the item: it is all read from that data.
 */
import type { Knex } from 'knex';
import type { Construction, RegistryStatus } from '../../engine/kinds/network.js';
import type { PlatformLevel } from '../../engine/kinds/platform-level.js';
import { checkPlatformName } from '../../engine/network/index.js';
import type { Bundle } from '../../engine/runtime/bundle.js';
import type { Actor, Case } from '../../engine/runtime/case.js';
import type { CaseEvent } from '../../engine/runtime/decision.js';
import { textOf } from '../../engine/text.js';
import { getRegistryEntry, listRegistry, registerPlatform, registryEntryOfCase } from '../../storage/platform-registry.js';
import { Failure } from '../http/failure.js';
import type { Services } from '../services.js';
import { moveStatus } from './registry.js';

const ORDER: ReadonlyArray<keyof Construction['statusBySteps']> = ['applied', 'approved', 'accepted', 'listed'];

export interface CaseDecisionFacts {
  services: Services;
  actor: Actor;
  bundle: Bundle;
  /** The case as stored after the decision. */
  kase: Case;
  events: CaseEvent[];
}

/** Steps the decision entered, in order (automatic moves included). */
function enteredSteps(events: CaseEvent[]): string[] {
  return events.flatMap((e) => {
    const data = e.data as { from?: unknown; to?: unknown };
    return (e.type === 'case.moved' || e.type === 'case.acted') && typeof data.to === 'string' && data.to !== data.from ? [data.to] : [];
  });
}

const field = (kase: Case, name: string): string => {
  const value = kase.data[name];
  return typeof value === 'string' ? value : '';
};

/** Refuses a proposed name that breaks the naming rule of its level (422, at /data/<field>). */
function checkName(facts: CaseDecisionFacts, construction: Construction): void {
  const network = facts.bundle.platform.network;
  if (network === undefined) return;
  const { fields } = construction;
  const problems = checkPlatformName(network, { level: field(facts.kase, fields.level) as PlatformLevel, name: field(facts.kase, fields.name), path: `/data/${fields.name}` });
  if (problems.length > 0) throw Failure.fromProblems(problems);
}

async function register(tx: Knex.Transaction, facts: CaseDecisionFacts, construction: Construction): Promise<void> {
  const { kase, services } = facts;
  const { fields } = construction;
  checkName(facts, construction);
  const title = field(kase, fields.name);
  const parentId = field(kase, fields.parent);
  if (!(await getRegistryEntry(tx, parentId))) {
    throw Failure.fromProblems([{ code: 'platform.parent-unknown', path: `/data/${fields.parent}`, message: `上级平台“${parentId}”不在平台名录中；请填写已登记平台的标识，如 ${facts.bundle.platform.id}。` }]);
  }
  const taken = (await listRegistry(tx)).find((e) => e.title === title && e.status !== 'delisted');
  if (taken) throw Failure.fromProblems([{ code: 'platform.name-taken', path: `/data/${fields.name}`, message: `名称“${title}”已由平台 ${taken.id} 使用，请核实拟挂牌名称。` }]);
  const region = { code: field(kase, fields.regionCode), name: field(kase, fields.regionName) };
  const id = `p${region.code}-${kase.id.replace(/[^0-9a-z]/g, '').slice(0, 8)}`;
  await registerPlatform(tx, {
    entry: { id, parentId, level: field(kase, fields.level), title, status: 'applied', caseId: kase.id },
    body: { region, organization: { name: field(kase, fields.operatorName), uscc: field(kase, fields.operatorUscc) }, origin: { caseId: kase.id, caseNumber: kase.number } },
    event: { id: services.newId(), by: facts.actor.id, at: services.now().toISOString(), reason: `建设申请 ${kase.number} 已受理`, caseId: kase.id },
  });
}

async function advance(tx: Knex.Transaction, facts: CaseDecisionFacts, input: { to: RegistryStatus; step: string }): Promise<void> {
  const entry = await registryEntryOfCase(tx, facts.kase.id);
  if (!entry) throw new Failure('platform.not-registered', `Case ${facts.kase.number} registered no platform, so it cannot move one to "${input.to}".`);
  const stepTitle = textOf(facts.bundle.workflow.steps[input.step]?.title) || input.step;
  await moveStatus(tx, { services: facts.services, platformId: entry.id, to: input.to, by: facts.actor.id, reason: `建设申请 ${facts.kase.number}：${stepTitle}`, caseId: facts.kase.id });
}

/**
 * Reacts to a decision on a case of the construction item: new form data past the start step
 * is name-checked; entering a step named in `statusBySteps` registers the platform (applied) or
 * moves it. Cases of other items are left alone.
 */
export async function reactToConstructionCase(tx: Knex.Transaction, facts: CaseDecisionFacts): Promise<void> {
  const construction = facts.bundle.platform.network?.construction;
  if (construction === undefined || construction.item !== facts.bundle.item.id) return;
  const hasNewData = facts.events.some((e) => e.type === 'form.updated' || e.type === 'case.created');
  if (hasNewData && facts.kase.step !== facts.bundle.workflow.start) checkName(facts, construction);
  const entered = enteredSteps(facts.events);
  for (const status of ORDER) {
    const step = construction.statusBySteps[status];
    if (!entered.includes(step)) continue;
    if (status === 'applied') await register(tx, facts, construction);
    else await advance(tx, facts, { to: status, step });
  }
}
