/**
 * The platform registry and the construction application, over HTTP on both databases: the
 * province's naming rules refuse a wrong name at /data/proposedName; a park applying with 2
 * staff gets a one-time notice naming exactly that condition; a corrected resubmission passes;
 * acceptance registers the platform (applied) and approval, acceptance and listing move it;
 * the listed platform is in the tree; awards and manual status changes follow the rules.
 */
import { expect } from 'chai';
import type { ApiClient } from '../support/api-client.js';
import { forEachDatabase, type TestStore } from '../support/databases.js';
import { startTestServer, type TestServer } from '../support/test-server.js';

const pdf = (name: string) => [{ name, content: '%PDF-1.4 construction' }];
const materials = { application: pdf('申报书.pdf'), plan: pdf('建设方案.pdf'), evidence: pdf('证明文件汇编.pdf') };

/** 广安经开区 applying as a national park, with one staff member short. */
const parkApplication = {
  level: 'park',
  proposedName: '四川省（广安经开区）知识产权公共服务平台',
  parentPlatform: 'sichuan-province',
  regionCode: '511600',
  regionName: '广安经开区',
  operatorName: '广安经济技术开发区管理委员会（示例）',
  operatorUscc: '11511600MB1234567R',
  areaM2: 120,
  staff: 2,
  computers: 3,
  contactName: '王五',
  contactPhone: '13600136000',
};

forEachDatabase('API: platform registry and the construction application', (target) => {
  let store: TestStore;
  let server: TestServer;
  let province: ApiClient;
  let builder: ApiClient;
  let caseId: string;
  let version: number;

  before(async function () {
    this.timeout(60_000);
    store = await target.createStore();
    server = await startTestServer({ db: store.db });
    province = await server.client('province');
    builder = await server.client('jianshe');
  });

  after(async () => {
    await server?.close();
    await store?.dispose();
  });

  const act = async (client: ApiClient, action: string, payload: Record<string, unknown> = {}, extra: Record<string, unknown> = {}) => {
    const answer = await client.post(`/api/cases/${caseId}/actions/${action}`, { version, payload, ...extra });
    expect(answer.status, JSON.stringify(answer.body)).to.equal(200);
    version = answer.body.version;
    return answer.body;
  };
  const registryOf = async () => ((await province.get('/api/network/platforms')).body.platforms as Array<{ title: string; status: string; id: string; parentId: string }>)
    .find((p) => p.title === parkApplication.proposedName);

  describe('the registry before any application', () => {
    it('given the demo, when the province admin reads the tree, then the province and 绵阳 are listed', async () => {
      const answer = await province.get('/api/network/platforms');
      expect(answer.status).to.equal(200);
      const byId = new Map((answer.body.platforms as Array<{ id: string; status: string; parentId: string | null }>).map((p) => [p.id, p]));
      expect(byId.get('sichuan-province')).to.include({ status: 'listed', parentId: null });
      expect(byId.get('mianyang')).to.include({ status: 'listed', parentId: 'sichuan-province' });
    });

    it('given anyone, when reading the province\'s public page, then its lists offer the construction application with its guide', async () => {
      const page = await (await server.client()).get('/api/platforms/sichuan-province');
      expect(page.status, JSON.stringify(page.body)).to.equal(200);
      const entries = JSON.stringify(page.body.lists);
      expect(entries).to.contain('platform-construction');
      const guide = await (await server.client()).get('/api/platforms/sichuan-province/items/platform-construction');
      expect(guide.status, JSON.stringify(guide.body)).to.equal(200);
    });

    it('given a platform admin, when reading the tree, then only its own subtree is there', async () => {
      const answer = await (await server.client('admin')).get('/api/network/platforms');
      expect(answer.body.platforms.map((p: { id: string }) => p.id)).to.deep.equal(['mianyang']);
    });

    it('given anyone signed in, when checking a name with 市 left in, then the rule, example and hint come back', async () => {
      const answer = await builder.post('/api/network/names/check', { level: 'city', name: '四川省（绵阳市）知识产权公共服务平台' });
      expect(answer.status).to.equal(200);
      expect(answer.body.isValid).to.equal(false);
      expect(answer.body.problems[0].message).to.include('例：四川省（绵阳）知识产权公共服务平台').and.to.include('而不是“绵阳市”');
      expect(answer.body.rule.example).to.equal('四川省（绵阳）知识产权公共服务平台');
      expect((await builder.post('/api/network/names/check', { level: 'park', name: parkApplication.proposedName })).body).to.include({ isValid: true });
    });
  });

  describe('the construction application', () => {
    it('given a name with half-width brackets, when submitted, then 422 names /data/proposedName and the rule', async () => {
      const answer = await builder.postMultipart('/api/cases', { item: 'platform-construction', data: { ...parkApplication, proposedName: '四川省(广安经开区)知识产权公共服务平台' } }, materials);
      expect(answer.status).to.equal(422);
      expect(answer.body.problems[0]).to.include({ code: 'platform.name-rule', path: '/data/proposedName' });
      expect(answer.body.problems[0].message).to.include('全角');
    });

    it('given a park with 2 staff, when submitted, then the one-time notice names that condition and nothing else unmet', async () => {
      const answer = await builder.postMultipart('/api/cases', { item: 'platform-construction', data: parkApplication }, materials);
      expect(answer.status, JSON.stringify(answer.body)).to.equal(201);
      expect(answer.body.step).to.equal('supplement');
      caseId = answer.body.id;
      version = answer.body.version;
      const notices = (await builder.get(`/api/cases/${caseId}/notices`)).body.notices as Array<{ purpose: string; body: string }>;
      const notice = notices.find((n) => n.purpose === 'oneTimeNotice');
      expect(notice?.body).to.include('园区平台（工作站）工作人员不少于3名');
      expect(notice?.body).to.include('未满足的受理条件');
      for (const other of ['面积不小于', '计算机', '5名以上', '申报书']) expect(notice?.body).not.to.include(other);
      expect(await registryOf()).to.equal(undefined);
    });

    it('given the corrected form, when resubmitted, then it waits for acceptance', async () => {
      const body = await act(builder, 'resubmit', {}, { data: { ...parkApplication, staff: 3 } });
      expect(body.step).to.equal('accept');
      expect(await registryOf()).to.equal(undefined);
    });

    it('given acceptance, approval, inspection and listing, when each is taken, then the registry status follows', async () => {
      await act(province, 'accept');
      expect(await registryOf()).to.include({ status: 'applied', parentId: 'sichuan-province' });
      await act(province, 'approve', { note: '现场考察通过，纳入2026年建设计划' });
      expect(await registryOf()).to.include({ status: 'approved' });
      await act(province, 'inspect', { note: '验收评估合格' });
      expect(await registryOf()).to.include({ status: 'accepted' });
      const listed = await act(province, 'list', { result: '挂牌运行' });
      expect(listed.status).to.equal('completed');
      const entry = await registryOf();
      expect(entry).to.include({ status: 'listed' });
      const detail = (await province.get(`/api/network/platforms/${entry?.id}`)).body;
      expect(detail.history.map((e: { from: string | null; to: string }) => [e.from, e.to])).to.deep.equal([
        [null, 'applied'],
        ['applied', 'approved'],
        ['approved', 'accepted'],
        ['accepted', 'listed'],
      ]);
      expect(detail.history.every((e: { caseId: string }) => e.caseId === caseId)).to.equal(true);
    });
  });

  describe('status changes and awards by hand', () => {
    it('given a listed platform, when delisted and then listed again directly, then the second is refused and re-acceptance is the way back', async () => {
      const delisted = await province.post('/api/network/platforms/mianyang/status', { to: 'delisted', reason: '年度评估不合格，期满未整改' });
      expect(delisted.status).to.equal(200);
      expect(delisted.body.status).to.equal('delisted');
      const relisted = await province.post('/api/network/platforms/mianyang/status', { to: 'listed', reason: '整改完成' });
      expect(relisted.status).to.equal(422);
      expect(relisted.body.problems[0]).to.include({ code: 'platform.status-transition', path: '/to' });
      expect(relisted.body.problems[0].message).to.include('重新验收');
      expect((await province.post('/api/network/platforms/mianyang/status', { to: 'accepted', reason: '重新验收合格' })).status).to.equal(200);
      expect((await province.post('/api/network/platforms/mianyang/status', { to: 'listed', reason: '重新挂牌' })).body.status).to.equal('listed');
    });

    it('given an award title breaking the rule, when awarded, then 422 quotes the rule; a good title is recorded on the tree', async () => {
      const bad = await province.post('/api/network/platforms/mianyang/awards', { title: '四川省知识产权保护中心绵阳市分中心', module: '知识产权保护' });
      expect(bad.status).to.equal(422);
      expect(bad.body.problems[0].message).to.include('例：四川省知识产权保护中心德阳分中心');
      const good = await province.post('/api/network/platforms/mianyang/awards', { title: '四川省知识产权保护中心绵阳分中心', module: '知识产权保护' });
      expect(good.status).to.equal(201);
      const tree = (await province.get('/api/network/platforms')).body.platforms as Array<{ id: string; awards: Array<{ title: string }> }>;
      expect(tree.find((p) => p.id === 'mianyang')?.awards.map((a) => a.title)).to.deep.equal(['四川省知识产权保护中心绵阳分中心']);
    });

    it('given a platform admin, when changing a status, then 403', async () => {
      expect((await (await server.client('admin')).post('/api/network/platforms/mianyang/status', { to: 'delisted', reason: 'x' })).status).to.equal(403);
    });
  });
});
