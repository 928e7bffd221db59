/**
 * Records what the engine decided, in the caller's transaction: the case row (optimistic lock),
 * its events, and the outcomes (notices into the outbox, timers, tasks). Either all of it is
 * stored or none of it.
 *
 * @example
 * const decision = decide(kase, command, context);
 * if (decision.ok) {
 *   const stored = await db.transaction((tx) => applyDecision(tx, { before: kase, decision, platformId }));
 * }
 */
import { randomUUID } from 'node:crypto';
import type { Knex } from 'knex';
import type { Recipient } from '../engine/kinds/workflow.js';
import type { Case } from '../engine/runtime/case.js';
import type { Decision, NoticeOutcome, Outcome } from '../engine/runtime/decision.js';
import { appendEvents, appendEventsAfterLast } from './case-events.js';
import { getCaseVersion, insertCase, updateCase, type CaseDerived } from './cases.js';
import { ConflictError, StorageError } from './errors.js';
import { enqueueNotices, type NewOutboxRecord } from './outbox.js';
import { openTask } from './tasks.js';
import { cancelTimers, scheduleTimer } from './timers.js';
import { getUser, listUsers, type UserRecord } from './users.js';

export type OkDecision = Extract<Decision, { ok: true }>;

export interface ApplyDecisionInput {
  /** The case as loaded before deciding; undefined when the decision creates the case. */
  before: Case | undefined;
  decision: OkDecision;
  platformId: string;
  /**
   * Users the caller read for this decision (the applicant whose contact `decide` rendered
   * with): notices to them are addressed from that same read instead of reading them again.
   */
  knownUsers?: UserRecord[];
  /** Columns derived from the case's workflow (its inbox queue, its statistics facts), computed by the caller. */
  derived?: CaseDerived;
}

/**
 * Stores a decision and returns the case as stored (with its new version). Throws
 * {@link ConflictError} (`case.version-conflict`) when the case changed since `before` was read.
 */
export async function applyDecision(tx: Knex.Transaction, input: ApplyDecisionInput): Promise<Case> {
  const next = input.decision.case;
  if (next.platformId !== input.platformId) {
    throw new StorageError('case.platform-mismatch', `Case "${next.id}" belongs to platform "${next.platformId}", not "${input.platformId}".`);
  }
  const stored = await storeCase(tx, input.before, next, input.derived);
  if (input.before) await appendEventsAfterLast(tx, stored.id, input.decision.events);
  else await appendEvents(tx, stored.id, input.decision.events, { isNewCase: true });
  const recipients = new RecipientCache(tx, stored, input.knownUsers);
  const notices: NewOutboxRecord[] = [];
  for (const outcome of input.decision.outcomes) {
    if (outcome.type === 'notice') notices.push(...outboxRecords(stored, outcome, await recipients.of(outcome.to)));
    else await applyOutcome(tx, stored, outcome);
  }
  await enqueueNotices(tx, notices);
  return stored;
}

async function storeCase(tx: Knex.Transaction, before: Case | undefined, next: Case, derived: CaseDerived = {}): Promise<Case> {
  if (!before) return insertCase(tx, next, derived);
  if (await updateCase(tx, next, before.version, derived, before)) return { ...next, version: before.version + 1 };
  throw new ConflictError(next.id, before.version, await getCaseVersion(tx, next.id));
}

async function applyOutcome(tx: Knex.Transaction, kase: Case, outcome: Exclude<Outcome, NoticeOutcome>): Promise<void> {
  switch (outcome.type) {
    case 'timer.schedule':
      return scheduleTimer(tx, { platformId: kase.platformId, caseId: kase.id, spec: outcome.timer });
    case 'timer.cancel':
      await cancelTimers(tx, kase.id, outcome.clock);
      return;
    case 'task.open':
      return openTask(tx, {
        id: outcome.task.id,
        platformId: kase.platformId,
        caseId: kase.id,
        kind: outcome.task.kind,
        title: outcome.task.title,
        assigneeRole: outcome.task.to,
        dueAt: outcome.task.dueAt,
        createdAt: kase.updatedAt,
      });
  }
}

/** One outbox row per recipient × channel, addressed now so later edits to a user do not redirect it. */
function outboxRecords(kase: Case, notice: NoticeOutcome, recipients: ResolvedRecipient[]): NewOutboxRecord[] {
  return recipients.flatMap((recipient) =>
    notice.channels.map((channel) => ({
      id: randomUUID(),
      platformId: kase.platformId,
      caseId: kase.id,
      noticeId: notice.id,
      channel,
      recipientUserId: recipient.id,
      recipientAddress: channel === 'email' ? recipient.user?.email ?? null : channel === 'sms' ? recipient.user?.phone ?? null : null,
      templateId: notice.template,
      purpose: notice.purpose,
      subject: notice.subject,
      body: notice.body,
      format: notice.format,
      createdAt: kase.updatedAt,
    })),
  );
}

/** Each audience of one decision's notices resolved once (a decision often notifies the applicant twice). */
class RecipientCache {
  private readonly resolved = new Map<Recipient, Promise<ResolvedRecipient[]>>();

  constructor(
    private readonly tx: Knex.Transaction,
    private readonly kase: Case,
    knownUsers: UserRecord[] = [],
  ) {
    const applicant = knownUsers.find((user) => user.id === kase.applicantId);
    if (applicant) this.resolved.set('applicant', Promise.resolve([{ id: applicant.id, user: applicant }]));
  }

  of(to: Recipient): Promise<ResolvedRecipient[]> {
    let found = this.resolved.get(to);
    if (found === undefined) this.resolved.set(to, (found = resolveRecipients(this.tx, this.kase, to)));
    return found;
  }
}

interface ResolvedRecipient {
  id: string;
  user: UserRecord | undefined;
}

/**
 * Who a notice goes to. A case without an assignee sends the assignee's notices to the
 * platform's staff, so an overdue warning is never addressed to nobody.
 */
export async function resolveRecipients(db: Knex | Knex.Transaction, kase: Case, to: Recipient): Promise<ResolvedRecipient[]> {
  const one = async (id: string) => [{ id, user: await getUser(db, id) }];
  const role = async (name: 'staff' | 'platform-admin') =>
    (await listUsers(db, { platformId: kase.platformId, role: name })).map((user) => ({ id: user.id, user }));
  switch (to) {
    case 'applicant':
      return one(kase.applicantId);
    case 'assignee':
      return kase.assigneeId ? one(kase.assigneeId) : role('staff');
    case 'staff':
      return role('staff');
    case 'supervisor':
      return role('platform-admin');
  }
}
