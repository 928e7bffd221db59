/**
 * Reassigning a case (转办): staff hand an open case to another staff member of the platform at
 * the version they saw; the timeline records it; a stale version is a conflict; only enabled
 * staff of the same platform can take a case over. GET /api/staff lists whom to pick.
 */
import { expect } from 'chai';
import type { ApiClient } from '../support/api-client.js';
import { forEachDatabase } from '../support/databases.js';
import { insertUser } from '../../storage/users.js';
import { useApiSuite } from './support/api-suite.js';
import { acceptedPledge } from './support/pledge.js';

forEachDatabase('API: reassign a case', (target) => {
  const suite = useApiSuite(target);
  let zhangsan: ApiClient;
  let staff1: ApiClient;
  let staff2: ApiClient;
  let kase: any;

  before(async () => {
    zhangsan = await suite.server.client('zhangsan');
    staff1 = await suite.server.client('staff1');
    staff2 = await suite.server.client('staff2');
    kase = await acceptedPledge({ applicant: zhangsan, staff: staff1 });
    // A staff member of another platform: never a valid assignee for a 绵阳 case.
    await insertUser(suite.server.services.db.knex, { id: 'test-province-staff', platformId: 'sichuan-province', username: 'province-staff', displayName: '省平台工作人员', roles: ['staff'], createdAt: '2026-09-01T00:00:00.000Z' });
  });

  it('given staff1 working a case, when the platform\'s staff are listed, then staff1 and staff2 are offered and nobody else', async () => {
    const answer = await staff1.get('/api/staff');
    expect(answer.status).to.equal(200);
    expect(answer.body.staff.map((s: { id: string }) => s.id)).to.deep.equal(['demo-staff1', 'demo-staff2']);
    expect(answer.body.staff[1]).to.deep.equal({ id: 'demo-staff2', username: 'staff2', displayName: '窗口工作人员李强（演示）', roles: ['staff'] });
    expect((await zhangsan.get('/api/staff')).status).to.equal(403);
  });

  it('given the accepted case assigned to staff1, when staff1 hands it to staff2, then staff2 is the assignee and the timeline says who handed it from whom to whom', async () => {
    expect(kase).to.include({ assigneeId: 'demo-staff1', assigneeName: '窗口工作人员王敏（演示）' });
    const answer = await staff1.post(`/api/cases/${kase.id}/assignee`, { userId: 'demo-staff2', version: kase.version });
    expect(answer.status, JSON.stringify(answer.body)).to.equal(200);
    expect(answer.body).to.include({ assigneeId: 'demo-staff2', assigneeName: '窗口工作人员李强（演示）', version: kase.version + 1 });
    const events = (await staff1.get(`/api/cases/${kase.id}/events`)).body.events;
    expect(events.at(-1)).to.deep.include({ type: 'case.reassigned', actorId: 'demo-staff1', data: { from: 'demo-staff1', to: 'demo-staff2' } });
    const mine = (await staff2.get('/api/cases?view=mine')).body.cases.map((c: { id: string }) => c.id);
    expect(mine).to.include(kase.id);
    kase = answer.body;
  });

  it('given the version before the reassignment, when staff1 reassigns again, then 409 with the current version and nothing changes', async () => {
    const stale = await staff1.post(`/api/cases/${kase.id}/assignee`, { userId: 'demo-staff1', version: kase.version - 1 });
    expect(stale.status).to.equal(409);
    expect(stale.body).to.include({ code: 'case.version-conflict', currentVersion: kase.version });
    expect((await staff1.get(`/api/cases/${kase.id}`)).body.assigneeId).to.equal('demo-staff2');
  });

  it('given an applicant, the admin, another platform\'s staff or an unknown user as the new assignee, when reassigned, then 422 at /userId', async () => {
    for (const userId of ['demo-zhangsan', 'demo-admin', 'test-province-staff', 'nobody']) {
      const answer = await staff2.post(`/api/cases/${kase.id}/assignee`, { userId, version: kase.version });
      expect(answer.status, userId).to.equal(422);
      expect(answer.body.problems[0]).to.include({ code: 'case.assignee-invalid', path: '/userId' });
    }
  });

  it('given the applicant, when they try to reassign their case, then 403; and the same assignee again is refused', async () => {
    expect((await zhangsan.post(`/api/cases/${kase.id}/assignee`, { userId: 'demo-staff1', version: kase.version })).status).to.equal(403);
    const same = await staff2.post(`/api/cases/${kase.id}/assignee`, { userId: 'demo-staff2', version: kase.version });
    expect(same.status).to.equal(422);
    expect(same.body.problems[0]).to.include({ code: 'case.assignee-unchanged' });
  });

  it('given the platform admin, when they hand the case back to staff1, then it is staff1\'s again', async () => {
    const admin = await suite.server.client('admin');
    const answer = await admin.post(`/api/cases/${kase.id}/assignee`, { userId: 'demo-staff1', version: kase.version });
    expect(answer.status, JSON.stringify(answer.body)).to.equal(200);
    expect(answer.body.assigneeId).to.equal('demo-staff1');
  });
});
