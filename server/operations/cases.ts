/**
 * Case operations: start a case, act on it, fire its timers. Each is one transaction that
 * stores the engine's decision: case row (optimistic version), events, notices, timers, tasks.
 * Routes, the worker, the CLI and tests all call these.
 */
import type { Knex } from 'knex';
import { decide } from '../../engine/runtime/decide.js';
import type { Actor, Case, FileRef, Verdict } from '../../engine/runtime/case.js';
import type { Bundle } from '../../engine/runtime/bundle.js';
import type { Command, DecideContext, TimerSpec } from '../../engine/runtime/decision.js';
import { applyDecision } from '../../storage/apply-decision.js';
import { nextCaseSequence } from '../../storage/case-numbers.js';
import { getCase } from '../../storage/cases.js';
import { attachFile } from '../../storage/files.js';
import { markTimerFired } from '../../storage/timers.js';
import { getUser } from '../../storage/users.js';
import { Failure } from '../http/failure.js';
import type { Services } from '../services.js';
import { bundleForCase, bundleForNewCase, calendarFor } from './bundles.js';
import { visibleCase } from './case-access.js';
import { caseNumber, implementationCode } from './case-number.js';

export interface StartCaseInput {
  itemId: string;
  data: Record<string, unknown>;
  files?: Record<string, FileRef[]>;
  /** The action taken at once (default "submit"); null keeps a draft. */
  action?: string | null;
}

export interface ActInput {
  action: string;
  /** The case version the actor saw; a stale one is refused with 409. */
  version: number;
  payload?: Record<string, unknown>;
  verdicts?: Record<string, { status: Verdict; reason?: string }>;
  data?: Record<string, unknown>;
  files?: Record<string, FileRef[]>;
}

async function contextFor(services: Services, input: { actor: Actor; bundle: Bundle; applicantId: string; now: string }): Promise<DecideContext> {
  const applicant = await getUser(services.db.knex, input.applicantId);
  return {
    now: input.now,
    actor: input.actor,
    bundle: input.bundle,
    calendar: calendarFor(services, input.bundle.platform),
    newId: services.newId,
    applicant: applicant
      ? { name: applicant.displayName, ...(applicant.phone ? { phone: applicant.phone } : {}), ...(applicant.email ? { email: applicant.email } : {}) }
      : {},
  };
}

function decideOrFail(kase: Case | undefined, command: Command, context: DecideContext) {
  const decision = decide(kase, command, context);
  if (!decision.ok) throw Failure.fromProblems(decision.problems);
  return decision;
}

async function attachFiles(tx: Knex.Transaction, caseId: string, files: Record<string, FileRef[]> | undefined): Promise<void> {
  for (const [materialKey, refs] of Object.entries(files ?? {})) {
    for (const ref of refs) await attachFile(tx, { id: ref.id, caseId, materialKey });
  }
}

/** Starts a case of an item on the actor's platform and (by default) submits it. */
export async function startCase(services: Services, actor: Actor, input: StartCaseInput): Promise<Case> {
  if (!actor.roles.includes('applicant')) {
    throw new Failure('auth.forbidden', 'Only applicants start cases here; counter staff register them on behalf of applicants.');
  }
  const bundle = await bundleForNewCase(services, actor.platformId, input.itemId);
  const now = services.now().toISOString();
  const context = await contextFor(services, { actor, bundle, applicantId: actor.id, now });
  const code = implementationCode(bundle.item, bundle.platform);
  const day = context.calendar.dateOf(now);
  const action = input.action === undefined ? 'submit' : input.action;
  return services.db.transaction(async (tx) => {
    const command: Command = {
      type: 'create',
      caseId: services.newId(),
      number: caseNumber({ code, day, sequence: await nextCaseSequence(tx, actor.platformId, day) }),
      data: input.data,
      ...(input.files ? { files: input.files } : {}),
      ...(action ? { action } : {}),
    };
    const decision = decideOrFail(undefined, command, context);
    const stored = await applyDecision(tx, { before: undefined, decision, platformId: actor.platformId });
    await attachFiles(tx, stored.id, input.files);
    return stored;
  });
}

/** Takes an action on a case the actor may see. */
export async function actOnCase(services: Services, actor: Actor, caseId: string, input: ActInput): Promise<Case> {
  const kase = await visibleCase(services, actor, caseId);
  if (input.version !== kase.version) {
    throw new Failure(
      'case.version-conflict',
      `Case ${kase.number} was changed by someone else (you saw version ${input.version}, it is now ${kase.version}). Reload it and try again.`,
      [],
      { currentVersion: kase.version },
    );
  }
  const bundle = await bundleForCase(services, kase);
  const context = await contextFor(services, { actor, bundle, applicantId: kase.applicantId, now: services.now().toISOString() });
  const command: Command = {
    type: 'act',
    action: input.action,
    ...(input.payload ? { payload: input.payload } : {}),
    ...(input.verdicts ? { verdicts: input.verdicts } : {}),
    ...(input.data ? { data: input.data } : {}),
    ...(input.files ? { files: input.files } : {}),
  };
  const decision = decideOrFail(kase, command, context);
  return services.db.transaction(async (tx) => {
    const stored = await applyDecision(tx, { before: kase, decision, platformId: kase.platformId });
    await attachFiles(tx, stored.id, input.files);
    return stored;
  });
}

/** The system actor timers act as: no roles, so no action guard can be passed by a timer. */
export function systemActor(platformId: string): Actor {
  return { id: 'system', roles: [], platformId, name: '系统' };
}

/**
 * Fires one due timer: decides it and marks it fired in the same transaction, so of several
 * workers racing for it exactly one records its warning. Returns false when it was already fired.
 */
export async function fireTimer(services: Services, timer: { id: string; caseId: string; spec: TimerSpec }): Promise<boolean> {
  const kase = await getCase(services.db.knex, timer.caseId);
  const at = services.now().toISOString();
  if (!kase) return services.db.transaction((tx) => markTimerFired(tx, { id: timer.id, at }));
  const bundle = await bundleForCase(services, kase);
  const context = await contextFor(services, {
    actor: systemActor(kase.platformId),
    bundle,
    applicantId: kase.applicantId,
    now: at,
  });
  const decision = decideOrFail(kase, { type: 'timer', timer: timer.spec }, context);
  return services.db.transaction(async (tx) => {
    // A case changed since it was read makes applyDecision throw a conflict: the transaction,
    // including the fired mark, rolls back and the timer is retried after its lease runs out.
    if (!(await markTimerFired(tx, { id: timer.id, at }))) return false;
    if (decision.events.length > 0 || decision.outcomes.length > 0) {
      await applyDecision(tx, { before: kase, decision, platformId: kase.platformId });
    }
    return true;
  });
}
