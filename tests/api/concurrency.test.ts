/**
 * Optimistic locking over HTTP: two clerks accepting the same case at once. Exactly one wins;
 * the other gets 409 case.version-conflict and leaves no trace (no event, no second receipt).
 */
import { expect } from 'chai';
import { listEvents } from '../../storage/case-events.js';
import { listNotices } from '../../storage/outbox.js';
import type { ApiClient } from '../support/api-client.js';
import { forEachDatabase } from '../support/databases.js';
import { useApiSuite } from './support/api-suite.js';
import { act, acceptedPledge, allOk, submitPledge } from './support/pledge.js';

const ROUNDS = 10;

forEachDatabase('API: concurrent actions on one case', (target) => {
  const suite = useApiSuite(target, { start: '2026-09-21T09:00:00+08:00' });
  let zhangsan: ApiClient;
  let staff1: ApiClient;
  let staff2: ApiClient;

  before(async () => {
    zhangsan = await suite.server.client('zhangsan');
    staff1 = await suite.server.client('staff1');
    staff2 = await suite.server.client('staff2');
  });

  const accepts = async (caseId: string) =>
    (await listEvents(suite.store.db.knex, caseId)).filter((e) => e.type === 'case.acted' && e.data.action === 'accept');

  for (let round = 1; round <= ROUNDS; round++) {
    it(`given a case waiting for acceptance (round ${round}/${ROUNDS}), when staff1 and staff2 accept it at the same version at once, then exactly one wins and the other gets 409`, async () => {
      const submitted = await submitPledge(zhangsan, { hasAgentIdentity: true });
      expect(submitted.status, JSON.stringify(submitted.body)).to.equal(201);
      const kase = submitted.body;
      expect(kase.step).to.equal('accept');

      const answers = await Promise.all([
        act(staff1, kase, 'accept', { verdicts: allOk(kase) }),
        act(staff2, kase, 'accept', { verdicts: allOk(kase) }),
      ]);
      expect(answers.map((a) => a.status).sort()).to.deep.equal([200, 409]);
      const winner = answers.find((a) => a.status === 200)!;
      const loser = answers.find((a) => a.status === 409)!;
      expect(loser.body.code).to.equal('case.version-conflict');
      expect(winner.body).to.include({ step: 'implement', version: kase.version + 1 });

      const stored = (await staff1.get(`/api/cases/${kase.id}`)).body;
      expect(stored).to.include({ version: kase.version + 1, assigneeId: winner.body.assigneeId });
      expect(await accepts(kase.id)).to.have.length(1);
      const timeline = (await staff1.get(`/api/cases/${kase.id}/events`)).body.events;
      expect(timeline.filter((e: any) => e.type === 'case.acted' && e.data.action === 'accept')).to.have.length(1);

      const receiptRows = (await listNotices(suite.store.db.knex, kase.id)).filter((n) => n.templateId === 'acceptance-receipt');
      expect(new Set(receiptRows.map((n) => n.noticeId)).size).to.equal(1);
      // One row per channel of that one notice (inApp and email), not per request.
      expect(receiptRows.map((n) => n.channel).sort()).to.deep.equal(['email', 'inApp']);
      const notices = (await zhangsan.get(`/api/cases/${kase.id}/notices`)).body.notices;
      expect(notices.filter((n: any) => n.templateId === 'acceptance-receipt')).to.have.length(1);
    });
  }

  it('given an accepted case, when staff1 acts with the version before the last change, then 409 and nothing changes', async () => {
    const kase = await acceptedPledge({ applicant: zhangsan, staff: staff1 });
    const eventsBefore = await listEvents(suite.store.db.knex, kase.id);
    const noticesBefore = await listNotices(suite.store.db.knex, kase.id);

    const stale = await act(staff1, { id: kase.id, version: kase.version - 1 }, 'progress', { payload: { note: '按旧页面记录的进度' } });
    expect(stale.status).to.equal(409);
    expect(stale.body.code).to.equal('case.version-conflict');

    const after = (await staff1.get(`/api/cases/${kase.id}`)).body;
    expect(after).to.include({ version: kase.version, step: 'implement', updatedAt: kase.updatedAt });
    expect(await listEvents(suite.store.db.knex, kase.id)).to.deep.equal(eventsBefore);
    expect((await listNotices(suite.store.db.knex, kase.id)).map((n) => n.id)).to.deep.equal(noticesBefore.map((n) => n.id));

    const current = await act(staff1, kase, 'progress', { payload: { note: '刷新后记录的进度' } });
    expect(current.status).to.equal(200);
    expect(current.body.version).to.equal(kase.version + 1);
  });
});
