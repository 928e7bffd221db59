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
import { caseQueue } from '../../engine/runtime/queue.js';
import { restoreMasked } from '../../engine/forms/personal-values.js';
import { deleteApplicationDraft } from '../../storage/application-drafts.js';
import { applyDecision, type OkDecision } from '../../storage/apply-decision.js';
import { nextCaseSequence } from '../../storage/case-numbers.js';
import { getCase } from '../../storage/cases.js';
import { markTimerFired } from '../../storage/timers.js';
import { getUser, type UserRecord } from '../../storage/users.js';
import { Failure } from '../http/failure.js';
import type { Services } from '../services.js';
import { caseFacts } from './statistics/case-facts.js';
import { bundleForCase, bundleForNewCase, calendarFor } from './bundles.js';
import { visibleCase } from './case-access.js';
import { caseNumber, implementationCode } from './case-number.js';
import { checkCounterApplicant, counterApplicantId, saveCounterApplicant, type CounterApplicant } from './counter-applicant.js';
import { reactToConstructionCase } from './construction-registry.js';
import { attachFiles, filesFromRefs, insertRequestFiles, mergeFiles, type FileRefIds } from './file-refs.js';
import { newVerificationCode } from './verification-code.js';

export interface StartCaseInput {
  itemId: string;
  data: Record<string, unknown>;
  /** Files uploaded with the request (multipart). */
  files?: Record<string, FileRef[]>;
  /** Earlier uploads (POST /api/uploads) by material key. */
  fileRefs?: FileRefIds;
  /** The action taken at once (default "submit"); null keeps a draft. */
  action?: string | null;
  /** Counter mode: staff register the case for this applicant (窗口受理). */
  applicant?: CounterApplicant;
  /** Paths (`/data/...`) of soft rejects the caller confirmed. */
  confirmations?: string[];
}

export interface ActInput {
  action: string;
  /** The case version the actor saw; a stale one is refused with 409. */
  version: number;
  payload?: Record<string, unknown>;
  verdicts?: Record<string, { status: Verdict; reason?: string }>;
  data?: Record<string, unknown>;
  files?: Record<string, FileRef[]>;
  fileRefs?: FileRefIds;
  /** Paths (`/data/...`) of soft rejects in the replacement data the caller confirmed. */
  confirmations?: string[];
}

type ApplicantContact = NonNullable<DecideContext['applicant']>;

/**
 * Work the caller adds to the end of an operation's transaction, given the stored case: a route
 * records its response under the request's Idempotency-Key there, so both commit or neither.
 */
export type InTransaction = (tx: Knex.Transaction, kase: Case) => Promise<void>;

/** The applicant as stored, and the contact `decide` renders notices with, from one read. */
async function applicantOf(services: Services, applicantId: string): Promise<{ contact: ApplicantContact; users: UserRecord[] }> {
  const applicant = await getUser(services.db.knex, applicantId);
  if (!applicant) return { contact: {}, users: [] };
  const contact = { name: applicant.displayName, ...(applicant.phone ? { phone: applicant.phone } : {}), ...(applicant.email ? { email: applicant.email } : {}) };
  return { contact, users: [applicant] };
}

function contextFor(services: Services, input: { actor: Actor; bundle: Bundle; applicant: ApplicantContact; now: string }): DecideContext {
  return {
    now: input.now,
    actor: input.actor,
    bundle: input.bundle,
    calendar: calendarFor(services, input.bundle.platform),
    newId: services.newId,
    applicant: input.applicant,
  };
}

function decideOrFail(kase: Case | undefined, command: Command, context: DecideContext): OkDecision {
  const decision = decide(kase, command, context);
  if (!decision.ok) throw Failure.fromProblems(decision.problems);
  return decision;
}

/** The inbox queue of the decided case and its statistics facts, stored beside it for the desk's views and the figures. */
export function derivedOf(decision: OkDecision, context: DecideContext) {
  const { workflow } = context.bundle;
  return { queue: caseQueue(decision.case, workflow), facts: caseFacts(decision.case, { workflow, calendar: context.calendar }) };
}

/** Refuses a stale version with 409 and the current one, before anything is decided. */
export function checkVersion(kase: Case, seen: number): void {
  if (seen === kase.version) return;
  throw new Failure(
    'case.version-conflict',
    `办件 ${kase.number} 已被他人更改（您看到的是第 ${seen} 版，现为第 ${kase.version} 版），请刷新后按最新版本重试。` +
      `Case ${kase.number} was changed by someone else (you saw version ${seen}, it is now ${kase.version}). Reload it and try again.`,
    [],
    { currentVersion: kase.version },
  );
}

/** Who the case is for: the actor applying, or the applicant counter staff register. */
async function applicantFor(services: Services, actor: Actor, input: StartCaseInput, now: string) {
  if (input.applicant === undefined) {
    if (!actor.roles.includes('applicant')) {
      throw new Failure('auth.forbidden', 'Counter staff register an application on behalf of an applicant: name them in "applicant" ({ name, phone, idNumber? }).');
    }
    return { id: actor.id, ...(await applicantOf(services, actor.id)) };
  }
  if (!actor.roles.includes('staff')) throw new Failure('auth.forbidden', 'Only counter staff register applications on behalf of an applicant; apply without "applicant".');
  const who = checkCounterApplicant(input.applicant, now.slice(0, 10));
  const found = await counterApplicantId(services, actor.platformId, who);
  return { id: found.id, who, isNew: found.isNew, contact: { name: who.name, phone: who.phone }, users: [] };
}

/**
 * Promises awaited one by one, each marked handled at once so a later one's rejection is not
 * reported as unhandled while an earlier one is awaited (the first failure in order wins).
 */
function inOrder<T extends readonly Promise<unknown>[]>(promises: T): T {
  for (const promise of promises) promise.catch(() => undefined);
  return promises;
}

/**
 * Starts a case of an item on the actor's platform and (by default) submits it: an applicant
 * for themselves, or counter staff for the applicant they name. The caller's application draft
 * of the item is deleted in the same transaction.
 */
export async function startCase(services: Services, actor: Actor, input: StartCaseInput, finish?: InTransaction): Promise<Case> {
  const now = services.now().toISOString();
  // The three reads are independent: sent together (one round trip instead of three on
  // PostgreSQL), but their failures are taken in order, the item first: one the platform does
  // not offer answers 404 to everyone alike.
  const reads = inOrder([
    bundleForNewCase(services, actor.platformId, input.itemId),
    applicantFor(services, actor, input, now),
    filesFromRefs(services.db.knex, actor, input.fileRefs),
  ] as const);
  const bundle = await reads[0];
  const applicant = await reads[1];
  const referenced = await reads[2];
  const files = mergeFiles(input.files, referenced);
  const context = contextFor(services, { actor, bundle, applicant: applicant.contact, now });
  const code = implementationCode(bundle.item, bundle.platform);
  const day = context.calendar.dateOf(now);
  const action = input.action === undefined ? 'submit' : input.action;
  return services.db.transaction(async (tx) => {
    if ('who' in applicant && applicant.who) await saveCounterApplicant(tx, { id: applicant.id, isNew: applicant.isNew, platformId: actor.platformId, who: applicant.who, now });
    const command: Command = {
      type: 'create',
      caseId: services.newId(),
      number: caseNumber({ code, day, sequence: await nextCaseSequence(tx, code, day) }),
      data: input.data,
      verificationCode: newVerificationCode(),
      ...(files ? { files } : {}),
      ...(action ? { action } : {}),
      ...(applicant.id === actor.id ? {} : { onBehalfOf: applicant.id }),
      ...(input.confirmations ? { confirmations: input.confirmations } : {}),
    };
    const decision = decideOrFail(undefined, command, context);
    const stored = await applyDecision(tx, { before: undefined, decision, platformId: actor.platformId, knownUsers: applicant.users, derived: derivedOf(decision, context) });
    await insertRequestFiles(tx, { caseId: stored.id, platformId: actor.platformId, ownerId: actor.id, now, files: input.files });
    await attachFiles(tx, stored.id, referenced);
    await reactToConstructionCase(tx, { services, actor, bundle, kase: stored, events: decision.events });
    await deleteApplicationDraft(tx, { userId: actor.id, platformId: actor.platformId, itemId: input.itemId });
    await finish?.(tx, stored);
    return stored;
  });
}

/** Takes an action on a case the actor may see. */
export async function actOnCase(services: Services, actor: Actor, caseId: string, input: ActInput, finish?: InTransaction): Promise<Case> {
  const kase = await visibleCase(services, actor, caseId);
  checkVersion(kase, input.version);
  const bundle = await bundleForCase(services, kase);
  const referenced = await filesFromRefs(services.db.knex, actor, input.fileRefs);
  const files = mergeFiles(input.files, referenced);
  const now = services.now().toISOString();
  const applicant = await applicantOf(services, kase.applicantId);
  const context = contextFor(services, { actor, bundle, applicant: applicant.contact, now });
  const command: Command = {
    type: 'act',
    action: input.action,
    ...(input.payload ? { payload: input.payload } : {}),
    ...(input.verdicts ? { verdicts: input.verdicts } : {}),
    // Values that come back as the mask of what is stored keep what is stored (the view masks them).
    ...(input.data ? { data: restoreMasked(input.data, kase.data) } : {}),
    ...(input.confirmations ? { confirmations: input.confirmations } : {}),
    ...(files ? { files } : {}),
  };
  const decision = decideOrFail(kase, command, context);
  return services.db.transaction(async (tx) => {
    const stored = await applyDecision(tx, { before: kase, decision, platformId: kase.platformId, knownUsers: applicant.users, derived: derivedOf(decision, context) });
    await insertRequestFiles(tx, { caseId: stored.id, platformId: actor.platformId, ownerId: actor.id, now, files: input.files });
    await attachFiles(tx, stored.id, referenced);
    await reactToConstructionCase(tx, { services, actor, bundle, kase: stored, events: decision.events });
    await finish?.(tx, stored);
    return stored;
  });
}

/**
 * Hands an open case to another staff member of its platform (转办), at the version the actor
 * saw; recorded as case.reassigned. Someone who is not enabled staff of the platform is refused
 * like an unknown user.
 */
export async function reassignCase(services: Services, actor: Actor, caseId: string, input: { userId: string; version: number }): Promise<Case> {
  const kase = await visibleCase(services, actor, caseId);
  checkVersion(kase, input.version);
  const assignee = await getUser(services.db.knex, input.userId);
  if (!assignee || assignee.platformId !== kase.platformId || assignee.isDisabled || !assignee.roles.includes('staff')) {
    throw Failure.fromProblems([{ code: 'case.assignee-invalid', path: '/userId', message: `用户“${input.userId}”不是本平台的工作人员，不能承办办件。` }]);
  }
  const bundle = await bundleForCase(services, kase);
  const context = contextFor(services, { actor, bundle, applicant: (await applicantOf(services, kase.applicantId)).contact, now: services.now().toISOString() });
  const decision = decideOrFail(kase, { type: 'assign', assigneeId: assignee.id }, context);
  return services.db.transaction((tx) => applyDecision(tx, { before: kase, decision, platformId: kase.platformId, derived: derivedOf(decision, context) }));
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
  const context = contextFor(services, { actor: systemActor(kase.platformId), bundle, applicant: (await applicantOf(services, kase.applicantId)).contact, now: at });
  const decision = decideOrFail(kase, { type: 'timer', timer: timer.spec }, context);
  return services.db.transaction(async (tx) => {
    // A case changed since it was read makes applyDecision throw a conflict: the transaction,
    // including the fired mark, rolls back and the timer is retried after its lease runs out.
    if (!(await markTimerFired(tx, { id: timer.id, at }))) return false;
    if (decision.events.length > 0 || decision.outcomes.length > 0) {
      await applyDecision(tx, { before: kase, decision, platformId: kase.platformId, derived: derivedOf(decision, context) });
    }
    return true;
  });
}
