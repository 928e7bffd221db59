/**
 * Timers with two server processes on one database: when the implement step runs past its
 * promised time limit, each case gets exactly one warning, one overdue warning (示警) and one
 * urge (催告), however the two workers race.
 */
import { expect } from 'chai';
import { loadCalendars } from '../../server/definition-files.js';
import { createServices, type Services } from '../../server/services.js';
import { runWorkerOnce } from '../../server/worker/worker.js';
import { listNotices } from '../../storage/outbox.js';
import type { ApiClient } from '../support/api-client.js';
import { forEachDatabase } from '../support/databases.js';
import { useApiSuite } from './support/api-suite.js';
import { acceptedPledge } from './support/pledge.js';

/** 26 cases × 2 due timers exceed one worker's claim batch (50): both workers get timers of the same cases. */
const CASES = 26;
const ROUNDS = 4;

forEachDatabase('API: overdue timers with two workers on one database', (target) => {
  const suite = useApiSuite(target, { start: '2026-09-21T09:00:00+08:00' });
  let second: Services;
  const caseIds: string[] = [];

  before(async function () {
    this.timeout(60_000);
    const { server } = suite;
    const zhangsan = await server.client('zhangsan');
    const staff1 = await server.client('staff1');
    for (let i = 0; i < CASES; i++) {
      const kase = await acceptedPledge({ applicant: zhangsan, staff: staff1 });
      // 3 working days from Mon 09-21: due at the end of Thu 09-24 in Asia/Shanghai.
      expect(kase.dueAt).to.equal('2026-09-24T15:59:59.999Z');
      caseIds.push(kase.id);
    }
    // A second server process: its own connection, the same database and clock.
    second = createServices({
      db: await suite.store.openAnother(),
      config: server.services.config,
      calendars: await loadCalendars(),
      now: server.clock.now,
    });
  });

  it('given the implement step not yet due, when both workers run, then no case is warned', async () => {
    const reports = await Promise.all([
      runWorkerOnce(suite.server.services, { workerId: 'worker-a' }),
      runWorkerOnce(second, { workerId: 'worker-b' }),
    ]);
    expect(reports.map((r) => r.timersFired)).to.deep.equal([0, 0]);
  });

  it('given the clock past the implement due date, when two workers run at once for several rounds, then each case has one warning, one 示警 and one 催告', async () => {
    suite.server.clock.set('2026-09-28T09:00:00+08:00');
    let fired = 0;
    for (let round = 0; round < ROUNDS; round++) {
      const reports = await Promise.all([
        runWorkerOnce(suite.server.services, { workerId: 'worker-a' }),
        runWorkerOnce(second, { workerId: 'worker-b' }),
      ]);
      fired += reports.reduce((sum, r) => sum + r.timersFired, 0);
      // Past the claim lease, so a timer whose transaction lost a race is claimed again.
      suite.server.clock.advanceHours(0.05);
    }
    // Per case: the warning at 80% of the limit and the overdue moment.
    expect(fired).to.equal(CASES * 2);

    const staff1 = await suite.server.client('staff1');
    for (const caseId of caseIds) {
      const events = (await staff1.get(`/api/cases/${caseId}/events`)).body.events as Array<{ type: string; data: { clock?: string } }>;
      const ofType = (type: string) => events.filter((e) => e.type === type);
      expect(ofType('clock.warned').map((e) => e.data.clock)).to.deep.equal(['step:implement']);
      expect(ofType('case.overdue').map((e) => e.data.clock)).to.deep.equal(['step:implement']);
      expect(ofType('case.urged')).to.have.length(1);

      const rows = await listNotices(suite.store.db.knex, caseId);
      const noticeIds = (template: string) => new Set(rows.filter((r) => r.templateId === template).map((r) => r.noticeId));
      expect(noticeIds('overdue-warning').size).to.equal(1);
      expect(noticeIds('urge-notice').size).to.equal(1);
      expect(noticeIds('due-soon-warning').size).to.equal(1);
    }
  });

  it('given the warnings delivered, when the assignee and the supervisor read their messages, then each has one per case', async () => {
    // Each notice's subject names its case, so its in-app message is found by that subject.
    const countFor = async (client: ApiClient, template: string) => {
      const messages = (await client.get('/api/messages')).body.messages as Array<{ caseId: string | null; title: string }>;
      const counts = [];
      for (const caseId of caseIds) {
        const subject = (await listNotices(suite.store.db.knex, caseId)).find((r) => r.templateId === template)!.subject;
        counts.push(messages.filter((m) => m.caseId === caseId && m.title === subject).length);
      }
      return counts;
    };
    const staff1 = await suite.server.client('staff1');
    const admin = await suite.server.client('admin');
    expect(await countFor(staff1, 'overdue-warning')).to.deep.equal(caseIds.map(() => 1));
    expect(await countFor(admin, 'urge-notice')).to.deep.equal(caseIds.map(() => 1));
    // Nothing new fires on later passes.
    suite.server.clock.advanceHours(24);
    const later = await Promise.all([
      runWorkerOnce(suite.server.services, { workerId: 'worker-a' }),
      runWorkerOnce(second, { workerId: 'worker-b' }),
    ]);
    expect(later.map((r) => r.timersFired)).to.deep.equal([0, 0]);
  });
});
