import { expect } from 'chai';
import { insertCase } from '../../../storage/cases.js';
import type { Database } from '../../../storage/database.js';
import { claimOutbox, enqueueNotice, listNotices, markFailed, markSent } from '../../../storage/outbox.js';
import { cancelTimers, claimDueTimers, listTimers, markTimerFired, scheduleTimer } from '../../../storage/timers.js';
import { useStore, type ContractContext } from './context.js';
import { at, sampleCase, seedPlatforms } from './fixtures.js';

function notice(i: number) {
  return {
    id: `n${i}`, platformId: 'sc-my', caseId: 'c1', noticeId: `notice-${i}`, channel: 'sms' as const,
    recipientUserId: 'applicant-1', recipientAddress: '13800000000', templateId: 'acceptance-receipt',
    purpose: 'acceptance', subject: '受理回执', body: '您的申请已受理。', format: 'text' as const, createdAt: at(0),
  };
}

/** Two workers claim in rounds until nothing is left; returns every claim per worker. */
async function drain<T extends { id: string }>(workers: Database[], claim: (db: Database, workerId: string) => Promise<T[]>): Promise<string[][]> {
  const claimed: string[][] = workers.map(() => []);
  for (let round = 0; round < 50; round += 1) {
    const batches = await Promise.all(workers.map((db, w) => claim(db, `worker-${w}`)));
    batches.forEach((batch, w) => claimed[w]?.push(...batch.map((row) => row.id)));
    if (batches.every((batch) => batch.length === 0)) break;
  }
  return claimed;
}

export function workQueuesContract(ctx: ContractContext): void {
  describe('outbox and timers', () => {
    const store = useStore(ctx);
    before(async () => {
      await seedPlatforms(store.current.db.knex);
      await insertCase(store.current.db.knex, sampleCase({ id: 'c1', platformId: 'sc-my' }));
    });

    it('given 30 pending notices, when two workers claim at once, then each notice is claimed by exactly one worker', async () => {
      const first = store.current.db;
      const second = await store.current.openAnother();
      for (let i = 0; i < 30; i += 1) await enqueueNotice(first.knex, notice(i));
      const claimed = await drain([first, second], (db, workerId) => claimOutbox(db.knex, { workerId, now: at(1), limit: 4, leaseMs: 60_000 }));
      const all = claimed.flat();
      expect(all).to.have.length(30);
      expect(new Set(all).size).to.equal(30);
      expect(await claimOutbox(first.knex, { workerId: 'late', now: at(1.5), limit: 100, leaseMs: 60_000 })).to.have.length(0);
    });

    it('given a claimed notice whose lease ran out, when claimed again, then another worker gets it', async () => {
      const { knex } = store.current.db;
      const reclaimed = await claimOutbox(knex, { workerId: 'rescuer', now: at(3), limit: 100, leaseMs: 60_000 });
      expect(reclaimed).to.have.length(30);
    });

    it('given a failing notice, when marked failed, then it is retried after a doubling delay and dead after the last attempt', async () => {
      const { knex } = store.current.db;
      expect(await markFailed(knex, { id: 'n0', now: at(10), error: '短信网关超时', baseDelayMs: 60_000, maxAttempts: 3 })).to.equal('pending');
      expect(await claimOutbox(knex, { workerId: 'w', now: at(10.5), limit: 100, leaseMs: 1 }).then((rows) => rows.some((r) => r.id === 'n0'))).to.equal(false);
      expect(await markFailed(knex, { id: 'n0', now: at(11), error: '短信网关超时', baseDelayMs: 60_000, maxAttempts: 3 })).to.equal('pending');
      const row = (await listNotices(knex, 'c1')).find((n) => n.id === 'n0');
      expect(row).to.include({ attempts: 2, nextAttemptAt: at(13), lastError: '短信网关超时' });
      expect(await markFailed(knex, { id: 'n0', now: at(13), error: '短信网关超时', baseDelayMs: 60_000, maxAttempts: 3 })).to.equal('dead');
      expect(await markFailed(knex, { id: 'n1', now: at(13), error: '无手机号', isPermanent: true })).to.equal('failed');
    });

    it('given a pending notice, when marked sent twice, then only the first counts', async () => {
      const { knex } = store.current.db;
      expect(await markSent(knex, { id: 'n2', at: at(20) })).to.equal(true);
      expect(await markSent(knex, { id: 'n2', at: at(21) })).to.equal(false);
      const sent = (await listNotices(knex, 'c1')).find((n) => n.id === 'n2');
      expect(sent).to.include({ status: 'sent', sentAt: at(20), attempts: 1 });
    });

    it('given a timer scheduled twice and one cancelled, when listed, then the schedule is idempotent and cancel removes unfired timers', async () => {
      const { knex } = store.current.db;
      const spec = { kind: 'warn' as const, clock: 'accept', dueAt: at(30) };
      await scheduleTimer(knex, { platformId: 'sc-my', caseId: 'c1', spec });
      await scheduleTimer(knex, { platformId: 'sc-my', caseId: 'c1', spec });
      await scheduleTimer(knex, { platformId: 'sc-my', caseId: 'c1', spec: { kind: 'overdue', clock: 'item', dueAt: at(40) } });
      expect((await listTimers(knex, 'c1')).map((t) => [t.kind, t.clock])).to.deep.equal([['warn', 'accept'], ['overdue', 'item']]);
      expect(await cancelTimers(knex, 'c1', 'item')).to.equal(1);
      expect(await cancelTimers(knex, 'c1', 'accept')).to.equal(1);
      expect(await listTimers(knex, 'c1')).to.have.length(0);
    });

    it('given 24 due timers, when two workers claim and fire them racing, then each timer fires exactly once', async () => {
      const first = store.current.db;
      const second = await store.current.openAnother();
      for (let i = 0; i < 24; i += 1) {
        await scheduleTimer(first.knex, { platformId: 'sc-my', caseId: 'c1', spec: { kind: 'overdue', clock: `clock${i}`, dueAt: at(50 + i) } });
      }
      await scheduleTimer(first.knex, { platformId: 'sc-my', caseId: 'c1', spec: { kind: 'overdue', clock: 'future', dueAt: at(500) } });
      const claimed = await drain([first, second], (db, workerId) => claimDueTimers(db.knex, { workerId, now: at(100), limit: 5, leaseMs: 60_000 }));
      expect(claimed.flat()).to.have.length(24);
      expect(new Set(claimed.flat()).size).to.equal(24);
      // Both workers now try to fire every timer (e.g. a lease ran out mid-work): one wins each.
      const wins = await Promise.all(claimed.flat().map(async (id) => Promise.all([markTimerFired(first.knex, { id, at: at(100) }), markTimerFired(second.knex, { id, at: at(100) })])));
      expect(wins.every(([a, b]) => a !== b)).to.equal(true);
      expect(await claimDueTimers(first.knex, { workerId: 'late', now: at(1000), limit: 100, leaseMs: 1 }).then((rows) => rows.map((r) => r.clock))).to.deep.equal(['future']);
      expect(await cancelTimers(first.knex, 'c1', 'clock0')).to.equal(0);
    });
  });
}
