/**
 * The network overview over HTTP on both databases: cases on 绵阳 and 德阳 (one of 德阳's from
 * last year), some completed on time, one completed after its 示警, some open and overdue; the
 * province reads each platform's counts, a platform admin only its own subtree; template
 * adoption shows who localized which province item at which version and who is behind.
 */
import { expect } from 'chai';
import { runWorkerOnce } from '../../server/worker/worker.js';
import type { ApiClient } from '../support/api-client.js';
import { forEachDatabase } from '../support/databases.js';
import { addDeyang } from './isolation/deyang.js';
import { useApiSuite } from './support/api-suite.js';
import { act, acceptedPledge, PLEDGE_ITEM, submitPledge } from './support/pledge.js';

const ITEM_PATH = `/api/definitions/ServiceItem/${PLEDGE_ITEM}`;

/** Completes an accepted case and has the applicant rate it: the case ends completed. */
async function completeAndRate(input: { staff: ApiClient; applicant: ApiClient; kase: { id: string; version: number } }): Promise<void> {
  const completed = await act(input.staff, input.kase, 'complete', { payload: { result: '准予登记' } });
  expect(completed.status, JSON.stringify(completed.body)).to.equal(200);
  const rated = await act(input.applicant, completed.body, 'evaluate', { payload: { level: 5 } });
  expect(rated.status, JSON.stringify(rated.body)).to.equal(200);
  expect(rated.body.status).to.equal('completed');
}

const figuresOf = (body: any, id: string) => body.platforms.find((p: any) => p.id === id)?.cases;

forEachDatabase('API: the network overview', (target) => {
  // Monday 29 December 2025: 德阳's first case is last year's.
  const suite = useApiSuite(target, { start: '2025-12-29T09:00:00+08:00' });
  let province: ApiClient;

  before(async function () {
    this.timeout(60_000);
    const { server } = suite;
    await addDeyang(server.services);
    // Sessions time out across the clock's jumps: each period signs in afresh.
    const signIn = () => Promise.all(['zhangsan', 'staff1', 'deyang-applicant', 'deyang-staff'].map((name) => server.client(name)));
    // 2025: 德阳 receives one application and never accepts it (overdue by now).
    let [zhangsan, staff1, deyangApplicant, deyangStaff] = (await signIn()) as [ApiClient, ApiClient, ApiClient, ApiClient];
    expect((await submitPledge(deyangApplicant, { hasAgentIdentity: true })).status).to.equal(201);
    // 2026-09-21: 绵阳 accepts three, completes one on time; 德阳 completes one on time.
    server.clock.set('2026-09-21T09:00:00+08:00');
    [zhangsan, staff1, deyangApplicant, deyangStaff] = (await signIn()) as [ApiClient, ApiClient, ApiClient, ApiClient];
    const onTime = await acceptedPledge({ applicant: zhangsan, staff: staff1 });
    const late = await acceptedPledge({ applicant: zhangsan, staff: staff1 });
    await acceptedPledge({ applicant: zhangsan, staff: staff1 });
    await completeAndRate({ staff: staff1, applicant: zhangsan, kase: onTime });
    await completeAndRate({ staff: deyangStaff, applicant: deyangApplicant, kase: await acceptedPledge({ applicant: deyangApplicant, staff: deyangStaff }) });
    // 2026-09-28: past the promised 3 working days; the worker raises 示警 on the open ones.
    server.clock.set('2026-09-28T09:00:00+08:00');
    [zhangsan, staff1] = (await signIn()) as [ApiClient, ApiClient];
    await runWorkerOnce(server.services, { workerId: 'overview-test' });
    const lateNow = (await staff1.get(`/api/cases/${late.id}`)).body;
    await completeAndRate({ staff: staff1, applicant: zhangsan, kase: lateNow });
    // A fresh application, its acceptance limit still running.
    expect((await submitPledge(zhangsan, { hasAgentIdentity: true })).status).to.equal(201);
    province = await server.client('province');
  });

  it('given cases on 绵阳 and 德阳, when the province reads the overview, then each platform has its counts', async () => {
    const answer = await province.get('/api/network/overview');
    expect(answer.status, JSON.stringify(answer.body)).to.equal(200);
    expect(answer.body).to.include({ year: 2026, root: 'sichuan-province' });
    expect(answer.body.platforms.map((p: any) => p.id)).to.have.members(['sichuan-province', 'mianyang', 'deyang']);
    expect(answer.body.platforms[0]).to.include({ id: 'sichuan-province', level: 'province', parent: null });
    expect(answer.body.platforms.find((p: any) => p.id === 'mianyang')).to.include({ parent: 'sichuan-province', level: 'city', status: 'listed' });
    expect(figuresOf(answer.body, 'mianyang')).to.deep.equal({ total: 4, thisYear: 4, completed: 2, completedOnTime: 1, onTimeRate: 0.5, overdueOpen: 1 });
    expect(figuresOf(answer.body, 'deyang')).to.deep.equal({ total: 2, thisYear: 1, completed: 1, completedOnTime: 1, onTimeRate: 1, overdueOpen: 1 });
    expect(figuresOf(answer.body, 'sichuan-province')).to.deep.equal({ total: 0, thisYear: 0, completed: 0, completedOnTime: 0, onTimeRate: null, overdueOpen: 0 });
  });

  it('given the answer, when searched for case data, then it carries counts only: no case id, number or applicant', async () => {
    const answer = await province.get('/api/network/overview');
    const text = JSON.stringify(answer.body);
    const cases = (await (await suite.server.client('staff1')).get('/api/cases')).body.cases as Array<{ id: string; number: string }>;
    expect(cases).to.have.length.greaterThan(0);
    for (const kase of cases) {
      expect(text).not.to.contain(kase.id);
      expect(text).not.to.contain(kase.number);
    }
    expect(text).not.to.contain('demo-zhangsan');
  });

  it("given 德阳's platform admin, when it reads the overview, then it sees only 德阳", async () => {
    const answer = await (await suite.server.client('deyang-admin')).get('/api/network/overview');
    expect(answer.status).to.equal(200);
    expect(answer.body.root).to.equal('deyang');
    expect(answer.body.platforms.map((p: any) => p.id)).to.deep.equal(['deyang']);
    expect(JSON.stringify(answer.body)).not.to.contain('"mianyang"');
  });

  it('given staff or an applicant, when they ask, then 403; anonymous 401', async () => {
    expect((await (await suite.server.client('staff1')).get('/api/network/overview')).status).to.equal(403);
    expect((await (await suite.server.client('zhangsan')).get('/api/network/overview')).status).to.equal(403);
    expect((await (await suite.server.client()).get('/api/network/overview')).status).to.equal(401);
  });

  it('given 绵阳 localized the pledge item at v1 and the province published v2, when read, then 绵阳 shows as outdated', async () => {
    const admin = await suite.server.client('admin');
    const { version: _version, ...provinceBody } = (await admin.get(ITEM_PATH)).body.versions.at(-1).body;
    const saved = await admin.put(ITEM_PATH, { ...provinceBody, channelNote: '绵阳窗口（网络概览测试）', extends: { platform: 'sichuan-province', version: 1 } });
    expect(saved.status, JSON.stringify(saved.body)).to.equal(200);
    expect((await admin.post('/api/definitions/publish', { definitions: [{ kind: 'ServiceItem', id: PLEDGE_ITEM }] })).status).to.equal(200);

    const before = (await province.get('/api/network/overview')).body.templates.find((t: any) => t.id === PLEDGE_ITEM);
    expect(before).to.include({ platform: 'sichuan-province', latestVersion: 1 });
    expect(before.adopters).to.deep.equal([{ platform: 'mianyang', version: 1, extends: { platform: 'sichuan-province', version: 1 }, upstreamLatest: 1, isOutdated: false }]);

    expect((await province.put(ITEM_PATH, { ...provinceBody, channelNote: '省平台 v2（网络概览测试）' })).status).to.equal(200);
    expect((await province.post('/api/definitions/publish', { definitions: [{ kind: 'ServiceItem', id: PLEDGE_ITEM }] })).status).to.equal(200);
    const after = (await province.get('/api/network/overview')).body.templates.find((t: any) => t.id === PLEDGE_ITEM);
    expect(after.latestVersion).to.equal(2);
    expect(after.adopters).to.deep.equal([{ platform: 'mianyang', version: 1, extends: { platform: 'sichuan-province', version: 1 }, upstreamLatest: 2, isOutdated: true }]);
    // 德阳 only sees whether its own subtree adopted it: nobody there.
    const deyang = (await (await suite.server.client('deyang-admin')).get('/api/network/overview')).body.templates.find((t: any) => t.id === PLEDGE_ITEM);
    expect(deyang.adopters).to.deep.equal([]);
  });
});
