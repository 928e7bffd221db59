/**
 * A1 (docs/security.md "Concurrency"): 50 staff of one platform accept the same case at the
 * same instant, 200 times, on SQLite and on PostgreSQL. Every repetition: exactly one 2xx, 49 ×
 * 409 case.version-conflict naming the current version, no 5xx; and the store holds exactly what
 * one uncontested accept stores (one transition, its events, timers, tasks and outbox rows),
 * and the audit trail one successful and 49 failed records of the action.
 *
 * Each repetition is barrier-synchronised: the 50 clients are signed in once, each request is
 * prepared and waits on one gate, and the gate opens for all at once. IPSP_A1_REPETITIONS
 * lowers the count for a quick local run.
 */
import { expect } from 'chai';
import type { Knex } from 'knex';
import { hashPassword } from '../../server/operations/passwords.js';
import { listEvents } from '../../storage/case-events.js';
import { readJson } from '../../storage/columns.js';
import { listNotices } from '../../storage/outbox.js';
import { listTasks } from '../../storage/tasks.js';
import { listTimers } from '../../storage/timers.js';
import { insertUser } from '../../storage/users.js';
import type { ApiClient, ApiResponse } from '../support/api-client.js';
import { forEachDatabase } from '../support/databases.js';
import { useApiSuite } from './support/api-suite.js';
import { act, allOk, submitPledge } from './support/pledge.js';

const CLERKS = 50;
const REPETITIONS = Number(process.env.IPSP_A1_REPETITIONS ?? 200);
const PASSWORD = 'Clerk@2026-a1';
const ACT_ROUTE = 'POST /api/cases/:caseId/actions/:action';

/** What an accept added to the store, by kind, ids and times left out: comparable between cases. */
interface Added {
  events: string[];
  timers: string[];
  notices: string[];
  tasks: string[];
}

async function storedOf(knex: Knex, caseId: string) {
  return {
    events: await listEvents(knex, caseId),
    timers: await listTimers(knex, caseId),
    notices: await listNotices(knex, caseId),
    tasks: await listTasks(knex, { platformId: 'mianyang', caseId }),
  };
}

type Stored = Awaited<ReturnType<typeof storedOf>>;

function addedBetween(before: Stored, after: Stored): Added {
  const fresh = <T extends { id: string }>(list: T[], earlier: T[]) => list.filter((x) => !earlier.some((e) => e.id === x.id));
  return {
    events: fresh(after.events, before.events).map((e) => (e.type === 'case.acted' ? `${e.type}:${String(e.data.action)}` : e.type)),
    timers: fresh(after.timers, before.timers).map((t) => `${t.clock}/${t.kind}`).sort(),
    notices: fresh(after.notices, before.notices).map((n) => `${n.templateId}/${n.channel}/${n.recipientUserId}`).sort(),
    tasks: fresh(after.tasks, before.tasks).map((t) => t.kind).sort(),
  };
}

/** A gate all requests wait on; `open` releases them in the same tick. */
function gate(): { opened: Promise<void>; open: () => void } {
  let open = () => {};
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { opened, open };
}

/** The last audit record's sequence number: the race's records come after it. */
async function lastAuditSeq(knex: Knex): Promise<number> {
  return Number((await knex('audit_records').max('seq as seq').first())?.seq ?? 0);
}

/** The audit records of the action route on one case after `afterSeq`, by result. */
async function auditedActs(knex: Knex, caseId: string, afterSeq: number): Promise<Record<string, number>> {
  const rows = await knex('audit_records').select('object_id', 'result').where({ action: ACT_ROUTE }).andWhere('seq', '>', afterSeq);
  const counts: Record<string, number> = {};
  for (const row of rows) if (readJson<Record<string, string>>(knex, row.object_id).caseId === caseId) counts[row.result] = (counts[row.result] ?? 0) + 1;
  return counts;
}

forEachDatabase('API: 50 staff complete the same step at once (A1)', (target) => {
  const suite = useApiSuite(target, { start: '2026-09-21T09:00:00+08:00' });
  let applicant: ApiClient;
  let clerks: Array<{ id: string; client: ApiClient }>;
  let uncontested: Added;

  /** zhangsan's complete application, waiting for acceptance, and what the store holds of it. */
  async function waitingCase() {
    const submitted = await submitPledge(applicant, { hasAgentIdentity: true });
    expect(submitted.status, JSON.stringify(submitted.body)).to.equal(201);
    expect(submitted.body.step).to.equal('accept');
    return { kase: submitted.body, before: await storedOf(suite.store.db.knex, submitted.body.id) };
  }

  before(async function () {
    this.timeout(120_000);
    const { knex } = suite.store.db;
    const passwordHash = await hashPassword(PASSWORD);
    const createdAt = suite.server.clock.now().toISOString();
    const ids = Array.from({ length: CLERKS }, (_, i) => `a1-clerk-${String(i + 1).padStart(2, '0')}`);
    for (const id of ids) {
      await insertUser(knex, { id, platformId: 'mianyang', username: id, displayName: `并发受理员${id.slice(-2)}`, roles: ['staff'], passwordHash, createdAt });
    }
    clerks = [];
    for (const id of ids) clerks.push({ id, client: await suite.server.client(id, PASSWORD) });
    applicant = await suite.server.client('zhangsan');

    // The reference: what one accept with nobody competing stores.
    const { kase, before: stored } = await waitingCase();
    const accepted = await act(clerks[0]!.client, kase, 'accept', { verdicts: allOk(kase) });
    expect(accepted.status, JSON.stringify(accepted.body)).to.equal(200);
    uncontested = addedBetween(stored, await storedOf(knex, kase.id));
    expect(uncontested.events.filter((e) => e === 'case.acted:accept')).to.have.length(1);
    expect(uncontested.notices.length, 'the accept queues notices (receipt, SMS)').to.be.greaterThan(0);
  });

  it(`given a case waiting for acceptance, when ${CLERKS} staff accept it at the same version at once (${REPETITIONS} times), then each time exactly one wins, ${CLERKS - 1} get 409 with the current version, none 5xx, and the store holds one accept and one successful audit record`, async function () {
    // No timing is asserted; the allowance only keeps a stuck request from hanging the run.
    this.timeout(REPETITIONS * 30_000);
    const { knex } = suite.store.db;
    const tally = { success: 0, conflict: 0, serverError: 0, other: 0 };
    const started = Date.now();
    for (let repetition = 1; repetition <= REPETITIONS; repetition++) {
      const { kase, before } = await waitingCase();
      const verdicts = allOk(kase);
      const auditedBefore = await lastAuditSeq(knex);
      const start = gate();
      const answers: Array<Promise<ApiResponse>> = clerks.map(({ client }) => start.opened.then(() => act(client, kase, 'accept', { verdicts })));
      start.open();
      const settled = await Promise.all(answers);
      const at = `repetition ${repetition}`;

      const winners = settled.flatMap((a, i) => (a.status >= 200 && a.status < 300 ? [{ answer: a, clerk: clerks[i]! }] : []));
      const losers = settled.filter((a) => a.status === 409);
      tally.success += winners.length;
      tally.conflict += losers.length;
      tally.serverError += settled.filter((a) => a.status >= 500).length;
      tally.other += settled.filter((a) => a.status < 200 || (a.status >= 300 && a.status !== 409 && a.status < 500)).length;
      expect(settled.map((a) => a.status).filter((s) => s >= 500), `${at}: 5xx`).to.deep.equal([]);
      expect(winners, `${at}: winners`).to.have.length(1);
      expect(losers, `${at}: conflicts`).to.have.length(CLERKS - 1);
      for (const loser of losers) expect(loser.body, at).to.include({ code: 'case.version-conflict', currentVersion: kase.version + 1 });

      const winner = winners[0]!;
      expect(winner.answer.body, at).to.include({ step: 'implement', version: kase.version + 1, assigneeId: winner.clerk.id });
      const stored = (await winner.clerk.client.get(`/api/cases/${kase.id}`)).body;
      expect(stored, at).to.include({ step: 'implement', version: kase.version + 1, assigneeId: winner.clerk.id });
      expect(addedBetween(before, await storedOf(knex, kase.id)), `${at}: what was stored`).to.deep.equal(uncontested);
      expect(await auditedActs(knex, kase.id, auditedBefore), `${at}: audit records`).to.deep.equal({ success: 1, failure: CLERKS - 1 });
    }
    const seconds = (Date.now() - started) / 1000;
    console.log(
      `      A1 [${target.dialect}]: ${REPETITIONS} repetitions × ${CLERKS} requests: ${tally.success} × 2xx, ${tally.conflict} × 409, ` +
        `${tally.serverError} × 5xx, ${tally.other} other, in ${seconds.toFixed(1)} s`,
    );
    expect(tally).to.deep.equal({ success: REPETITIONS, conflict: REPETITIONS * (CLERKS - 1), serverError: 0, other: 0 });
  });
});
