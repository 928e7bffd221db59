/**
 * Adopting a province item with locks, over HTTP: 绵阳's admin localizes 专利权质押登记 by
 * saving and publishing its own version under the same id. Unlocked fields change and reach
 * 绵阳's applicants; a locked field, a dropped lock or a longer promised time limit is a
 * problem on save and refuses the publish, leaving everything published as it was.
 */
import { expect } from 'chai';
import type { ApiClient } from '../support/api-client.js';
import { forEachDatabase } from '../support/databases.js';
import { useApiSuite } from './support/api-suite.js';
import { PLEDGE_ITEM } from './support/pledge.js';

const ITEM_PATH = `/api/definitions/ServiceItem/${PLEDGE_ITEM}`;
const MIANYANG_WINDOW = '绵阳窗口：绵阳市知识产权公共服务平台服务大厅一楼3号窗口（示例）';

interface Version {
  platformId: string;
  version: number;
  status: string;
  isInherited: boolean;
  body: any;
}

forEachDatabase('API: adopting a province item with locked fields', (target) => {
  const suite = useApiSuite(target);
  let admin: ApiClient;
  let zhangsan: ApiClient;
  let provinceBody: any;

  const versions = async (): Promise<Version[]> => {
    const answer = await admin.get(ITEM_PATH);
    expect(answer.status).to.equal(200);
    return answer.body.versions;
  };
  const publishedOfMianyang = async () => (await versions()).filter((v) => v.platformId === 'mianyang' && v.status === 'published').map((v) => v.version);
  const localized = (changes: Record<string, unknown>) => {
    const { version: _version, ...body } = provinceBody;
    return { ...body, ...changes };
  };
  const publish = () => admin.post('/api/definitions/publish', { definitions: [{ kind: 'ServiceItem', id: PLEDGE_ITEM }] });
  const guideSeenByApplicant = async () => {
    const answer = await zhangsan.get(`/api/platforms/mianyang/items/${PLEDGE_ITEM}`);
    expect(answer.status).to.equal(200);
    return answer.body as { version: number; guideHtml: string };
  };
  const rowSeenByApplicant = async () => {
    const catalog = (await zhangsan.get('/api/platforms/mianyang')).body;
    return catalog.lists.flatMap((list: any) => list.rows).find((row: any) => row.itemId === PLEDGE_ITEM);
  };

  before(async () => {
    admin = await suite.server.client('admin');
    zhangsan = await suite.server.client('zhangsan');
  });

  it("given 绵阳's admin, when it reads the item, then the province's version is marked inherited and carries its locks", async () => {
    const [inherited] = (await versions()).filter((v) => v.status === 'published');
    expect(inherited).to.include({ platformId: 'sichuan-province', version: 1, isInherited: true });
    expect(inherited!.body.locked).to.include.members(['legalBasis', 'fee', 'workflow']);
    expect(inherited!.body.locked).not.to.include('channelNote');
    provinceBody = inherited!.body;
  });

  it('given a localized copy changing only channelNote, when saved and published, then no problem and 绵阳 applicants see it', async () => {
    const saved = await admin.put(ITEM_PATH, localized({ channelNote: MIANYANG_WINDOW }));
    expect(saved.status, JSON.stringify(saved.body)).to.equal(200);
    expect(saved.body.problems).to.deep.equal([]);
    expect(saved.body.draft).to.include({ platformId: 'mianyang', version: 1, status: 'draft', isInherited: false });

    const published = await publish();
    expect(published.status, JSON.stringify(published.body)).to.equal(200);
    expect(published.body.published).to.deep.equal([{ kind: 'ServiceItem', id: PLEDGE_ITEM, version: 1, hash: published.body.published[0].hash }]);
    expect((await guideSeenByApplicant()).guideHtml).to.contain(MIANYANG_WINDOW);
    // The province's own guide is untouched.
    expect((await zhangsan.get(`/api/platforms/sichuan-province/items/${PLEDGE_ITEM}`)).body.guideHtml).not.to.contain(MIANYANG_WINDOW);
  });

  it('given a copy changing legalBasis, when saved, then the problem points at /legalBasis; when published, then refused and nothing published changes', async () => {
    const guideBefore = await guideSeenByApplicant();
    const saved = await admin.put(ITEM_PATH, localized({ channelNote: MIANYANG_WINDOW, legalBasis: ['《绵阳市知识产权质押融资办法》（示例）'] }));
    expect(saved.status, JSON.stringify(saved.body)).to.equal(200);
    expect(saved.body.problems).to.have.length(1);
    expect(saved.body.problems[0]).to.include({
      code: 'adoption.locked-field-changed',
      path: '/legalBasis',
      file: `mianyang/ServiceItem/${PLEDGE_ITEM}@2 (draft)`,
    });
    expect(saved.body.problems[0].message).to.match(/^legalBasis is locked by the inherited ServiceItem "patent-pledge-registration" version 1 of platform "sichuan-province"/);

    const refused = await publish();
    expect(refused.status, JSON.stringify(refused.body)).to.equal(422);
    expect(refused.body.code).to.equal('adoption.locked-field-changed');
    expect(refused.body.problems.map((p: any) => p.path)).to.deep.equal(['/legalBasis']);
    expect(await publishedOfMianyang()).to.deep.equal([1]);
    expect(await guideSeenByApplicant()).to.deep.equal(guideBefore);
  });

  it('given a copy without the inherited locks, when saved or validated, then lock-removed names the dropped ones', async () => {
    const withoutFee = localized({ locked: provinceBody.locked.filter((f: string) => f !== 'fee') });
    const saved = await admin.put(ITEM_PATH, withoutFee);
    expect(saved.body.problems.map((p: any) => [p.code, p.path])).to.deep.equal([['adoption.lock-removed', '/locked']]);
    expect(saved.body.problems[0].message).to.contain('"fee"');
    const validated = await admin.post('/api/definitions/validate', { definitions: [{ ...withoutFee, version: 1 }] });
    expect(validated.body).to.deep.include({ isValid: false });
    expect(validated.body.problems.map((p: any) => p.code)).to.deep.equal(['adoption.lock-removed']);
    expect((await publish()).status).to.equal(422);
  });

  it('given a shorter promised time limit, when saved and published, then it is accepted and shown', async () => {
    expect(provinceBody.timeLimit).to.include({ value: 3, unit: 'workingDay' });
    const saved = await admin.put(ITEM_PATH, localized({ channelNote: MIANYANG_WINDOW, timeLimit: { value: 2, unit: 'workingDay', note: '绵阳承诺提速' } }));
    expect(saved.body.problems).to.deep.equal([]);
    const published = await publish();
    expect(published.status, JSON.stringify(published.body)).to.equal(200);
    expect(await publishedOfMianyang()).to.deep.equal([1, 2]);
    expect((await rowSeenByApplicant()).timeLimit).to.equal('2个工作日');
  });

  it('given a longer promised time limit or another unit, when saved, then limit problems; when published, then refused', async () => {
    const longer = await admin.put(ITEM_PATH, localized({ timeLimit: { value: 5, unit: 'workingDay' } }));
    expect(longer.body.problems.map((p: any) => [p.code, p.path])).to.deep.equal([['adoption.limit-longer', '/timeLimit/value']]);
    const refused = await publish();
    expect(refused.status).to.equal(422);
    expect(refused.body.code).to.equal('adoption.limit-longer');

    const otherUnit = await admin.put(ITEM_PATH, localized({ timeLimit: { value: 1, unit: 'month' } }));
    expect(otherUnit.body.problems.map((p: any) => [p.code, p.path])).to.deep.equal([['adoption.limit-unit-changed', '/timeLimit/unit']]);
    expect((await publish()).status).to.equal(422);
    expect(await publishedOfMianyang()).to.deep.equal([1, 2]);
    expect((await rowSeenByApplicant()).timeLimit).to.equal('2个工作日');
  });

  it('given the province itself, when it changes a field it locks, then nothing is checked: it has no ancestor', async () => {
    const province = await suite.server.client('province');
    const saved = await province.put(ITEM_PATH, localized({ legalBasis: ['《专利权质押登记办法》'] }));
    expect(saved.status, JSON.stringify(saved.body)).to.equal(200);
    expect(saved.body.problems).to.deep.equal([]);
  });
});
