/**
 * Inheritance pinned at a version, and the upgrade, over HTTP on SQLite and PostgreSQL: the
 * province's 专利权质押登记 v1 (with locks) is adopted by 绵阳 and by a park workstation under
 * 绵阳, each with local overrides; a case starts on 绵阳 on v1; the province publishes v2
 * changing a locked field, a field 绵阳 overrode and one it did not; 绵阳 reads the upgrade
 * plan, upgrades and publishes, keeping its overrides and taking the rest; the running case
 * finishes on v1; the workstation's plan is then relative to 绵阳's new version. Case numbers
 * count per implementation code, so a platform sharing 绵阳's USCC numbers on without a clash.
 */
import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { importDefinitions } from '../../server/operations/import-definitions.js';
import { hashPassword } from '../../server/operations/passwords.js';
import { definitionsDir } from '../../server/paths.js';
import { insertPlatform } from '../../storage/platforms.js';
import { insertUser } from '../../storage/users.js';
import type { ApiClient } from '../support/api-client.js';
import { forEachDatabase } from '../support/databases.js';
import { DEMO_PASSWORD } from '../support/test-server.js';
import { useApiSuite } from './support/api-suite.js';
import { act, acceptedPledge, PLEDGE_ITEM, submitPledge } from './support/pledge.js';

const ITEM_PATH = `/api/definitions/ServiceItem/${PLEDGE_ITEM}`;
const UPGRADE_PATH = `${ITEM_PATH}/upgrade`;
const WORKSTATION = 'mianyang-kjc-workstation';
const TWIN = 'mianyang-twin';
const MIANYANG_CODE = '12510700MB0000008G3512199001000';
const CITY_WINDOW = '绵阳窗口：绵阳市知识产权公共服务平台服务大厅一楼3号窗口（示例）';
const PARK_CONTACT = { phone: '0816-1111111（示例号码）', address: '绵阳科技城知识产权工作站（示例地址）' };
const V2 = {
  legalBasis: '《专利权质押登记办法》（2026年修订，示例）',
  channelNote: '网上办理：四川省知识产权公共服务平台统一入口（示例）',
  keyword: '知识产权金融',
};

const mianyangDoc = () => JSON.parse(readFileSync(join(definitionsDir, 'demo', 'mianyang', 'platform.json'), 'utf8')) as Record<string, any>;

/** A park workstation under 绵阳 and a city misconfigured with 绵阳's USCC, each with an account. */
async function addPlatforms(suite: ReturnType<typeof useApiSuite>): Promise<void> {
  const { knex } = suite.store.db;
  const createdAt = '2026-09-01T00:00:00.000Z';
  const city = mianyangDoc();
  const workstation = {
    ...city,
    id: WORKSTATION,
    title: '四川省（绵阳科技城）知识产权公共服务工作站',
    level: 'workstation',
    parent: 'mianyang',
    organization: { name: '绵阳科技城知识产权工作站建设主体（示例）', uscc: '12510700MB0000016Y' },
  };
  const twin = { ...city, id: TWIN, title: '四川省（绵阳）知识产权公共服务平台（重复配置）' };
  for (const doc of [workstation, twin] as Array<Record<string, any>>) {
    await insertPlatform(knex, { id: doc.id, parentId: doc.parent, level: doc.level, title: doc.title, body: doc, createdAt });
    // As the seed does for 绵阳: the platform's own document is among its definitions.
    await importDefinitions(suite.server.services, { platformId: doc.id, files: [{ file: `${doc.id}.json`, doc }], by: 'test' });
  }
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await insertUser(knex, { id: 'test-park-admin', platformId: WORKSTATION, username: 'park-admin', displayName: '工作站管理员', roles: ['platform-admin'], passwordHash, createdAt });
  await insertUser(knex, { id: 'test-twin-applicant', platformId: TWIN, username: 'twin-applicant', displayName: '王五', roles: ['applicant'], phone: '13700137000', passwordHash, createdAt });
}

forEachDatabase('API: inheritance pinned at a version, and the upgrade', (target) => {
  const suite = useApiSuite(target, { start: '2026-09-21T09:00:00+08:00' });
  let province: ApiClient;
  let admin: ApiClient;
  let parkAdmin: ApiClient;
  let zhangsan: ApiClient;
  let staff1: ApiClient;
  let provinceV1: any;
  let running: any;

  const versionsOf = async (client: ApiClient) => (await client.get(ITEM_PATH)).body.versions as Array<{ platformId: string; version: number; status: string; body: any }>;
  const latestOf = async (client: ApiClient, platformId: string) =>
    (await versionsOf(client)).filter((v) => v.platformId === platformId && v.status === 'published').sort((a, b) => b.version - a.version)[0]!;
  const withoutVersion = ({ version: _version, ...body }: any) => body;
  const publishItem = async (client: ApiClient) => {
    const published = await client.post('/api/definitions/publish', { definitions: [{ kind: 'ServiceItem', id: PLEDGE_ITEM }] });
    expect(published.status, JSON.stringify(published.body)).to.equal(200);
    return published.body.published[0] as { version: number };
  };

  before(async () => {
    await addPlatforms(suite);
    province = await suite.server.client('province');
    admin = await suite.server.client('admin');
    parkAdmin = await suite.server.client('park-admin');
    zhangsan = await suite.server.client('zhangsan');
    staff1 = await suite.server.client('staff1');
    provinceV1 = (await latestOf(province, 'sichuan-province')).body;
  });

  it('given the province v1 with locks, when 绵阳 saves a localization without extends, then the server pins it to v1 and it publishes', async () => {
    expect(provinceV1.locked).to.include.members(['legalBasis', 'code']);
    expect(provinceV1.locked).not.to.include.members(['channelNote', 'keywords', 'timeLimit']);
    const saved = await admin.put(ITEM_PATH, { ...withoutVersion(provinceV1), channelNote: CITY_WINDOW, timeLimit: { value: 2, unit: 'workingDay' } });
    expect(saved.status, JSON.stringify(saved.body)).to.equal(200);
    expect(saved.body.problems).to.deep.equal([]);
    expect((await publishItem(admin)).version).to.equal(1);
    expect((await latestOf(admin, 'mianyang')).body.extends).to.deep.equal({ platform: 'sichuan-province', version: 1 });
  });

  it('given the workstation under 绵阳, when it adopts with its own contact, then it is pinned to 绵阳 v1 and bound by 绵阳\'s values of locked fields', async () => {
    const mianyangV1 = (await latestOf(parkAdmin, 'mianyang')).body;
    const changedLock = await parkAdmin.put(ITEM_PATH, { ...withoutVersion(mianyangV1), extends: undefined, legalBasis: ['《工作站自定依据》（示例）'] });
    expect(changedLock.body.problems.map((p: any) => [p.code, p.path])).to.deep.equal([['adoption.locked-field-changed', '/legalBasis']]);
    expect(changedLock.body.problems[0].message).to.contain('of platform "mianyang"');
    const { extends: _pin, ...body } = withoutVersion(mianyangV1);
    const saved = await parkAdmin.put(ITEM_PATH, { ...body, contact: PARK_CONTACT });
    expect(saved.body.problems).to.deep.equal([]);
    expect((await publishItem(parkAdmin)).version).to.equal(1);
    expect((await latestOf(parkAdmin, WORKSTATION)).body.extends).to.deep.equal({ platform: 'mianyang', version: 1 });
  });

  it('given an adoption, when upgraded while up to date, then the plan says so; an item 绵阳 never adopted is 404 not-adopted', async () => {
    const plan = (await admin.get(UPGRADE_PATH)).body;
    expect(plan).to.deep.include({ from: { platform: 'sichuan-province', version: 1 }, to: { platform: 'sichuan-province', version: 1 }, upToDate: true });
    expect(plan.conflicts).to.deep.equal([]);
    const notAdopted = await admin.get('/api/definitions/ServiceItem/ip-policy-consulting/upgrade');
    expect(notAdopted.status).to.equal(404);
    expect(notAdopted.body.code).to.equal('definition.not-adopted');
    expect((await admin.get('/api/definitions/ServiceItem/no-such-item/upgrade')).status).to.equal(404);
    expect((await province.get(UPGRADE_PATH)).body.code).to.equal('definition.not-adopted');
  });

  it('given 绵阳 v1, when an applicant applies and staff accept, then the case runs on v1 numbered with 绵阳\'s implementation code', async () => {
    running = await acceptedPledge({ applicant: zhangsan, staff: staff1 });
    expect(running.item).to.include({ id: PLEDGE_ITEM, version: 1 });
    expect(running.number).to.equal(`${MIANYANG_CODE}202609210001`);
    // 绵阳's 2 working days: 09-22, 09-23.
    expect(running.dueAt).to.equal('2026-09-23T15:59:59.999Z');
    const receipt = (await zhangsan.get(`/api/cases/${running.id}/notices`)).body.notices.find((n: any) => n.templateId === 'acceptance-receipt');
    expect(receipt.body).to.contain(running.number).and.to.contain(`<td>${MIANYANG_CODE}</td>`);
  });

  it('given the province publishes v2 changing legalBasis (locked), channelNote (overridden by 绵阳) and keywords, then v2 is published', async () => {
    const saved = await province.put(ITEM_PATH, {
      ...withoutVersion(provinceV1),
      legalBasis: [...provinceV1.legalBasis, V2.legalBasis],
      channelNote: V2.channelNote,
      keywords: [...provinceV1.keywords, V2.keyword],
    });
    expect(saved.body.problems).to.deep.equal([]);
    expect((await publishItem(province)).version).to.equal(2);
  });

  it('given v2, when 绵阳 reads its upgrade plan, then it shows the diff from v1, its overrides and the one conflict', async () => {
    const answer = await admin.get(UPGRADE_PATH);
    expect(answer.status, JSON.stringify(answer.body)).to.equal(200);
    const plan = answer.body;
    expect(plan).to.deep.include({ from: { platform: 'sichuan-province', version: 1 }, to: { platform: 'sichuan-province', version: 2 }, upToDate: false });
    expect(plan.upstream.map((c: any) => [c.field, c.locked])).to.have.deep.members([
      ['channelNote', false],
      ['legalBasis', true],
      ['keywords', false],
    ]);
    expect(plan.upstream.find((c: any) => c.field === 'legalBasis').changes).to.deep.equal([{ path: '/legalBasis/3', op: 'added', after: V2.legalBasis }]);
    expect(plan.overrides.map((c: any) => c.field)).to.have.members(['channelNote', 'timeLimit']);
    expect(plan.conflicts).to.deep.equal([{ field: 'channelNote', upstream: V2.channelNote, local: CITY_WINDOW, resolution: 'keepLocal', reason: 'bothChanged' }]);
    expect(plan.merged).to.deep.include({ channelNote: CITY_WINDOW, extends: { platform: 'sichuan-province', version: 2 } });
  });

  it('given a stale or unknown target, when 绵阳 upgrades, then 409 naming the latest; a pin to a version that does not exist is a problem at /extends', async () => {
    const stale = await admin.post(UPGRADE_PATH, { to: 1 });
    expect(stale.status).to.equal(409);
    expect(stale.body).to.deep.include({ code: 'definition.upgrade-stale', latest: { platform: 'sichuan-province', version: 2 } });
    expect(stale.body.detail).to.contain('the latest is version 2');
    const mianyangV1 = (await latestOf(admin, 'mianyang')).body;
    const badPin = await admin.put(ITEM_PATH, { ...withoutVersion(mianyangV1), extends: { platform: 'sichuan-province', version: 7 } });
    expect(badPin.body.problems.map((p: any) => [p.code, p.path])).to.deep.equal([['adoption.extends-unknown', '/extends']]);
    expect(badPin.body.problems[0].message).to.contain('"sichuan-province" has versions 1, 2 of this item');
    const changedCode = await admin.put(ITEM_PATH, { ...withoutVersion(mianyangV1), code: { ...mianyangV1.code, basic: '512199001999' } });
    expect(changedCode.body.problems.map((p: any) => p.code)).to.include('adoption.code-changed');
  });

  it('given the plan, when 绵阳 upgrades to v2 and publishes, then it keeps its overrides and takes the locked and the untouched change', async () => {
    const upgraded = await admin.post(UPGRADE_PATH, { to: 2 });
    expect(upgraded.status, JSON.stringify(upgraded.body)).to.equal(200);
    expect(upgraded.body.draft).to.include({ platformId: 'mianyang', status: 'draft', version: 2 });
    expect(upgraded.body.problems).to.deep.equal([]);
    expect(upgraded.body.plan.to).to.deep.equal({ platform: 'sichuan-province', version: 2 });
    expect((await publishItem(admin)).version).to.equal(2);

    const mianyangV2 = (await latestOf(admin, 'mianyang')).body;
    expect(mianyangV2.extends).to.deep.equal({ platform: 'sichuan-province', version: 2 });
    expect(mianyangV2.channelNote).to.equal(CITY_WINDOW);
    expect(mianyangV2.timeLimit).to.deep.equal({ value: 2, unit: 'workingDay' });
    expect(mianyangV2.legalBasis).to.include(V2.legalBasis);
    expect(mianyangV2.keywords).to.include(V2.keyword);
    expect((await admin.get(UPGRADE_PATH)).body.upToDate).to.equal(true);
  });

  it('given 绵阳 v2 published, when the running case is worked to the end, then it stays on v1 throughout', async () => {
    let kase = (await staff1.get(`/api/cases/${running.id}`)).body;
    expect(kase.item).to.include({ version: 1 });
    expect(kase.dueAt).to.equal(running.dueAt);
    kase = (await act(staff1, kase, 'progress', { payload: { note: '已核验专利法律状态' } })).body;
    const completed = await act(staff1, kase, 'complete', { payload: { result: '准予登记' } });
    expect(completed.status, JSON.stringify(completed.body)).to.equal(200);
    const evaluated = await act(zhangsan, completed.body, 'evaluate', { payload: { level: 5 } });
    expect(evaluated.body).to.include({ step: 'closed', status: 'completed' });
    expect(evaluated.body.item.version).to.equal(1);
    const notices = (await zhangsan.get(`/api/cases/${running.id}/notices`)).body.notices;
    const result = notices.find((n: any) => n.templateId === 'result-notice');
    expect(result.body).to.contain(running.number).and.to.contain(`<td>${MIANYANG_CODE}</td>`);
    // The version the case pins keeps v1's legal basis; 绵阳's current guide, for new cases, prints v2's.
    const pinned = (await versionsOf(admin)).find((v) => v.platformId === 'mianyang' && v.version === evaluated.body.item.version)!;
    expect(pinned.body.legalBasis).not.to.include(V2.legalBasis);
    expect((await zhangsan.get(`/api/platforms/mianyang/items/${PLEDGE_ITEM}`)).body.guideHtml).to.contain(V2.legalBasis);
  });

  it("given 绵阳 v2, when the workstation reads its plan, then it is relative to 绵阳's new version and keeps the workstation's contact", async () => {
    const plan = (await parkAdmin.get(UPGRADE_PATH)).body;
    expect(plan).to.deep.include({ from: { platform: 'mianyang', version: 1 }, to: { platform: 'mianyang', version: 2 }, upToDate: false });
    expect(plan.upstream.map((c: any) => c.field)).to.have.members(['legalBasis', 'keywords']);
    expect(plan.overrides.map((c: any) => c.field)).to.deep.equal(['contact']);
    expect(plan.conflicts).to.deep.equal([]);
    expect(plan.merged).to.deep.include({ contact: PARK_CONTACT, channelNote: CITY_WINDOW, extends: { platform: 'mianyang', version: 2 } });
  });

  it("given a platform configured with 绵阳's USCC, when its applicant applies the same day, then the number continues 绵阳's sequence instead of colliding", async () => {
    const twinApplicant = await suite.server.client('twin-applicant');
    const submitted = await submitPledge(twinApplicant, { hasAgentIdentity: true });
    expect(submitted.status, JSON.stringify(submitted.body)).to.equal(201);
    expect(submitted.body.number).to.equal(`${MIANYANG_CODE}202609210002`);
  });
});
