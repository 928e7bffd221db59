import { expect } from 'chai';
import type { Case } from '../../../engine/runtime/case.js';
import type { CaseEvent, Outcome } from '../../../engine/runtime/decision.js';
import { applyDecision } from '../../../storage/apply-decision.js';
import { listEvents } from '../../../storage/case-events.js';
import { getCase } from '../../../storage/cases.js';
import { ConflictError } from '../../../storage/errors.js';
import { listNotices } from '../../../storage/outbox.js';
import { listTasks } from '../../../storage/tasks.js';
import { listTimers } from '../../../storage/timers.js';
import { useStore, type ContractContext } from './context.js';
import { at, sampleCase, seedPlatforms, seedUser } from './fixtures.js';

const ev = (type: string, minute: number): CaseEvent => ({ type, at: at(minute), actorId: 'staff-1', data: {} });

function noticeTo(to: 'applicant' | 'assignee' | 'staff' | 'supervisor', channels: Array<'inApp' | 'sms' | 'email'>, id: string): Outcome {
  return { type: 'notice', id, template: 'acceptance-receipt', purpose: 'acceptance', to, channels, subject: '受理回执', body: '<p>已受理</p>', format: 'html' };
}

export function applyDecisionContract(ctx: ContractContext): void {
  describe('applyDecision', () => {
    const store = useStore(ctx);
    let created: Case;
    before(async () => {
      const { knex } = store.current.db;
      await seedPlatforms(knex);
      await seedUser(knex, { id: 'applicant-1', platformId: 'sc-my', roles: ['applicant'], email: 'a@example.cn', phone: '13800000001' });
      await seedUser(knex, { id: 'staff-1', platformId: 'sc-my', roles: ['staff'] });
      await seedUser(knex, { id: 'staff-2', platformId: 'sc-my', roles: ['staff', 'auditor'] });
      await seedUser(knex, { id: 'admin-1', platformId: 'sc-my', roles: ['platform-admin'] });
      await seedUser(knex, { id: 'staff-other', platformId: 'sc', roles: ['staff'] });
    });

    it('given a create decision, when applied, then case, events, notices per channel, timer and task are stored together', async () => {
      const { db } = store.current;
      const kase = sampleCase({ id: 'd1', platformId: 'sc-my' });
      const outcomes: Outcome[] = [
        noticeTo('applicant', ['sms', 'email', 'inApp'], 'notice-1'),
        { type: 'timer.schedule', timer: { kind: 'warn', clock: 'accept', dueAt: at(60) } },
        { type: 'task.open', task: { id: 'task-1', kind: 'rectification', title: '差评整改', dueAt: at(4320), to: 'staff' } },
      ];
      created = await db.transaction((tx) => applyDecision(tx, { before: undefined, decision: { ok: true, case: kase, events: [ev('case.created', 0), ev('case.submitted', 0)], outcomes }, platformId: 'sc-my' }));
      expect(created.version).to.equal(1);
      expect(await getCase(db.knex, 'd1')).to.deep.equal(created);
      expect((await listEvents(db.knex, 'd1')).map((e) => e.seq)).to.deep.equal([1, 2]);
      const notices = await listNotices(db.knex, 'd1');
      expect(notices.map((n) => [n.channel, n.recipientUserId, n.recipientAddress])).to.have.deep.members([
        ['sms', 'applicant-1', '13800000001'], ['email', 'applicant-1', 'a@example.cn'], ['inApp', 'applicant-1', null],
      ]);
      expect(notices.every((n) => n.status === 'pending' && n.noticeId === 'notice-1')).to.equal(true);
      expect((await listTimers(db.knex, 'd1')).map((t) => t.dueAt)).to.deep.equal([at(60)]);
      expect((await listTasks(db.knex, { platformId: 'sc-my', status: 'open' })).map((t) => t.id)).to.deep.equal(['task-1']);
    });

    it('given an act decision, when applied, then the version moves on and staff and supervisors of the platform are addressed', async () => {
      const { db } = store.current;
      const next = { ...created, step: 'implement', updatedAt: at(5) };
      const outcomes: Outcome[] = [
        noticeTo('assignee', ['inApp'], 'notice-2'),
        noticeTo('supervisor', ['inApp'], 'notice-3'),
        { type: 'timer.cancel', clock: 'accept' },
      ];
      const stored = await db.transaction((tx) => applyDecision(tx, { before: created, decision: { ok: true, case: next, events: [ev('case.accepted', 5)], outcomes }, platformId: 'sc-my' }));
      expect(stored).to.include({ version: 2, step: 'implement' });
      const notices = await listNotices(db.knex, 'd1');
      // No assignee yet: the assignee's notice goes to the platform's staff, never to another platform's.
      expect(notices.filter((n) => n.noticeId === 'notice-2').map((n) => n.recipientUserId)).to.have.members(['staff-1', 'staff-2']);
      expect(notices.filter((n) => n.noticeId === 'notice-3').map((n) => n.recipientUserId)).to.deep.equal(['admin-1']);
      expect(await listTimers(db.knex, 'd1')).to.have.length(0);
    });

    it('given a stale case, when its decision is applied, then ConflictError names the current version and nothing is stored', async () => {
      const { db } = store.current;
      const stale = { ok: true as const, case: { ...created, step: 'rejected', updatedAt: at(6) }, events: [ev('case.rejected', 6)], outcomes: [noticeTo('applicant', ['sms'], 'notice-4')] };
      const error = await db.transaction((tx) => applyDecision(tx, { before: created, decision: stale, platformId: 'sc-my' })).then(() => undefined, (e: unknown) => e);
      expect(error).to.be.instanceOf(ConflictError);
      expect(error).to.include({ code: 'case.version-conflict', currentVersion: 2, expectedVersion: 1 });
      expect(await listEvents(db.knex, 'd1')).to.have.length(3);
      expect((await listNotices(db.knex, 'd1')).some((n) => n.noticeId === 'notice-4')).to.equal(false);
    });

    it('given a decision that fails halfway, when applied, then the case and events written before the failure are rolled back', async () => {
      const { db } = store.current;
      const kase = sampleCase({ id: 'd2', platformId: 'sc-my' });
      const broken = { ok: true as const, case: kase, events: [ev('case.created', 0)], outcomes: [noticeTo('applicant', ['sms'], 'n'), { type: 'task.open', task: null } as unknown as Outcome] };
      const failed = await db.transaction((tx) => applyDecision(tx, { before: undefined, decision: broken, platformId: 'sc-my' })).then(() => false, () => true);
      expect(failed).to.equal(true);
      expect(await getCase(db.knex, 'd2')).to.equal(undefined);
      expect(await listNotices(db.knex, 'd2')).to.have.length(0);
    });

    it('given a decision, when applied, then every query it runs belongs to the caller\'s transaction', async () => {
      const { db } = store.current;
      const seen: Array<{ sql: string; txId: unknown }> = [];
      const listener = (query: { sql: string; __knexTxId?: unknown }) => seen.push({ sql: query.sql, txId: query.__knexTxId });
      db.knex.on('query', listener);
      let txId: unknown;
      try {
        await db.transaction(async (tx) => {
          await tx.raw('select 1 as tx_probe');
          txId = seen.find((q) => q.sql.includes('tx_probe'))?.txId;
          const kase = sampleCase({ id: 'd3', platformId: 'sc-my', assigneeId: 'staff-1' });
          const outcomes: Outcome[] = [noticeTo('staff', ['inApp', 'email'], 'n-tx'), noticeTo('assignee', ['sms'], 'n-tx2'), { type: 'timer.schedule', timer: { kind: 'overdue', clock: 'item', dueAt: at(99) } }];
          return applyDecision(tx, { before: undefined, decision: { ok: true, case: kase, events: [ev('case.created', 0)], outcomes }, platformId: 'sc-my' });
        });
      } finally {
        db.knex.off('query', listener);
      }
      expect(txId).to.be.a('string');
      expect(seen.length).to.be.greaterThan(6);
      expect(seen.filter((q) => q.txId !== txId).map((q) => q.sql)).to.deep.equal([]);
    });
  });
}
